import { CannotOpenReason, type DataRequest, DataRequestOutcome } from '@shuzhi/contracts';
import { App, type ButtonProps, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { useDebounced } from '../../ui/use-debounced';
import { type AnswerBody, useAnswer, useOpenDatasetOptions } from './community-api';

type Values = {
  outcome: DataRequestOutcome;
  text?: string;
  datasetCode?: string;
  reason?: CannotOpenReason;
  /** The date picker's value (a dayjs instance: antd's own dependency). */
  plannedDate?: { format: (pattern: string) => string };
};

const OpenDatasetSelect = (props: { value?: string; onChange?: (v?: string) => void }) => {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim(), 250);
  const { data, isFetching } = useOpenDatasetOptions(debounced);
  return (
    <Select
      {...props}
      showSearch={{ filterOption: false, onSearch: setQ }}
      virtual={false}
      allowClear
      loading={isFetching}
      placeholder={t('openCommunity.inbox.pickDataset')}
      data-testid="request-answer-dataset"
      options={(data ?? []).map((d) => ({ value: d.code, label: `${d.name} (${d.code})` }))}
    />
  );
};

/** The assigned department's officer answers: will open (with a date), already open (with the dataset), or cannot open (with a reason). */
export const AnswerModal = ({ request, onClose }: { request: DataRequest | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const answer = useAnswer();
  const showError = useShowError();
  useEffect(() => {
    if (request) form.resetFields();
  }, [request, form]);

  const submit = (v: Values) => {
    if (!request) return;
    const text = v.text?.trim() ?? '';
    const body: AnswerBody =
      v.outcome === 'will_open'
        ? { outcome: 'will_open', text, plannedDate: v.plannedDate?.format('YYYY-MM-DD') }
        : v.outcome === 'already_open'
          ? { outcome: 'already_open', datasetCode: v.datasetCode ?? '', text }
          : { outcome: 'cannot_open', reason: v.reason ?? 'other', text };
    answer.mutate(
      { id: request.id, body },
      {
        onSuccess: () => {
          void message.success(t('openCommunity.inbox.answered'));
          onClose();
        },
        onError: (err) => showError(err, form),
      },
    );
  };

  return (
    <Modal
      open={!!request}
      title={t('openCommunity.inbox.answerTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={answer.isPending}
      okButtonProps={{ 'data-testid': 'request-answer-submit' } as ButtonProps}
      forceRender
    >
      <Typography.Paragraph strong>{request?.title}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }}>
        {request?.description}
      </Typography.Paragraph>
      <Form
        form={form}
        name="request-answer"
        layout="vertical"
        onFinish={submit}
        initialValues={{ outcome: 'will_open' }}
      >
        <Form.Item name="outcome" label={t('openCommunity.inbox.outcome')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            data-testid="request-answer-outcome"
            options={DataRequestOutcome.options.map((o) => ({
              value: o,
              label: t(`openCommunity.requests.outcomes.${o}`),
            }))}
          />
        </Form.Item>
        {outcome === 'already_open' && (
          <Form.Item
            name="datasetCode"
            label={t('openCommunity.requests.dataset')}
            rules={[{ required: true, message: t('openCommunity.inbox.datasetRequired') }]}
          >
            <OpenDatasetSelect />
          </Form.Item>
        )}
        {outcome === 'cannot_open' && (
          <Form.Item
            name="reason"
            label={t('openCommunity.requests.reason')}
            rules={[{ required: true, message: t('openCommunity.inbox.reasonRequired') }]}
          >
            <Select
              virtual={false}
              data-testid="request-answer-reason"
              options={CannotOpenReason.options.map((r) => ({
                value: r,
                label: t(`openCommunity.requests.reasons.${r}`),
              }))}
            />
          </Form.Item>
        )}
        {outcome === 'will_open' && (
          <Form.Item name="plannedDate" label={t('openCommunity.requests.plannedDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item
          name="text"
          label={t('openCommunity.inbox.text')}
          rules={[
            {
              required: outcome !== 'already_open',
              whitespace: true,
              min: outcome === 'cannot_open' ? 10 : 2,
              max: 2000,
              message: t('openCommunity.inbox.textRequired'),
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="request-answer-text-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

import type { Complaint, Dataset } from '@shuzhi/contracts';
import { App, type ButtonProps, Descriptions, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { useAnswerComplaint, useCloseComplaint, useRaiseComplaint } from './quality-api';

type RaiseValues = { key?: Record<string, string>; field?: string; text: string };

/** Raises a complaint on a dataset: optionally one record (by its key) and one field. */
export const RaiseComplaintModal = ({
  dataset,
  open,
  onClose,
}: {
  dataset: Dataset;
  open: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RaiseValues>();
  const raise = useRaiseComplaint();
  const showError = useShowError();
  const keys = dataset.fields.filter((f) => f.key);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = (v: RaiseValues) => {
    const given = keys.map((k) => [k.name, (v.key?.[k.name] ?? '').trim()] as const);
    const recordKey = given.some(([, x]) => x !== '') ? Object.fromEntries(given) : undefined;
    raise.mutate(
      { datasetId: dataset.id, recordKey, field: v.field || undefined, text: v.text.trim() },
      {
        onSuccess: (c) => {
          void message.success(t('quality.complaints.raised', { deadline: c.deadline }));
          onClose();
        },
        onError: (err) => showError(err, form),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('quality.complaints.raiseTitle', { name: dataset.name })}
      okText={t('quality.complaints.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={raise.isPending}
      okButtonProps={{ 'data-testid': 'complaint-raise-submit' } as ButtonProps}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        {t('quality.complaints.raiseIntro', { owner: dataset.ownerOrgName })}
      </Typography.Paragraph>
      <Form form={form} name="complaint-raise" layout="vertical" onFinish={submit}>
        {keys.map((k) => (
          <Form.Item
            key={k.name}
            name={['key', k.name]}
            label={`${t('quality.complaints.recordKey')} · ${k.title}`}
          >
            <Input maxLength={200} data-testid={`complaint-key-${k.name}`} />
          </Form.Item>
        ))}
        <Form.Item name="field" label={t('quality.complaints.field')}>
          <Select
            allowClear
            virtual={false}
            data-testid="complaint-field"
            placeholder={t('quality.complaints.anyField')}
            options={dataset.fields.map((f) => ({ value: f.name, label: `${f.title} (${f.name})` }))}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('quality.complaints.text')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 5,
              max: 2000,
              message: t('quality.complaints.textRequired'),
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="complaint-text-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const Summary = ({ complaint }: { complaint: Complaint }) => {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
      <Descriptions.Item label={t('quality.complaints.dataset')}>{complaint.datasetName}</Descriptions.Item>
      {complaint.recordKey && (
        <Descriptions.Item label={t('quality.complaints.record')}>
          {Object.values(complaint.recordKey).join(' · ')}
        </Descriptions.Item>
      )}
      {complaint.fieldTitle && (
        <Descriptions.Item label={t('quality.complaints.field')}>{complaint.fieldTitle}</Descriptions.Item>
      )}
      <Descriptions.Item label={t('quality.complaints.text')}>{complaint.text}</Descriptions.Item>
      <Descriptions.Item label={t('quality.complaints.deadline')}>{complaint.deadline}</Descriptions.Item>
    </Descriptions>
  );
};

/** The owner's data officer answers, or reports the data corrected (a quality recheck follows). */
export const AnswerComplaintModal = ({
  complaint,
  onClose,
}: {
  complaint: Complaint | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: 'answered' | 'corrected'; answer: string }>();
  const answer = useAnswerComplaint();
  const showError = useShowError();
  useEffect(() => {
    if (complaint) form.resetFields();
  }, [complaint, form]);
  return (
    <Modal
      open={!!complaint}
      title={t('quality.complaints.answerTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={answer.isPending}
      okButtonProps={{ 'data-testid': 'complaint-answer-submit' } as ButtonProps}
      forceRender
    >
      {complaint && <Summary complaint={complaint} />}
      <Form
        form={form}
        name="complaint-answer"
        layout="vertical"
        initialValues={{ outcome: 'answered' }}
        onFinish={(v) =>
          complaint &&
          answer.mutate(
            { id: complaint.id, outcome: v.outcome, answer: v.answer.trim() },
            {
              onSuccess: () => {
                void message.success(t('quality.complaints.answered'));
                onClose();
              },
              onError: (err) => showError(err, form),
            },
          )
        }
      >
        <Form.Item name="outcome" label={t('quality.complaints.outcome')}>
          <Radio.Group
            options={(['answered', 'corrected'] as const).map((o) => ({
              value: o,
              label: t(`quality.complaints.outcomes.${o}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="answer"
          label={t('quality.complaints.answerText')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              max: 2000,
              message: t('quality.complaints.answerRequired'),
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} data-testid="complaint-answer-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** The complainant accepts the outcome, optionally saying how it went. */
export const CloseComplaintModal = ({
  complaint,
  onClose,
}: {
  complaint: Complaint | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ feedback?: string }>();
  const close = useCloseComplaint();
  const showError = useShowError();
  useEffect(() => {
    if (complaint) form.resetFields();
  }, [complaint, form]);
  return (
    <Modal
      open={!!complaint}
      title={t('quality.complaints.closeTitle')}
      okText={t('quality.complaints.close')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={close.isPending}
      okButtonProps={{ 'data-testid': 'complaint-close-submit' } as ButtonProps}
      forceRender
    >
      {complaint && <Summary complaint={complaint} />}
      <Form
        form={form}
        name="complaint-close"
        layout="vertical"
        onFinish={(v) =>
          complaint &&
          close.mutate(
            { id: complaint.id, feedback: (v.feedback ?? '').trim() },
            {
              onSuccess: () => {
                void message.success(t('quality.complaints.closed'));
                onClose();
              },
              onError: (err) => showError(err, form),
            },
          )
        }
      >
        <Form.Item name="feedback" label={t('quality.complaints.feedback')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

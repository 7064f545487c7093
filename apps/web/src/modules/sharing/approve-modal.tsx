import type { ShareApproveBody, ShareRequest } from '@shuzhi/contracts';
import { App, type ButtonProps, Checkbox, Flex, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { AreaFields } from './request-form';
import { useRequestAction, useShareableDataset } from './sharing-api';

type Props = { request: ShareRequest; open: boolean; onClose: () => void };

/** Approve as asked, or narrower: fewer fields, a shorter period, a lower quota, a smaller area. */
export const ApproveModal = ({ request: r, open, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ShareApproveBody>();
  const act = useRequestAction(r.id);
  const showError = useShowError();
  const dataset = useShareableDataset(open ? r.datasetCode : undefined);
  const areaFields = dataset.data?.fields ?? [
    ...r.fields,
    ...(r.areaField && !r.fields.some((f) => f.name === r.areaField)
      ? [{ name: r.areaField, title: r.areaField }]
      : []),
  ];
  // Filled from the request once per opening: a refetch of the request (a new object) must not wipe
  // what the decider has already changed.
  const filledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!open) {
      filledFor.current = null;
      return;
    }
    if (filledFor.current === r.id) return;
    filledFor.current = r.id;
    form.setFieldsValue({
      fields: r.fields.map((f) => f.name),
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      dailyQuota: r.dailyQuota,
      areaField: r.areaField ?? undefined,
      areaCode: r.areaCode ?? undefined,
      note: '',
    });
  }, [open, r, form]);
  const submit = (v: ShareApproveBody) =>
    act.mutate(
      {
        verb: 'approve',
        body: { ...v, areaField: v.areaField || undefined, areaCode: v.areaCode || undefined },
      },
      {
        onSuccess: () => {
          void message.success(t('sharing.detail.approvedMsg'));
          onClose();
        },
        onError: (err) => showError(err, form),
      },
    );
  return (
    <Modal
      open={open}
      title={t('sharing.detail.approveTitle')}
      okText={t('sharing.detail.approve')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={act.isPending}
      okButtonProps={{ 'data-testid': 'share-approve-submit' } as ButtonProps}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('sharing.detail.approveHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="fields"
          label={t('sharing.common.fields')}
          rules={[{ required: true, type: 'array', min: 1, message: t('sharing.apply.rules.fields') }]}
        >
          <Checkbox.Group>
            <Flex vertical gap={4}>
              {r.fields.map((f) => (
                <Checkbox key={f.name} value={f.name} data-testid={`share-approve-field-${f.name}`}>
                  {f.title} <Typography.Text code>{f.name}</Typography.Text>
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Typography.Text>{t('sharing.common.period')}</Typography.Text>
        <Flex gap={12} align="baseline" wrap>
          <Form.Item
            name="periodStart"
            rules={[{ required: true, message: t('sharing.apply.rules.period') }]}
          >
            <Input
              type="date"
              min={r.periodStart}
              max={r.periodEnd}
              aria-label={`${t('sharing.common.period')} 1`}
              data-testid="share-approve-start"
            />
          </Form.Item>
          <span>~</span>
          <Form.Item name="periodEnd" rules={[{ required: true, message: t('sharing.apply.rules.period') }]}>
            <Input
              type="date"
              min={r.periodStart}
              max={r.periodEnd}
              aria-label={`${t('sharing.common.period')} 2`}
              data-testid="share-approve-end"
            />
          </Form.Item>
        </Flex>
        <Form.Item
          name="dailyQuota"
          label={t('sharing.common.dailyQuota')}
          rules={[
            {
              required: true,
              type: 'integer',
              min: 1,
              max: r.dailyQuota,
              message: t('sharing.apply.rules.quota'),
            },
          ]}
        >
          <InputNumber
            min={1}
            max={r.dailyQuota}
            precision={0}
            style={{ width: 200 }}
            data-testid="share-approve-quota"
          />
        </Form.Item>
        <AreaFields fields={areaFields} />
        <Form.Item name="note" label={t('sharing.detail.noteLabel')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="share-approve-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

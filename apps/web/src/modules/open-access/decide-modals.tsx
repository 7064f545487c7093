import type { Application, ApproveBody } from '@shuzhi/contracts';
import { App, type ButtonProps, Checkbox, Flex, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { useDecide } from './access-api';

type Props = { application: Application | null; onClose: () => void };

/** Approve: the requested fields and period, or fewer and shorter. */
export const ApproveModal = ({ application: a, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ApproveBody>();
  const decide = useDecide();
  const showError = useShowError();
  useEffect(() => {
    if (a)
      form.setFieldsValue({
        fields: a.fields.map((f) => f.name),
        periodStart: a.periodStart,
        periodEnd: a.periodEnd,
        note: '',
      });
  }, [a, form]);
  return (
    <Modal
      open={a !== null}
      title={t('openAccess.inbox.approveTitle')}
      okText={t('openAccess.inbox.approve')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={decide.isPending}
      okButtonProps={{ 'data-testid': 'approve-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('openAccess.inbox.approveHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(body) =>
          a &&
          decide.mutate(
            { id: a.id, verb: 'approve', body },
            {
              onSuccess: () => {
                void message.success(t('openAccess.inbox.approvedMsg'));
                onClose();
              },
              onError: (err) => showError(err, form),
            },
          )
        }
      >
        <Form.Item
          name="fields"
          label={t('openAccess.applications.fields')}
          rules={[{ required: true, type: 'array', min: 1, message: t('openAccess.apply.rules.fields') }]}
        >
          <Checkbox.Group>
            <Flex vertical gap={4}>
              {(a?.fields ?? []).map((f) => (
                <Checkbox key={f.name} value={f.name} data-testid={`approve-field-${f.name}`}>
                  {f.title} <Typography.Text code>{f.name}</Typography.Text>
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Typography.Text>{t('openAccess.applications.period')}</Typography.Text>
        <Flex gap={12} align="baseline" wrap>
          <Form.Item name="periodStart" rules={[{ required: true }]}>
            <Input type="date" min={a?.periodStart} max={a?.periodEnd} data-testid="approve-start" />
          </Form.Item>
          <span>~</span>
          <Form.Item name="periodEnd" rules={[{ required: true }]}>
            <Input type="date" min={a?.periodStart} max={a?.periodEnd} data-testid="approve-end" />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t('openAccess.inbox.note')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="approve-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** Reject with a reason the applicant will read. */
export const RejectModal = ({ application: a, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useDecide();
  const showError = useShowError();
  return (
    <Modal
      open={a !== null}
      title={t('openAccess.inbox.rejectTitle')}
      okText={t('openAccess.inbox.reject')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'reject-submit' } as ButtonProps}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(body) =>
          a &&
          decide.mutate(
            { id: a.id, verb: 'reject', body },
            {
              onSuccess: () => {
                void message.success(t('openAccess.inbox.rejectedMsg'));
                onClose();
              },
              onError: (err) => showError(err, form),
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('openAccess.inbox.reason')}
          extra={t('openAccess.inbox.reasonHint')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              max: 1000,
              message: t('openAccess.inbox.reasonRule'),
            },
          ]}
        >
          <Input.TextArea rows={3} data-testid="reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

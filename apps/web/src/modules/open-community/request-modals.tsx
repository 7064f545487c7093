import type { DataRequest } from '@shuzhi/contracts';
import { App, type ButtonProps, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { OrgSelect } from '../orgs/org-select';
import { useAssign, useContact, useReject } from './community-api';

type Props = { request: DataRequest | null; onClose: () => void };

/** Routes a request to the department holding the data (the admin, or the suggested department's officer). */
export const AssignModal = ({ request, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ orgId: string }>();
  const assign = useAssign();
  const showError = useShowError();
  useEffect(() => {
    if (request) form.setFieldsValue({ orgId: request.assignedOrg?.id ?? request.suggestedOrg?.id });
  }, [request, form]);
  const known = Object.fromEntries(
    [request?.assignedOrg, request?.suggestedOrg].flatMap((o) => (o ? [[o.id, o.name]] : [])),
  );
  return (
    <Modal
      open={!!request}
      title={t('openCommunity.inbox.assignTitle')}
      okText={t('openCommunity.inbox.assign')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={assign.isPending}
      okButtonProps={{ 'data-testid': 'request-assign-submit' } as ButtonProps}
      forceRender
    >
      <Typography.Paragraph strong>{request?.title}</Typography.Paragraph>
      <Form
        form={form}
        name="request-assign"
        layout="vertical"
        onFinish={(v) =>
          request &&
          assign.mutate(
            { id: request.id, orgId: v.orgId },
            {
              onSuccess: (r) => {
                void message.success(t('openCommunity.inbox.assigned', { org: r.assignedOrg?.name ?? '' }));
                onClose();
              },
              onError: (err) => showError(err, form),
            },
          )
        }
      >
        <Form.Item
          name="orgId"
          label={t('openCommunity.inbox.assignTo')}
          extra={t('openCommunity.inbox.assignHint')}
          rules={[{ required: true, message: t('openCommunity.inbox.assignTo') }]}
        >
          <OrgSelect knownLabels={known} data-testid="request-assign-org" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** The admin withdraws spam or abuse from the public, with a reason. */
export const RejectModal = ({ request, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const reject = useReject();
  const showError = useShowError();
  useEffect(() => {
    if (request) form.resetFields();
  }, [request, form]);
  return (
    <Modal
      open={!!request}
      title={t('openCommunity.inbox.rejectTitle')}
      okText={t('openCommunity.inbox.reject')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reject.isPending}
      forceRender
    >
      <Typography.Paragraph strong>{request?.title}</Typography.Paragraph>
      <Form
        form={form}
        name="request-reject"
        layout="vertical"
        onFinish={(v) =>
          request &&
          reject.mutate(
            { id: request.id, reason: v.reason.trim() },
            {
              onSuccess: () => {
                void message.success(t('openCommunity.inbox.rejected'));
                onClose();
              },
              onError: (err) => showError(err, form),
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('openCommunity.inbox.rejectReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              max: 500,
              message: t('openCommunity.inbox.rejectRequired'),
            },
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** Shows the requester's contact on demand: each read goes to the audit ledger, so it is never preloaded. */
export const useShowContact = () => {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const contact = useContact();
  const showError = useShowError();
  return (r: DataRequest) =>
    contact.mutate(r.id, {
      onError: (err) => showError(err),
      onSuccess: (c) =>
        void modal.info({
          title: t('openCommunity.inbox.contactTitle'),
          content: (
            <>
              <Descriptions column={1} size="small" data-testid="request-contact">
                <Descriptions.Item label={t('openCommunity.requests.requester')}>
                  {c.requesterName ?? t(`openCommunity.requests.requesterKinds.${r.requesterKind}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('openCommunity.requests.fields.contactEmail')}>
                  {c.contactEmail ?? t('openCommunity.inbox.noContact')}
                </Descriptions.Item>
              </Descriptions>
              <Typography.Text type="secondary">{t('openCommunity.inbox.contactLedger')}</Typography.Text>
            </>
          ),
        }),
    });
};

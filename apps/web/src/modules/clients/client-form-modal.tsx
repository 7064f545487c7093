import type { ApiClient, CreateClientBody } from '@shuzhi/contracts';
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { useRoleOptions } from '../auth/roles';
import { OrgSelect } from '../orgs/org-select';
import { useCreateClient } from './client-api';

type Props = {
  open: boolean;
  onClose: () => void;
  onCreated: (created: { client: ApiClient; clientSecret: string }) => void;
};

/** New machine client: acts for one organisation with some roles (never platform_admin). */
export const ClientFormModal = ({ open, onClose, onCreated }: Props) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateClientBody>();
  const create = useCreateClient();
  const showError = useShowError();
  const roleOptions = useRoleOptions(['platform_admin']);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  return (
    <Modal
      open={open}
      title={t('clients.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      forceRender
    >
      <Form
        form={form}
        name="client"
        layout="vertical"
        onFinish={(values) =>
          create.mutate(
            { ...values, name: values.name.trim() },
            { onSuccess: (created) => onCreated(created), onError: (err) => showError(err, form) },
          )
        }
      >
        <Form.Item
          name="name"
          label={t('clients.name')}
          rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('clients.nameRequired') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('clients.org')}
          rules={[{ required: true, message: t('orgs.pickOrg') }]}
        >
          <OrgSelect data-testid="client-org" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('clients.roles')}
          rules={[{ required: true, message: t('clients.rolesRequired') }]}
        >
          <Select mode="multiple" options={roleOptions} virtual={false} data-testid="client-roles" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

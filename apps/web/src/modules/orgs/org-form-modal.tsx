import type { CreateOrgBody, Org } from '@shuzhi/contracts';
import { App, type ButtonProps, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { AreaSelect } from '../areas/area-select';
import { useOrgTypeOptions } from '../auth/roles';
import { useCreateOrg, useUpdateOrg } from './org-api';
import { OrgSelect } from './org-select';

type Props = { open: boolean; org?: Org; onClose: () => void };

/** Create (no `org`) or edit an organisation; the credit code is fixed once created. */
export const OrgFormModal = ({ open, org, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateOrgBody>();
  const create = useCreateOrg();
  const update = useUpdateOrg();
  const showError = useShowError();
  const typeOptions = useOrgTypeOptions();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (org) {
      form.setFieldsValue({
        code: org.code,
        name: org.name,
        nameEn: org.nameEn ?? undefined,
        type: org.type,
        parentId: org.parentId ?? undefined,
        areaCode: org.areaCode,
      });
    }
  }, [open, org, form]);

  const submit = (values: CreateOrgBody) => {
    const body = {
      ...values,
      nameEn: values.nameEn?.trim() || undefined,
      parentId: values.parentId || undefined,
    };
    const done = {
      onSuccess: () => {
        void message.success(org ? t('common.saved') : t('orgs.created'));
        onClose();
      },
      onError: (err: unknown) => showError(err, form),
    };
    if (org) {
      const { code: _code, ...patch } = body;
      update.mutate({ id: org.id, body: patch }, done);
    } else {
      create.mutate(body, done);
    }
  };

  return (
    <Modal
      open={open}
      title={org ? t('orgs.editTitle') : t('orgs.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'org-form-submit' } as ButtonProps}
      forceRender
    >
      <Form form={form} name="org" layout="vertical" onFinish={submit}>
        <Form.Item
          name="code"
          label={t('orgs.code')}
          extra={t('orgs.codeRule')}
          rules={[{ required: true, whitespace: true, len: 18, message: t('orgs.codeInvalid') }]}
        >
          <Input maxLength={18} disabled={!!org} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('orgs.name')}
          rules={[{ required: true, min: 2, max: 60, message: t('orgs.nameRequired') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('orgs.nameEn')} rules={[{ max: 120 }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item
          name="type"
          label={t('orgs.type')}
          rules={[{ required: true, message: t('orgs.typeRequired') }]}
        >
          <Select options={typeOptions} virtual={false} />
        </Form.Item>
        <Form.Item name="parentId" label={t('orgs.parent')}>
          <OrgSelect allowClear />
        </Form.Item>
        <Form.Item
          name="areaCode"
          label={t('orgs.area')}
          rules={[{ required: true, message: t('orgs.areaRequired') }]}
        >
          <AreaSelect currentLabel={org?.areaName} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

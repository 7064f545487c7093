import type { CreateUserBody, RoleGrant, User } from '@shuzhi/contracts';
import { App, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { usePasswordRules } from '../auth/change-password-form';
import { GrantsEditor } from './grants-editor';
import { useCreateUser, useUpdateUser } from './user-api';

type Values = CreateUserBody & { status?: User['status'] };
type Props = { open: boolean; user?: User; onClose: () => void };

const cleanGrants = (grants: RoleGrant[] = []): RoleGrant[] =>
  grants.map((g) => ({ orgId: g.orgId, role: g.role, ...(g.areaCode ? { areaCode: g.areaCode } : {}) }));

/** Create a user (username, password, grants) or edit one (display name, status, grants). */
export const UserFormDrawer = ({ open, user, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const showError = useShowError();
  const passwordRules = usePasswordRules();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      user
        ? {
            displayName: user.displayName,
            status: user.status,
            grants: user.grants.map((g) => ({ orgId: g.orgId, role: g.role, areaCode: g.areaCode })),
          }
        : { grants: [{} as RoleGrant] },
    );
  }, [open, user, form]);

  const done = (text: string) => ({
    onSuccess: () => {
      void message.success(text);
      onClose();
    },
    onError: (err: unknown) => showError(err, form),
  });

  const submit = (values: Values) => {
    const grants = cleanGrants(values.grants);
    if (user) {
      const body = { displayName: values.displayName.trim(), status: values.status, grants };
      update.mutate({ id: user.id, body }, done(t('users.updated')));
    } else {
      const body = {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        grants,
      };
      create.mutate(body, done(t('users.created')));
    }
  };

  const knownOrgs = Object.fromEntries((user?.grants ?? []).map((g) => [g.orgId, g.orgName]));
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={user ? t('users.editTitle') : t('users.createTitle')}
      forceRender
      closable={{ 'aria-label': t('common.close') }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            data-testid="user-form-submit"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form form={form} name="user" layout="vertical" onFinish={submit}>
        {!user && (
          <Form.Item
            name="username"
            label={t('users.username')}
            extra={t('users.usernameRule')}
            rules={[
              { required: true, pattern: /^[a-z][a-z0-9._-]{2,39}$/, message: t('users.usernameRule') },
            ]}
          >
            <Input autoComplete="off" maxLength={40} />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, max: 60, message: t('users.displayNameRequired') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('users.password')}
            extra={t('password.rules')}
            rules={passwordRules}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {user && (
          <Form.Item name="status" label={t('users.status')}>
            <Select
              virtual={false}
              options={[
                { value: 'active', label: t('users.statusActive') },
                { value: 'disabled', label: t('users.statusDisabled') },
              ]}
            />
          </Form.Item>
        )}
        <GrantsEditor knownOrgs={knownOrgs} />
      </Form>
    </Drawer>
  );
};

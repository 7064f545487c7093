import type { ChangePasswordBody } from '@shuzhi/contracts';
import { App, Button, Form, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { useChangePassword } from '../../app/auth';

type Values = ChangePasswordBody & { confirm: string };

/** Mirrors the server's password rule so most mistakes are caught before the request. */
export const usePasswordRules = (): Rule[] => {
  const { t } = useTranslation();
  return [
    { required: true, message: t('password.required') },
    { min: 10, message: t('password.tooShort') },
    { max: 128 },
    { pattern: /[A-Za-z]/, message: t('password.needLetter') },
    { pattern: /\d/, message: t('password.needDigit') },
  ];
};

export const ChangePasswordForm = ({ onDone }: { onDone: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const showError = useShowError();
  const passwordRules = usePasswordRules();
  return (
    <Form
      form={form}
      name="change-password"
      layout="vertical"
      style={{ maxWidth: 420 }}
      onFinish={({ currentPassword, newPassword }) =>
        change.mutate(
          { currentPassword, newPassword },
          {
            onSuccess: () => {
              form.resetFields();
              void message.success(t('password.changed'));
              onDone();
            },
            onError: (err) => showError(err, form),
          },
        )
      }
    >
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.rules')}
        rules={passwordRules}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
        {t('password.submit')}
      </Button>
    </Form>
  );
};

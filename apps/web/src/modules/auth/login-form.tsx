import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginBody } from '@shuzhi/contracts';
import { Alert, Button, Form, type FormInstance, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../app/api-errors';
import { useLogin } from '../../app/auth';

type Props = { form: FormInstance<LoginBody>; onSuccess: (mustChangePassword: boolean) => void };

/** Username and password; the server's localised reason is shown above the button on failure. */
export const LoginForm = ({ form, onSuccess }: Props) => {
  const { t } = useTranslation();
  const login = useLogin();
  return (
    <Form
      form={form}
      name="login"
      layout="vertical"
      requiredMark={false}
      onValuesChange={() => login.isError && login.reset()}
      onFinish={(values) =>
        login.mutate(
          { username: values.username.trim(), password: values.password },
          {
            onSuccess: (me) => onSuccess(me.mustChangePassword),
            onError: (err) => applyFieldErrors(err, form),
          },
        )
      }
    >
      <Form.Item
        name="username"
        label={t('login.username')}
        rules={[{ required: true, message: t('login.usernameRequired') }]}
      >
        <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus maxLength={40} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('login.password')}
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password
          prefix={<LockOutlined aria-hidden />}
          autoComplete="current-password"
          maxLength={128}
        />
      </Form.Item>
      {login.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="login-error"
          title={login.error.message}
          style={{ marginBottom: 16 }}
        />
      )}
      <Button
        data-testid="login-submit"
        type="primary"
        htmlType="submit"
        block
        size="large"
        loading={login.isPending}
      >
        {t('login.submit')}
      </Button>
    </Form>
  );
};

import type { OpenSignupBody } from '@shuzhi/contracts';
import { App, Button, Card, Flex, Form, Input, Tabs, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { useOpenAccount, useOpenLogin, useOpenLogout, useOpenSignup } from './access-api';
import { VerifyEmailBanner } from './verify-email';

const SignInForm = () => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ email: string; password: string }>();
  const login = useOpenLogin();
  const showError = useShowError();
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => login.mutate(v, { onError: (err) => showError(err, form) })}
    >
      <Form.Item
        name="email"
        label={t('openAccess.account.email')}
        rules={[{ required: true, type: 'email', message: t('openAccess.account.rules.email') }]}
      >
        <Input autoComplete="email" data-testid="open-login-email" />
      </Form.Item>
      <Form.Item name="password" label={t('openAccess.account.password')} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" data-testid="open-login-password" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={login.isPending}
        data-testid="open-login-submit"
      >
        {t('openAccess.account.signIn')}
      </Button>
    </Form>
  );
};

const SignUpForm = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OpenSignupBody>();
  const signup = useOpenSignup();
  const showError = useShowError();
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) =>
        signup.mutate(v, {
          onSuccess: () => void message.success(t('openAccess.account.welcome')),
          onError: (err) => showError(err, form),
        })
      }
    >
      <Form.Item
        name="email"
        label={t('openAccess.account.email')}
        rules={[{ required: true, type: 'email', message: t('openAccess.account.rules.email') }]}
      >
        <Input autoComplete="email" data-testid="open-signup-email" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('openAccess.account.password')}
        extra={t('openAccess.account.passwordHint')}
        rules={[
          {
            required: true,
            pattern: /^(?=.*[A-Za-z])(?=.*\d).{10,128}$/,
            message: t('openAccess.account.rules.password'),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="open-signup-password" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('openAccess.account.displayName')}
        rules={[
          { required: true, whitespace: true, max: 60, message: t('openAccess.account.rules.displayName') },
        ]}
      >
        <Input autoComplete="name" data-testid="open-signup-name" />
      </Form.Item>
      <Form.Item
        name="organisation"
        label={t('openAccess.account.organisation')}
        extra={t('openAccess.account.organisationHint')}
      >
        <Input autoComplete="organization" maxLength={100} data-testid="open-signup-org" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={signup.isPending}
        data-testid="open-signup-submit"
      >
        {t('openAccess.account.signUp')}
      </Button>
    </Form>
  );
};

/** Sign-in and sign-up tabs for the public's open data account. */
export const AccountForms = () => {
  const { t } = useTranslation();
  const [tab, setTab] = useState('signin');
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      items={[
        { key: 'signin', label: t('openAccess.account.signIn'), children: <SignInForm /> },
        {
          key: 'signup',
          label: <span data-testid="open-signup-tab">{t('openAccess.account.signUp')}</span>,
          children: <SignUpForm />,
        },
      ]}
    />
  );
};

/** Who is signed in to open data, with a way out. */
export const AccountBar = () => {
  const { t } = useTranslation();
  const { data: account } = useOpenAccount();
  const logout = useOpenLogout();
  if (!account) return null;
  return (
    <Flex align="center" gap={12} wrap>
      <Typography.Text type="secondary" data-testid="open-account-name">
        {t('openAccess.account.signedInAs', { name: account.displayName, email: account.email })}
      </Typography.Text>
      <Button size="small" onClick={() => logout.mutate()} loading={logout.isPending}>
        {t('openAccess.account.signOut')}
      </Button>
    </Flex>
  );
};

/**
 * Shows its children to a signed-in account (below the e-mail verification step while the e-mail is
 * not verified), and the sign-in/up card to everyone else.
 */
export const RequireOpenAccount = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  const { data: account, isPending } = useOpenAccount();
  if (isPending) return <Card loading />;
  if (account)
    return (
      <Flex vertical gap={16}>
        <VerifyEmailBanner />
        {children}
      </Flex>
    );
  return (
    <Flex justify="center">
      <Card style={{ width: '100%', maxWidth: 460 }} data-testid="open-account-card">
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
          {t('openAccess.account.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('openAccess.account.intro')}</Typography.Paragraph>
        <AccountForms />
      </Card>
    </Flex>
  );
};

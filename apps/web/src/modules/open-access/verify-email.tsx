import { ExperimentOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { currentLocale } from '../../app/i18n';
import { type SentCode, useOpenAccount, useResendCode, useSentCode, useVerifyEmail } from './access-api';

/* E-mail can take a while to arrive, and the server limits resends per minute: wait before offering another. */
const RESEND_AFTER_S = 60;

const useSecondsLeft = (since: number | undefined) => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since === undefined ? 0 : Math.max(0, RESEND_AFTER_S - Math.floor((now - since) / 1000));
};

const timeOf = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleTimeString(currentLocale(), { hour: '2-digit', minute: '2-digit' });
};

/** In demo mode the server answers with the code: shown to be typed, never filled in. */
const DemoCode = ({ code }: { code: string }) => {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      icon={<ExperimentOutlined aria-hidden />}
      title={t('openAccess.verify.demoCode')}
      description={
        <span>
          {t('openAccess.verify.demoCodeHint')}
          <Typography.Text
            strong
            copyable
            style={{ fontSize: 18, letterSpacing: 2 }}
            data-testid="open-demo-code"
          >
            {code}
          </Typography.Text>
        </span>
      }
    />
  );
};

const CodeForm = ({ email, sent }: { email: string; sent: SentCode | null }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string }>();
  const verify = useVerifyEmail();
  const resend = useResendCode();
  const showError = useShowError();
  const left = useSecondsLeft(sent?.sentAt);
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph style={{ margin: 0 }} data-testid="open-verify-sent">
        {sent
          ? t('openAccess.verify.sent', { email, time: timeOf(sent.expiresAt) })
          : t('openAccess.verify.intro', { email })}
      </Typography.Paragraph>
      {sent?.demoCode && <DemoCode code={sent.demoCode} />}
      <Form
        form={form}
        name="open-verify-email"
        layout="inline"
        requiredMark={false}
        onFinish={(v) =>
          verify.mutate(v.code.trim(), {
            onSuccess: () => void message.success(t('openAccess.verify.done')),
            onError: (err) => showError(err, form),
          })
        }
      >
        <Form.Item
          name="code"
          label={t('openAccess.verify.code')}
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('openAccess.verify.rule') }]}
        >
          <Input
            maxLength={6}
            inputMode="numeric"
            autoComplete="one-time-code"
            placeholder={t('openAccess.verify.codePlaceholder')}
            style={{ width: 140 }}
            data-testid="open-verify-code"
          />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={verify.isPending}
            data-testid="open-verify-submit"
          >
            {t('openAccess.verify.submit')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            disabled={left > 0}
            loading={resend.isPending}
            onClick={() =>
              resend.mutate(undefined, {
                onSuccess: () => {
                  form.resetFields();
                  void message.success(t('openAccess.verify.resent'));
                },
                onError: (err) => showError(err),
              })
            }
            data-testid="open-verify-resend"
          >
            {left > 0 ? t('openAccess.verify.resendIn', { seconds: left }) : t('openAccess.verify.resend')}
          </Button>
        </Form.Item>
      </Form>
    </Flex>
  );
};

/**
 * The verification step of a signed-in account whose e-mail is not verified yet: right after
 * sign-up (with the code just sent) and on every later visit, until the code is entered.
 */
export const VerifyEmailBanner = () => {
  const { t } = useTranslation();
  const { data: account } = useOpenAccount();
  const { data: sent } = useSentCode();
  if (!account || account.emailVerified) return null;
  return (
    <Alert
      type="info"
      showIcon
      icon={<MailOutlined aria-hidden />}
      title={t('openAccess.verify.title')}
      description={<CodeForm email={account.email} sent={sent ?? null} />}
      data-testid="open-verify-banner"
    />
  );
};

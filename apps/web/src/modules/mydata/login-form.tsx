import { ExperimentOutlined, MobileOutlined } from '@ant-design/icons';
import type { MyDataChallenge, MyDataLoginStart, MyDataMe } from '@shuzhi/contracts';
import { Alert, App, Button, Flex, Form, Input, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { currentLocale } from '../../app/i18n';
import { useLoginStart, useLoginVerify } from './mydata-api';

const RESEND_AFTER_S = 60;
const RESIDENT_ID = /^\d{17}[\dXx]$/;
const MOBILE = /^1\d{10}$/;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$/;

type PersonValues = { idNumber: string; phone: string };
type EnterpriseValues = { creditCode: string; representativeId: string; phone: string };

const upper = (s: string) => s.trim().toUpperCase();

/** Step 1: who signs in, and the phone on record that receives the code. */
const IdentityForm = ({
  subjectType,
  loading,
  onSubmit,
}: {
  subjectType: MyDataLoginStart['subjectType'];
  loading: boolean;
  onSubmit: (body: MyDataLoginStart, fail: (err: unknown) => void) => void;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<PersonValues & EnterpriseValues>();
  const showError = useShowError();
  const fail = (err: unknown) => showError(err, form);
  const idRule = { required: true, pattern: RESIDENT_ID, message: t('myData.login.rules.idNumber') };
  return (
    <Form
      form={form}
      name={`mydata-${subjectType}`}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) =>
        onSubmit(
          subjectType === 'person'
            ? { subjectType, idNumber: upper(v.idNumber), phone: v.phone.trim() }
            : {
                subjectType,
                creditCode: upper(v.creditCode),
                representativeId: upper(v.representativeId),
                phone: v.phone.trim(),
              },
          fail,
        )
      }
    >
      {subjectType === 'person' ? (
        <Form.Item name="idNumber" label={t('myData.login.idNumber')} rules={[idRule]}>
          <Input maxLength={18} autoComplete="off" data-testid="mydata-id-number" />
        </Form.Item>
      ) : (
        <>
          <Form.Item
            name="creditCode"
            label={t('myData.login.creditCode')}
            rules={[{ required: true, pattern: CREDIT_CODE, message: t('myData.login.rules.creditCode') }]}
          >
            <Input maxLength={18} autoComplete="off" data-testid="mydata-credit-code" />
          </Form.Item>
          <Form.Item
            name="representativeId"
            label={t('myData.login.representativeId')}
            extra={t('myData.login.representativeHint')}
            rules={[idRule]}
          >
            <Input maxLength={18} autoComplete="off" data-testid="mydata-representative-id" />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="phone"
        label={t('myData.login.phone')}
        extra={t('myData.login.phoneHint')}
        rules={[{ required: true, pattern: MOBILE, message: t('myData.login.rules.phone') }]}
      >
        <Input maxLength={11} inputMode="numeric" autoComplete="tel" data-testid="mydata-phone" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={loading}
        icon={<MobileOutlined aria-hidden />}
        data-testid="mydata-send-code"
      >
        {t('myData.login.sendCode')}
      </Button>
    </Form>
  );
};

const useSecondsLeft = (since: number) => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, RESEND_AFTER_S - Math.floor((now - since) / 1000));
};

const timeOf = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleTimeString(currentLocale(), { hour: '2-digit', minute: '2-digit' });
};

/** Step 2: the code sent by SMS; in demo mode the code is shown, never filled in for the user. */
const CodeForm = ({
  challenge,
  sentAt,
  resending,
  onResend,
  onBack,
  onSignedIn,
}: {
  challenge: MyDataChallenge;
  sentAt: number;
  resending: boolean;
  onResend: () => void;
  onBack: () => void;
  onSignedIn: (me: MyDataMe) => void;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const verify = useLoginVerify();
  const showError = useShowError();
  const left = useSecondsLeft(sentAt);
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ margin: 0 }} data-testid="mydata-sent-to">
        {t('myData.login.codeSent', { phone: challenge.sentTo, time: timeOf(challenge.expiresAt) })}
      </Typography.Paragraph>
      {challenge.demoCode && (
        <Alert
          type="warning"
          showIcon
          icon={<ExperimentOutlined aria-hidden />}
          title={t('myData.login.demoCode')}
          description={
            <span>
              {t('myData.login.demoCodeHint')}
              <Typography.Text
                strong
                copyable
                style={{ fontSize: 18, letterSpacing: 2 }}
                data-testid="mydata-demo-code"
              >
                {challenge.demoCode}
              </Typography.Text>
            </span>
          }
        />
      )}
      <Form
        form={form}
        name="mydata-code"
        layout="vertical"
        requiredMark={false}
        onFinish={(v) =>
          verify.mutate(
            { challengeId: challenge.challengeId, code: v.code.trim() },
            { onSuccess: onSignedIn, onError: (err) => showError(err, form) },
          )
        }
      >
        <Form.Item
          name="code"
          label={t('myData.login.code')}
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('myData.login.rules.code') }]}
        >
          <Input
            maxLength={6}
            inputMode="numeric"
            autoComplete="one-time-code"
            placeholder={t('myData.login.codePlaceholder')}
            data-testid="mydata-code"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={verify.isPending} data-testid="mydata-verify">
          {t('myData.login.verify')}
        </Button>
      </Form>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Button type="link" onClick={onBack} style={{ paddingInline: 0 }}>
          {t('myData.login.back')}
        </Button>
        <Button disabled={left > 0} loading={resending} onClick={onResend} data-testid="mydata-resend">
          {left > 0 ? t('myData.login.resendIn', { seconds: left }) : t('myData.login.resend')}
        </Button>
      </Flex>
    </Flex>
  );
};

/** Sign-in to "my data": identity and phone, then the one-time code. */
export const MyDataLoginForm = ({ onSignedIn }: { onSignedIn: (me: MyDataMe) => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const start = useLoginStart();
  const [tab, setTab] = useState<MyDataLoginStart['subjectType']>('person');
  const [sent, setSent] = useState<{ body: MyDataLoginStart; challenge: MyDataChallenge; at: number } | null>(
    null,
  );
  const send = (body: MyDataLoginStart, fail: (err: unknown) => void, resend = false) =>
    start.mutate(body, {
      onSuccess: (challenge) => {
        setSent({ body, challenge, at: Date.now() });
        if (resend) void message.success(t('myData.login.resent'));
      },
      onError: fail,
    });
  const showError = useShowError();
  return (
    <>
      {sent && (
        <CodeForm
          key={sent.challenge.challengeId}
          challenge={sent.challenge}
          sentAt={sent.at}
          resending={start.isPending}
          onResend={() => send(sent.body, showError, true)}
          onBack={() => setSent(null)}
          onSignedIn={onSignedIn}
        />
      )}
      {/* Hidden, not unmounted, while the code is asked: "change details" comes back to what was typed. */}
      <div hidden={!!sent}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as MyDataLoginStart['subjectType'])}
          items={(['person', 'enterprise'] as const).map((kind) => ({
            key: kind,
            label: <span data-testid={`mydata-tab-${kind}`}>{t(`myData.login.${kind}`)}</span>,
            children: <IdentityForm subjectType={kind} loading={start.isPending} onSubmit={send} />,
          }))}
        />
      </div>
    </>
  );
};

import { Alert, Button, Card, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { fetchToken } from './gateway-client';

type Props = {
  /** The app's client id, known from the grant; the person may still change it. */
  clientId: string;
  token: string | null;
  onToken: (token: string | null) => void;
};

/**
 * The app's credentials, exchanged for an access token. Nothing is stored: the secret lives in this
 * form's state, the token in the page's, and both are gone when the page is left.
 */
export const ConsoleCredentials = ({ clientId, token, onToken }: Props) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ clientId: string; clientSecret: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [minutes, setMinutes] = useState(0);
  const submit = async (v: { clientId: string; clientSecret: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await fetchToken(v.clientId.trim(), v.clientSecret);
      setMinutes(Math.round(r.expiresIn / 60));
      onToken(r.token);
    } catch (err) {
      onToken(null);
      setError(isApiError(err) ? err.problem.detail || err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('sharing.console.credentials')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ clientId, clientSecret: '' }}
        onFinish={submit}
        autoComplete="off"
      >
        <Flex gap={12} wrap align="flex-end">
          <Form.Item
            name="clientId"
            label={t('sharing.console.clientId')}
            rules={[{ required: true, whitespace: true }]}
            style={{ flex: '1 1 240px' }}
          >
            <Input autoComplete="off" data-testid="console-client-id" />
          </Form.Item>
          <Form.Item
            name="clientSecret"
            label={t('sharing.console.clientSecret')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 240px' }}
          >
            <Input.Password autoComplete="new-password" data-testid="console-client-secret" />
          </Form.Item>
          <Form.Item>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="console-token">
                {t('sharing.console.getToken')}
              </Button>
              <Button
                onClick={() => {
                  form.setFieldValue('clientSecret', '');
                  setError(null);
                  onToken(null);
                }}
              >
                {t('sharing.console.forget')}
              </Button>
            </Flex>
          </Form.Item>
        </Flex>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="console-token-error" />}
      {token && (
        <Alert
          type="success"
          showIcon
          title={t('sharing.console.tokenOk', { minutes })}
          data-testid="console-token-ok"
        />
      )}
    </Card>
  );
};

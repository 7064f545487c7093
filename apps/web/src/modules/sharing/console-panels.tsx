import type { ShareGrant } from '@shuzhi/contracts';
import { Button, Flex, Form, Input, InputNumber, Tabs } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callGateway, type GatewayResult, gatewayPath } from './gateway-client';

type Props = {
  grant: ShareGrant;
  /** The dataset's key fields (empty when unknown: the key is then typed as JSON). */
  keyFields: string[];
  token: string | null;
  onResult: (r: GatewayResult) => void;
};

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

/** Lookup, records, batch and verify: one small form per gateway call, each with a send button. */
export const ConsolePanels = ({ grant, keyFields, token, onResult }: Props) => {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const code = grant.datasetCode;
  const keyTemplate = Object.fromEntries((keyFields.length ? keyFields : ['key']).map((k) => [k, '']));
  const other =
    grant.fields.find((f) => !keyFields.includes(f.name))?.name ?? grant.fields[0]?.name ?? 'field';

  const json: Rule = {
    validator: (_, v?: string) => {
      if (!v?.trim()) return Promise.resolve();
      try {
        JSON.parse(v);
        return Promise.resolve();
      } catch (err) {
        return Promise.reject(new Error(t('sharing.console.badJson', { message: (err as Error).message })));
      }
    },
  };
  const required: Rule = { required: true, message: t('sharing.detail.rules.text') };

  const send = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    if (!token) return;
    setBusy(true);
    try {
      onResult(await callGateway(token, method, gatewayPath(code, path), body));
    } finally {
      setBusy(false);
    }
  };
  const sendButton = (testId: string) => (
    <Button type="primary" htmlType="submit" loading={busy} disabled={!token} data-testid={testId}>
      {t('sharing.console.send')}
    </Button>
  );

  const lookup = (
    <Form
      layout="vertical"
      onFinish={(v: { key?: Record<string, string>; keyJson?: string }) => {
        const key = keyFields.length
          ? (v.key ?? {})
          : (JSON.parse(v.keyJson ?? '{}') as Record<string, string>);
        void send('GET', `/lookup?${new URLSearchParams(key).toString()}`);
      }}
    >
      {keyFields.length ? (
        <Flex gap={12} wrap>
          {keyFields.map((k) => (
            <Form.Item key={k} name={['key', k]} label={k} rules={[required]} style={{ flex: '1 1 240px' }}>
              <Input data-testid={`console-key-${k}`} />
            </Form.Item>
          ))}
        </Flex>
      ) : (
        <Form.Item name="keyJson" label={t('sharing.console.verifyKey')} rules={[required, json]}>
          <Input.TextArea rows={2} data-testid="console-key-json" />
        </Form.Item>
      )}
      {sendButton('console-lookup-send')}
    </Form>
  );

  const records = (
    <Form
      layout="vertical"
      initialValues={{ limit: 10, offset: 0, filters: '' }}
      onFinish={(v: { limit: number; offset: number; filters: string }) => {
        const q = new URLSearchParams({ limit: String(v.limit), offset: String(v.offset) });
        if (v.filters?.trim()) q.set('filters', JSON.stringify(JSON.parse(v.filters)));
        void send('GET', `/records?${q.toString()}`);
      }}
    >
      <Form.Item
        name="filters"
        label={t('sharing.console.filters')}
        extra={t('sharing.console.filtersHint')}
        rules={[json]}
      >
        <Input.TextArea rows={2} data-testid="console-filters" />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="limit" label={t('sharing.console.limit')}>
          <InputNumber min={1} max={1000} precision={0} data-testid="console-limit" />
        </Form.Item>
        <Form.Item name="offset" label={t('sharing.console.offset')}>
          <InputNumber min={0} precision={0} data-testid="console-offset" />
        </Form.Item>
      </Flex>
      {sendButton('console-records-send')}
    </Form>
  );

  const batch = (
    <Form
      layout="vertical"
      initialValues={{ keys: pretty([keyTemplate]) }}
      onFinish={(v: { keys: string }) => void send('POST', '/batch', { keys: JSON.parse(v.keys) })}
    >
      <Form.Item
        name="keys"
        label={t('sharing.console.keys')}
        extra={t('sharing.console.keysHint')}
        rules={[required, json]}
      >
        <Input.TextArea rows={5} style={{ fontFamily: 'monospace' }} data-testid="console-batch-keys" />
      </Form.Item>
      {sendButton('console-batch-send')}
    </Form>
  );

  const verify = (
    <Form
      layout="vertical"
      initialValues={{ key: pretty(keyTemplate), values: pretty({ [other]: '' }) }}
      onFinish={(v: { key: string; values: string }) =>
        void send('POST', '/verify', { key: JSON.parse(v.key), values: JSON.parse(v.values) })
      }
    >
      <Flex gap={12} wrap>
        <Form.Item
          name="key"
          label={t('sharing.console.verifyKey')}
          rules={[required, json]}
          style={{ flex: '1 1 280px' }}
        >
          <Input.TextArea rows={4} style={{ fontFamily: 'monospace' }} data-testid="console-verify-key" />
        </Form.Item>
        <Form.Item
          name="values"
          label={t('sharing.console.verifyValues')}
          extra={t('sharing.console.verifyHint')}
          rules={[required, json]}
          style={{ flex: '1 1 280px' }}
        >
          <Input.TextArea rows={4} style={{ fontFamily: 'monospace' }} data-testid="console-verify-values" />
        </Form.Item>
      </Flex>
      {sendButton('console-verify-send')}
    </Form>
  );

  return (
    <Tabs
      data-testid="console-tabs"
      items={[
        { key: 'lookup', label: t('sharing.console.lookup'), children: lookup },
        { key: 'records', label: t('sharing.console.records'), children: records },
        { key: 'batch', label: t('sharing.console.batch'), children: batch },
        { key: 'verify', label: t('sharing.console.verify'), children: verify },
      ]}
    />
  );
};

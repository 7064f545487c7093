import { SafetyOutlined } from '@ant-design/icons';
import type { ConsentBody, ConsentScope } from '@shuzhi/contracts';
import { App, Button, Card, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { useDebounced } from '../../ui/use-debounced';
import { useConsentParties, useGrantConsent } from './mydata-api';

type Values = { scope: ConsentScope; partyOrgId?: string; purpose: string };

/** The organisations I may name, searched on the server as I type; `id` ties it to its label. */
const PartySelect = ({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
}) => {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const parties = useConsentParties(useDebounced(q.trim(), 250));
  return (
    <Select
      id={id}
      virtual={false}
      value={value}
      onChange={onChange}
      placeholder={t('myData.consents.partyPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={parties.isFetching}
      options={(parties.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
      data-testid="mydata-consent-party"
    />
  );
};

/** 新增授权: prefill my forms, or give my data to a named third party, for a stated purpose. */
export const ConsentForm = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const grant = useGrantConsent();
  const showError = useShowError();
  const scope = Form.useWatch('scope', form);
  return (
    <Card size="small" title={t('myData.consents.grantTitle')} data-testid="mydata-consent-form">
      <Form
        form={form}
        name="mydata-consent"
        layout="vertical"
        requiredMark={false}
        initialValues={{ scope: 'form_prefill' }}
        onFinish={(v) => {
          const body: ConsentBody = {
            scope: v.scope,
            purpose: v.purpose.trim(),
            ...(v.scope === 'third_party' ? { partyOrgId: v.partyOrgId } : {}),
          };
          grant.mutate(body, {
            onSuccess: () => {
              void message.success(t('myData.consents.granted'));
              form.resetFields();
            },
            onError: (err) => showError(err, form),
          });
        }}
      >
        <Form.Item name="scope" label={t('myData.consents.scope')}>
          <Radio.Group
            optionType="button"
            options={(['form_prefill', 'third_party'] as const).map((s) => ({
              value: s,
              label: t(`myData.consents.scopes.${s}`),
            }))}
          />
        </Form.Item>
        {scope === 'third_party' && (
          <Form.Item
            name="partyOrgId"
            label={t('myData.consents.party')}
            rules={[{ required: true, message: t('myData.consents.rules.party') }]}
          >
            <PartySelect />
          </Form.Item>
        )}
        <Form.Item
          name="purpose"
          label={t('myData.consents.purpose')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('myData.consents.rules.purpose') }]}
        >
          <Input.TextArea
            rows={2}
            maxLength={500}
            showCount
            placeholder={t('myData.consents.purposePlaceholder')}
            data-testid="mydata-consent-purpose"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SafetyOutlined aria-hidden />}
          loading={grant.isPending}
          data-testid="mydata-consent-submit"
        >
          {t('myData.consents.grant')}
        </Button>
      </Form>
    </Card>
  );
};

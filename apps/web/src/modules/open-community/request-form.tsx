import { AskDataRequestBody, type DataRequest, WantedFormat } from '@shuzhi/contracts';
import { Alert, Button, Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { useMe } from '../../app/auth';
import { OrgSelect } from '../orgs/org-select';
import { type AskBody, useAsk } from './community-api';

type Values = {
  title: string;
  description: string;
  fields?: string;
  formats?: WantedFormat[];
  suggestedOrgId?: string;
  purpose: string;
  contactEmail?: string;
};

const emailOk = (v: string) => AskDataRequestBody.shape.contactEmail.safeParse(v).success;

/** Asking for data (点单式开放): signed in, or anonymous with an e-mail that is never published. */
export const RequestForm = ({ onAsked }: { onAsked: (r: DataRequest) => void }) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { data: me } = useMe();
  const ask = useAsk();
  const showError = useShowError();

  const submit = (v: Values) => {
    const body: AskBody = {
      title: v.title.trim(),
      description: v.description.trim(),
      fields: v.fields?.trim() ?? '',
      formats: v.formats ?? [],
      suggestedOrgId: v.suggestedOrgId || undefined,
      purpose: v.purpose.trim(),
      contactEmail: v.contactEmail?.trim() || undefined,
    };
    ask.mutate(body, { onSuccess: onAsked, onError: (err) => showError(err, form) });
  };

  return (
    <Form form={form} name="data-request" layout="vertical" onFinish={submit} style={{ maxWidth: 720 }}>
      <Form.Item
        name="title"
        label={t('openCommunity.requests.fields.title')}
        rules={[
          {
            required: true,
            whitespace: true,
            min: 4,
            max: 100,
            message: t('openCommunity.requests.rules.title'),
          },
        ]}
      >
        <Input maxLength={100} showCount data-testid="request-title" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('openCommunity.requests.fields.description')}
        rules={[
          {
            required: true,
            whitespace: true,
            min: 10,
            max: 2000,
            message: t('openCommunity.requests.rules.description'),
          },
        ]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="request-description" />
      </Form.Item>
      <Form.Item name="fields" label={t('openCommunity.requests.fields.wantedFields')}>
        <Input.TextArea
          rows={2}
          maxLength={1000}
          placeholder={t('openCommunity.requests.fields.wantedFieldsHint')}
          data-testid="request-fields"
        />
      </Form.Item>
      <Form.Item name="formats" label={t('openCommunity.requests.fields.formats')}>
        <Checkbox.Group
          options={WantedFormat.options.map((f) => ({
            value: f,
            label: t(`openCommunity.requests.formats.${f}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="suggestedOrgId"
        label={t('openCommunity.requests.fields.suggestedOrg')}
        extra={t('openCommunity.requests.fields.suggestedOrgHint')}
      >
        <OrgSelect
          allowClear
          aria-label={t('openCommunity.requests.fields.suggestedOrg')}
          data-testid="request-org"
        />
      </Form.Item>
      <Form.Item
        name="purpose"
        label={t('openCommunity.requests.fields.purpose')}
        rules={[
          {
            required: true,
            whitespace: true,
            min: 5,
            max: 500,
            message: t('openCommunity.requests.rules.purpose'),
          },
        ]}
      >
        <Input.TextArea rows={2} maxLength={500} showCount data-testid="request-purpose" />
      </Form.Item>
      <Form.Item
        name="contactEmail"
        label={
          me
            ? t('openCommunity.requests.fields.contactEmailSignedIn')
            : t('openCommunity.requests.fields.contactEmail')
        }
        extra={t('openCommunity.requests.fields.contactEmailHint')}
        rules={[
          { required: !me, whitespace: true, message: t('openCommunity.requests.rules.emailRequired') },
          {
            validator: async (_, v?: string) => {
              if (v?.trim() && !emailOk(v.trim())) throw new Error(t('openCommunity.requests.rules.email'));
            },
          },
        ]}
      >
        <Input type="email" maxLength={254} autoComplete="email" data-testid="request-email" />
      </Form.Item>
      {ask.error && <Alert type="error" showIcon title={ask.error.message} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={ask.isPending} data-testid="request-submit">
        {t('openCommunity.requests.submit')}
      </Button>
    </Form>
  );
};

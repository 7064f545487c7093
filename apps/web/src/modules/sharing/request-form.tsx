import type { ShareApp, ShareableDataset, ShareRequestBody } from '@shuzhi/contracts';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useShowError } from '../../app/api-errors';
import { AreaSelect } from '../areas/area-select';
import { addDays, chinaToday } from '../open-access/dates';
import { useCreateShareRequest } from './sharing-api';

type Props = { dataset: ShareableDataset; apps: ShareApp[] };
type Values = Omit<ShareRequestBody, 'datasetCode'>;

/** The sharing request: which app, which fields, why, on what legal basis, for how long, how often, where. */
export const RequestForm = ({ dataset, apps }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateShareRequest();
  const showError = useShowError();
  const today = chinaToday();
  const keys = new Set(dataset.keyFields);

  const submit = (v: Values) =>
    create.mutate(
      {
        ...v,
        datasetCode: dataset.code,
        areaField: v.areaField || undefined,
        areaCode: v.areaCode || undefined,
      },
      {
        onSuccess: (r) => {
          void message.success(t('sharing.apply.submitted', { deadline: r.deadline }));
          navigate(`/workspace/sharing/requests/${r.id}`);
        },
        onError: (err) => showError(err, form),
      },
    );

  if (apps.length === 0)
    return <Alert type="warning" showIcon title={t('sharing.apply.noApps')} data-testid="share-no-apps" />;

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      data-testid="share-request-form"
      initialValues={{
        clientId: apps.length === 1 ? apps[0]?.id : undefined,
        fields: [],
        periodStart: today,
        periodEnd: addDays(today, 365),
        dailyQuota: 1000,
        consentRequired: false,
      }}
    >
      <Form.Item
        name="clientId"
        label={t('sharing.apply.app')}
        extra={t('sharing.apply.appHint')}
        rules={[{ required: true, message: t('sharing.apply.rules.app') }]}
      >
        <Select
          virtual={false}
          data-testid="share-app"
          options={apps.map((a) => ({ value: a.id, label: `${a.name}（${a.clientId}）` }))}
        />
      </Form.Item>
      <Form.Item
        label={t('sharing.common.fields')}
        extra={t('sharing.apply.fieldsHint')}
        required
        style={{ marginBottom: 0 }}
      >
        <Button
          size="small"
          style={{ marginBottom: 8 }}
          onClick={() =>
            form.setFieldValue(
              'fields',
              dataset.fields.map((f) => f.name),
            )
          }
        >
          {t('sharing.apply.selectAll')}
        </Button>
        <Form.Item
          name="fields"
          rules={[{ required: true, type: 'array', min: 1, message: t('sharing.apply.rules.fields') }]}
        >
          <Checkbox.Group style={{ width: '100%' }} data-testid="share-fields">
            <Flex vertical gap={4}>
              {dataset.fields.map((f) => (
                <Checkbox key={f.name} value={f.name} data-testid={`share-field-${f.name}`}>
                  <Space size={4}>
                    {f.title}
                    <Typography.Text type="secondary" code>
                      {f.name}
                    </Typography.Text>
                    {keys.has(f.name) && <Tag color="blue">{t('sharing.common.key')}</Tag>}
                    {f.masked && <Tag color="gold">{t('sharing.common.masked')}</Tag>}
                  </Space>
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
      </Form.Item>
      <Form.Item
        name="purpose"
        label={t('sharing.common.purpose')}
        extra={t('sharing.apply.purposeHint')}
        rules={[
          { required: true, whitespace: true, min: 10, max: 2000, message: t('sharing.apply.rules.purpose') },
        ]}
      >
        <Input.TextArea rows={3} showCount maxLength={2000} data-testid="share-purpose" />
      </Form.Item>
      <Form.Item
        name="legalBasis"
        label={t('sharing.common.legalBasis')}
        extra={t('sharing.apply.legalBasisHint')}
        rules={[
          {
            required: true,
            whitespace: true,
            min: 2,
            max: 1000,
            message: t('sharing.apply.rules.legalBasis'),
          },
        ]}
      >
        <Input.TextArea rows={2} maxLength={1000} data-testid="share-legal-basis" />
      </Form.Item>
      <Form.Item name="consentRequired" valuePropName="checked" extra={t('sharing.apply.consentHint')}>
        <Checkbox data-testid="share-consent">{t('sharing.common.consentRequired')}</Checkbox>
      </Form.Item>
      <Typography.Text>{t('sharing.common.period')}</Typography.Text>
      <Flex gap={12} wrap align="baseline">
        <Form.Item name="periodStart" rules={[{ required: true, message: t('sharing.apply.rules.period') }]}>
          <Input
            type="date"
            min={today}
            aria-label={`${t('sharing.common.period')} 1`}
            data-testid="share-start"
          />
        </Form.Item>
        <span>~</span>
        <Form.Item
          name="periodEnd"
          dependencies={['periodStart']}
          rules={[
            { required: true, message: t('sharing.apply.rules.period') },
            ({ getFieldValue }) => ({
              validator: (_, end?: string) =>
                !end || !getFieldValue('periodStart') || end >= getFieldValue('periodStart')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('sharing.apply.rules.periodOrder'))),
            }),
          ]}
        >
          <Input
            type="date"
            min={today}
            aria-label={`${t('sharing.common.period')} 2`}
            data-testid="share-end"
          />
        </Form.Item>
        <Typography.Text type="secondary">{t('sharing.apply.periodHint')}</Typography.Text>
      </Flex>
      <Form.Item
        name="dailyQuota"
        label={t('sharing.common.dailyQuota')}
        extra={t('sharing.apply.quotaHint')}
        rules={[
          {
            required: true,
            type: 'integer',
            min: 1,
            max: 10_000_000,
            message: t('sharing.apply.rules.quota'),
          },
        ]}
      >
        <InputNumber
          min={1}
          max={10_000_000}
          precision={0}
          style={{ width: 200 }}
          data-testid="share-quota"
        />
      </Form.Item>
      <Typography.Text>{t('sharing.common.area')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('sharing.apply.areaHint')}
      </Typography.Paragraph>
      <AreaFields fields={dataset.fields} />
      <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="share-submit">
        {t('sharing.apply.submit')}
      </Button>
    </Form>
  );
};

/** The optional area restriction: both the field and the area, or neither. */
export const AreaFields = ({ fields }: { fields: { name: string; title: string; type?: string }[] }) => {
  const { t } = useTranslation();
  const both =
    (other: 'areaField' | 'areaCode') =>
    ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
      validator: (_: unknown, v?: string) =>
        !!v === !!getFieldValue(other)
          ? Promise.resolve()
          : Promise.reject(new Error(t('sharing.apply.rules.area'))),
    });
  return (
    <Flex gap={12} wrap>
      <Form.Item
        name="areaField"
        label={t('sharing.common.areaField')}
        dependencies={['areaCode']}
        rules={[both('areaCode')]}
        style={{ flex: '1 1 200px' }}
      >
        <Select
          allowClear
          virtual={false}
          data-testid="share-area-field"
          options={fields
            .filter((f) => !f.type || f.type === 'string')
            .map((f) => ({ value: f.name, label: `${f.title}（${f.name}）` }))}
        />
      </Form.Item>
      <Form.Item
        name="areaCode"
        label={t('sharing.common.areaCode')}
        dependencies={['areaField']}
        rules={[both('areaField')]}
        style={{ flex: '1 1 280px' }}
      >
        <AreaSelect allowClear data-testid="share-area-code" />
      </Form.Item>
    </Flex>
  );
};

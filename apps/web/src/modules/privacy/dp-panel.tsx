import type { Dataset, DpQueryBody } from '@shuzhi/contracts';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { DpBudgetCard } from './dp-budget';
import { DpReleasesCard } from './dp-releases';
import { useRelease } from './privacy-api';

type FormValues = {
  kind: DpQueryBody['kind'];
  epsilon: number;
  field?: string;
  lower?: number;
  upper?: number;
  groupMode: 'none' | 'values' | 'bins';
  groupField?: string;
  values?: string;
  binStart?: number;
  binWidth?: number;
  binCount?: number;
  purpose: string;
};

function toQuery(v: FormValues): DpQueryBody {
  const grouped = v.kind === 'histogram' || v.groupMode !== 'none';
  return {
    kind: v.kind,
    epsilon: v.epsilon,
    purpose: v.purpose,
    ...(v.kind === 'sum' || v.kind === 'mean'
      ? { field: v.field, bounds: { lower: v.lower ?? 0, upper: v.upper ?? 0 } }
      : {}),
    ...(grouped && v.groupField
      ? {
          groupBy:
            v.groupMode === 'bins'
              ? {
                  field: v.groupField,
                  bins: { start: v.binStart ?? 0, width: v.binWidth ?? 1, count: v.binCount ?? 1 },
                }
              : {
                  field: v.groupField,
                  values: (v.values ?? '')
                    .split('\n')
                    .map((x) => x.trim())
                    .filter(Boolean),
                },
        }
      : {}),
  };
}

/** The dataset's budget, a form to release a statistic, and what was released. */
export const DpPanel = ({ dataset }: { dataset: Dataset }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const release = useRelease(dataset.id);
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form);
  const groupMode = Form.useWatch('groupMode', form);
  const numeric = dataset.fields.filter((f) => f.type === 'integer' || f.type === 'decimal');
  const fieldOptions = (list: Dataset['fields']) =>
    list.map((f) => ({ value: f.name, label: `${f.title} (${f.name})` }));
  const grouped = kind === 'histogram' || (groupMode && groupMode !== 'none');
  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title={t('privacy.dp.intro')} />
      <DpBudgetCard dataset={dataset} />
      <Card title={t('privacy.dp.newRelease')}>
        <Form<FormValues>
          form={form}
          layout="vertical"
          data-testid="dp-form"
          initialValues={{ kind: 'count', epsilon: 0.1, groupMode: 'none' }}
          onFinish={(v) =>
            release.mutate(toQuery(v), {
              onSuccess: (r) => void message.success(t('privacy.dp.released', { epsilon: r.epsilon })),
              onError: (e) => showError(e, form),
            })
          }
        >
          <Flex gap={16} wrap>
            <Form.Item name="kind" label={t('privacy.dp.kind')} style={{ minWidth: 220 }}>
              <Select
                data-testid="dp-kind"
                options={(['count', 'sum', 'mean', 'histogram'] as const).map((k) => ({
                  value: k,
                  label: t(`privacy.dp.kinds.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="epsilon" label={t('privacy.dp.epsilon')} rules={[{ required: true }]}>
              <InputNumber data-testid="dp-epsilon" min={0.000001} max={10} step={0.05} />
            </Form.Item>
          </Flex>
          {(kind === 'sum' || kind === 'mean') && (
            <Flex gap={16} wrap>
              <Form.Item
                name="field"
                label={t('privacy.dp.field')}
                rules={[{ required: true }]}
                style={{ minWidth: 220 }}
              >
                <Select options={fieldOptions(numeric)} />
              </Form.Item>
              <Form.Item name="lower" label={t('privacy.dp.lower')} rules={[{ required: true }]}>
                <InputNumber precision={0} />
              </Form.Item>
              <Form.Item name="upper" label={t('privacy.dp.upper')} rules={[{ required: true }]}>
                <InputNumber precision={0} />
              </Form.Item>
            </Flex>
          )}
          {kind !== 'histogram' && (
            <Form.Item name="groupMode" label={t('privacy.dp.groupMode')}>
              <Radio.Group
                options={[
                  { value: 'none', label: t('privacy.dp.none') },
                  { value: 'values', label: t('privacy.dp.byValues') },
                  { value: 'bins', label: t('privacy.dp.byBins') },
                ]}
              />
            </Form.Item>
          )}
          {kind === 'histogram' && (
            <Form.Item name="groupMode" label={t('privacy.dp.groupMode')}>
              <Radio.Group
                options={[
                  { value: 'values', label: t('privacy.dp.byValues') },
                  { value: 'bins', label: t('privacy.dp.byBins') },
                ]}
              />
            </Form.Item>
          )}
          {grouped && (
            <Form.Item
              name="groupField"
              label={t('privacy.dp.groupBy')}
              rules={[{ required: true }]}
              style={{ maxWidth: 360 }}
            >
              <Select
                data-testid="dp-group-field"
                options={fieldOptions(groupMode === 'bins' ? numeric : dataset.fields)}
              />
            </Form.Item>
          )}
          {grouped && groupMode === 'bins' && (
            <Flex gap={16} wrap>
              <Form.Item name="binStart" label={t('privacy.dp.binStart')} rules={[{ required: true }]}>
                <InputNumber />
              </Form.Item>
              <Form.Item name="binWidth" label={t('privacy.dp.binWidth')} rules={[{ required: true }]}>
                <InputNumber min={0.000001} />
              </Form.Item>
              <Form.Item name="binCount" label={t('privacy.dp.binCount')} rules={[{ required: true }]}>
                <InputNumber min={1} max={1000} precision={0} />
              </Form.Item>
            </Flex>
          )}
          {grouped && groupMode !== 'bins' && (
            <Form.Item
              name="values"
              label={t('privacy.dp.groupValues')}
              rules={[{ required: true }]}
              style={{ maxWidth: 480 }}
            >
              <Input.TextArea data-testid="dp-group-values" rows={4} />
            </Form.Item>
          )}
          <Form.Item
            name="purpose"
            label={t('privacy.dp.purpose')}
            rules={[{ required: true, min: 2 }]}
            style={{ maxWidth: 480 }}
          >
            <Input data-testid="dp-purpose" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={release.isPending} data-testid="dp-release">
            {t('privacy.dp.release')}
          </Button>
        </Form>
      </Card>
      <DpReleasesCard dataset={dataset} />
    </Flex>
  );
};

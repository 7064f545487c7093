import { DATASET_RULE_KINDS, type Dataset, RuleKind } from '@shuzhi/contracts';
import { App, type ButtonProps, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { DatasetSelect } from '../catalog/dataset-select';
import { type RuleBody, useCreateRule } from './quality-api';
import { DIMENSION_KEYS } from './quality-labels';

type Props = { dataset: Dataset; open: boolean; sqlAllowed: boolean; onClose: () => void };
type Values = Record<string, unknown> & { kind: RuleKind; field?: string; severity: 'error' | 'warning' };

const SWITCHES: Partial<Record<RuleKind, string[]>> = {
  required: ['blankIsMissing'],
  pattern: ['caseInsensitive'],
  resident_id: ['allowLegacy15', 'acceptLowercaseX', 'checkAreaCode'],
  credit_code: ['acceptLowercase'],
  mobile: ['allowFormatting'],
};
const DEFAULT_ON = new Set(['blankIsMissing', 'checkAreaCode']);

const numberOrText = (v: unknown, numeric: boolean) =>
  v === undefined || v === null || v === '' ? undefined : numeric ? Number(v) : String(v).trim();

/** The parameters the server expects for the kind, from the form's flat values. */
function paramsOf(v: Values, ds: Dataset): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  for (const s of SWITCHES[v.kind] ?? []) p[s] = !!v[s];
  const field = ds.fields.find((f) => f.name === v.field);
  switch (v.kind) {
    case 'pattern':
      p.regex = v.regex;
      break;
    case 'enum':
      p.values = v.values;
      break;
    case 'range': {
      const numeric = field?.type === 'integer' || field?.type === 'decimal';
      p.min = numberOrText(v.min, numeric);
      p.max = numberOrText(v.max, numeric);
      break;
    }
    case 'length':
      p.min = v.minLength ?? undefined;
      p.max = v.maxLength ?? undefined;
      break;
    case 'reference':
      p.datasetId = v.refDataset;
      if (v.refField) p.field = String(v.refField).trim();
      break;
    case 'freshness':
      if (v.maxAgeHours) p.maxAgeHours = v.maxAgeHours;
      break;
    case 'custom_sql':
      p.sql = v.sql;
      p.dimension = v.dimension;
      p.description = v.description ?? '';
      break;
  }
  return Object.fromEntries(Object.entries(p).filter(([, x]) => x !== undefined));
}

/** Adds a rule to a dataset; the server checks it against the field (type, pattern syntax, references). */
export const RuleFormModal = ({ dataset, open, sqlAllowed, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateRule(dataset.id);
  const showError = useShowError();
  const kind = Form.useWatch('kind', form);
  const datasetLevel = !!kind && DATASET_RULE_KINDS.includes(kind);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = (v: Values) => {
    const body = {
      kind: v.kind,
      field: datasetLevel ? null : v.field,
      severity: v.severity,
      params: paramsOf(v, dataset),
    } as RuleBody;
    create.mutate(body, {
      onSuccess: () => {
        void message.success(t('quality.rules.created'));
        onClose();
      },
      onError: (err) => showError(err, form),
    });
  };

  const kinds = RuleKind.options.filter((k) => k !== 'custom_sql' || sqlAllowed);
  return (
    <Modal
      open={open}
      title={t('quality.rules.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'rule-form-submit' } as ButtonProps}
      forceRender
      width={600}
    >
      <Form
        form={form}
        name="quality-rule"
        layout="vertical"
        onFinish={submit}
        initialValues={{ severity: 'error', kind: 'required', dimension: 'validity' }}
      >
        <Form.Item name="kind" label={t('quality.rules.kind')} rules={[{ required: true }]}>
          <Select
            data-testid="rule-kind"
            virtual={false}
            options={kinds.map((k) => ({ value: k, label: t(`quality.kinds.${k}`) }))}
          />
        </Form.Item>
        {!datasetLevel && (
          <Form.Item
            name="field"
            label={t('quality.rules.field')}
            rules={[{ required: true, message: t('quality.rules.fieldRequired') }]}
          >
            <Select
              data-testid="rule-field"
              virtual={false}
              options={dataset.fields.map((f) => ({ value: f.name, label: `${f.title} (${f.name})` }))}
            />
          </Form.Item>
        )}
        {(SWITCHES[kind] ?? []).map((s) => (
          <Form.Item
            key={s}
            name={s}
            label={t(`quality.params.${s}` as 'quality.params.allowLegacy15')}
            valuePropName="checked"
            initialValue={DEFAULT_ON.has(s)}
          >
            <Switch />
          </Form.Item>
        ))}
        {kind === 'pattern' && (
          <Form.Item
            name="regex"
            label={t('quality.params.regex')}
            extra={t('quality.params.regexHint')}
            rules={[{ required: true }]}
          >
            <Input placeholder="^\d{6}$" />
          </Form.Item>
        )}
        {kind === 'enum' && (
          <Form.Item
            name="values"
            label={t('quality.params.values')}
            rules={[{ required: true, type: 'array', min: 1 }]}
          >
            <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
          </Form.Item>
        )}
        {kind === 'range' && (
          <>
            <Form.Item name="min" label={t('quality.params.min')} extra={t('quality.params.rangeHint')}>
              <Input />
            </Form.Item>
            <Form.Item name="max" label={t('quality.params.max')}>
              <Input />
            </Form.Item>
          </>
        )}
        {kind === 'length' && (
          <>
            <Form.Item name="minLength" label={t('quality.params.minLength')}>
              <InputNumber min={0} precision={0} />
            </Form.Item>
            <Form.Item name="maxLength" label={t('quality.params.maxLength')}>
              <InputNumber min={1} precision={0} />
            </Form.Item>
          </>
        )}
        {kind === 'reference' && (
          <>
            <Form.Item name="refDataset" label={t('quality.params.refDataset')} rules={[{ required: true }]}>
              <DatasetSelect />
            </Form.Item>
            <Form.Item
              name="refField"
              label={t('quality.params.refField')}
              extra={t('quality.params.refFieldHint')}
            >
              <Input />
            </Form.Item>
          </>
        )}
        {kind === 'freshness' && (
          <Form.Item
            name="maxAgeHours"
            label={t('quality.params.maxAgeHours')}
            extra={t('quality.params.byFrequency')}
          >
            <InputNumber min={1} precision={0} />
          </Form.Item>
        )}
        {kind === 'custom_sql' && (
          <>
            <Form.Item
              name="sql"
              label="SQL"
              extra={t('quality.params.sqlHint', { table: `data."${dataset.code}"` })}
              rules={[{ required: true }]}
            >
              <Input.TextArea rows={5} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <Form.Item name="dimension" label={t('quality.rules.dimension')}>
              <Select
                options={DIMENSION_KEYS.map((d) => ({ value: d, label: t(`quality.dimensions.${d}`) }))}
              />
            </Form.Item>
            <Form.Item name="description" label={t('quality.params.description')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        <Form.Item name="severity" label={t('quality.rules.severity')}>
          <Select
            options={(['error', 'warning'] as const).map((s) => ({
              value: s,
              label: t(`quality.severities.${s}`),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};

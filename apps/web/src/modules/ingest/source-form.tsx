import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { HttpPaging, PullSource, SourceConfig } from '@shuzhi/contracts';
import {
  App,
  Button,
  Checkbox,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { IMPORT_MODES } from './ingest-labels';
import { ScheduleFields, type ScheduleValues, scheduleBody, scheduleValues } from './source-schedule';
import { type SourceBody, useSaveSource } from './sources-api';

type Header = { name: string; value: string };
type Values = {
  name: string;
  mode: SourceBody['mode'];
  watermarkColumn?: string;
  resetWatermark?: boolean;
  pgTarget: 'table' | 'query';
  headerList: Header[];
  schedule: ScheduleValues;
  config: {
    kind: SourceConfig['kind'];
    connectionString?: string;
    table?: string;
    query?: string;
    timeoutSeconds?: number;
    url?: string;
    recordsPath?: string;
    paging?: Partial<Record<string, string | number | null>> & { style: HttpPaging['style'] };
    maxPages?: number;
    watermarkParam?: string;
  };
};

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);

const initial = (source: PullSource | null): Values => {
  if (!source) {
    return {
      name: '',
      mode: 'upsert',
      pgTarget: 'table',
      headerList: [],
      schedule: scheduleValues(null),
      config: {
        kind: 'http',
        paging: { style: 'none' },
        maxPages: 1000,
        timeoutSeconds: 60,
        recordsPath: '',
      },
    };
  }
  const c = source.config;
  const common = {
    name: source.name,
    mode: source.mode,
    watermarkColumn: source.watermarkColumn ?? undefined,
    resetWatermark: false,
    schedule: scheduleValues(source.schedule),
  };
  if (c.kind === 'postgres') {
    return {
      ...common,
      pgTarget: c.query ? 'query' : 'table',
      headerList: [],
      config: { ...c, table: c.table ?? undefined, query: c.query ?? undefined },
    };
  }
  return {
    ...common,
    pgTarget: 'table',
    headerList: Object.entries(c.headers).map(([name, value]) => ({ name, value })),
    config: { ...c, paging: { ...c.paging }, watermarkParam: c.watermarkParam ?? undefined },
  };
};

/** The form's values as the API takes them: one of table and query, headers as a record. */
const toBody = (v: Values, editing: boolean): SourceBody => {
  const c = v.config;
  const config: SourceConfig =
    c.kind === 'postgres'
      ? {
          kind: 'postgres',
          connectionString: c.connectionString?.trim() ?? '',
          table: v.pgTarget === 'table' ? blank(c.table) : null,
          query: v.pgTarget === 'query' ? blank(c.query) : null,
          timeoutSeconds: c.timeoutSeconds ?? 60,
        }
      : {
          kind: 'http',
          url: c.url?.trim() ?? '',
          headers: Object.fromEntries((v.headerList ?? []).map((h) => [h.name.trim(), h.value])),
          recordsPath: c.recordsPath?.trim() ?? '',
          paging: Object.fromEntries(
            Object.entries(c.paging ?? { style: 'none' }).filter(([, x]) => x !== undefined && x !== ''),
          ) as HttpPaging,
          maxPages: c.maxPages ?? 1000,
          watermarkParam: blank(c.watermarkParam),
          timeoutSeconds: c.timeoutSeconds ?? 60,
        };
  return {
    name: v.name.trim(),
    mode: v.mode,
    watermarkColumn: blank(v.watermarkColumn),
    config,
    schedule: scheduleBody(v.schedule),
    ...(editing ? { resetWatermark: !!v.resetWatermark } : {}),
  };
};

const PagingFields = ({ style }: { style: HttpPaging['style'] | undefined }) => {
  const { t } = useTranslation();
  const p = (name: string) => ['config', 'paging', name];
  if (style === 'page' || style === 'offset') {
    const [a, b] =
      style === 'page' ? (['pageParam', 'sizeParam'] as const) : (['offsetParam', 'limitParam'] as const);
    return (
      <Space wrap>
        <Form.Item
          name={p(a)}
          label={t(`ingest.sources.${a}`)}
          initialValue={style === 'page' ? 'page' : 'offset'}
        >
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name={p(b)}
          label={t(`ingest.sources.${b}`)}
          initialValue={style === 'page' ? 'size' : 'limit'}
        >
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name={p('pageSize')} label={t('ingest.sources.pageSize')} initialValue={100}>
          <InputNumber min={1} max={10000} />
        </Form.Item>
        {style === 'page' && (
          <Form.Item name={p('firstPage')} label={t('ingest.sources.firstPage')} initialValue={1}>
            <Select style={{ width: 90 }} options={[{ value: 1 }, { value: 0 }]} />
          </Form.Item>
        )}
      </Space>
    );
  }
  if (style === 'cursor') {
    return (
      <Space wrap align="start">
        <Form.Item
          name={p('nextPath')}
          label={t('ingest.sources.nextPath')}
          extra={t('ingest.sources.pathHint')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input style={{ width: 220 }} placeholder="/links/next" />
        </Form.Item>
        <Form.Item
          name={p('cursorParam')}
          label={t('ingest.sources.cursorParam')}
          extra={t('ingest.sources.cursorParamHint')}
        >
          <Input style={{ width: 220 }} placeholder="cursor" />
        </Form.Item>
      </Space>
    );
  }
  return null;
};

/** Adds or edits a pull source: where the data comes from, how it pages, what is new since the last run. */
export const SourceForm = ({
  datasetId,
  source,
  open,
  onClose,
}: {
  datasetId: string;
  source: PullSource | null;
  open: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const save = useSaveSource(datasetId);
  const kind = Form.useWatch(['config', 'kind'], form);
  const target = Form.useWatch('pgTarget', form);
  const paging = Form.useWatch(['config', 'paging', 'style'], form);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial(source));
    }
  }, [open, source, form]);

  const submit = (v: Values) =>
    save.mutate(
      { id: source?.id ?? null, body: toBody(v, !!source) },
      {
        onSuccess: () => {
          void message.success(t('ingest.sources.saved'));
          onClose();
        },
        onError: (err) => showError(err, form),
      },
    );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      title={source ? t('ingest.sources.editTitle', { name: source.name }) : t('ingest.sources.add')}
      destroyOnHidden
      forceRender
      extra={
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() => form.submit()}
          data-testid="source-save"
        >
          {t('common.save')}
        </Button>
      }
      data-testid="source-form"
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial(source)}>
        <Form.Item
          name="name"
          label={t('ingest.sources.name')}
          rules={[{ required: true, whitespace: true, max: 60 }]}
        >
          <Input maxLength={60} data-testid="source-name" />
        </Form.Item>
        <Form.Item name={['config', 'kind']} label={t('ingest.sources.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'http', label: t('ingest.sources.kinds.http') },
              { value: 'postgres', label: t('ingest.sources.kinds.postgres') },
            ]}
          />
        </Form.Item>
        {kind === 'postgres' ? (
          <>
            <Form.Item
              name={['config', 'connectionString']}
              label={t('ingest.sources.connectionString')}
              extra={t('ingest.sources.connectionHint')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input placeholder="postgres://user:password@host:5432/db" data-testid="source-connection" />
            </Form.Item>
            <Form.Item name="pgTarget" label={t('ingest.sources.target')}>
              <Radio.Group
                options={[
                  { value: 'table', label: t('ingest.sources.table') },
                  { value: 'query', label: t('ingest.sources.query') },
                ]}
              />
            </Form.Item>
            {target === 'query' ? (
              <Form.Item
                name={['config', 'query']}
                extra={t('ingest.sources.queryHint')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input.TextArea
                  rows={4}
                  style={{ fontFamily: 'monospace' }}
                  placeholder="select * from ..."
                />
              </Form.Item>
            ) : (
              <Form.Item name={['config', 'table']} rules={[{ required: true, whitespace: true }]}>
                <Input placeholder="schema.table" />
              </Form.Item>
            )}
          </>
        ) : (
          <>
            <Form.Item
              name={['config', 'url']}
              label={t('ingest.sources.url')}
              rules={[{ required: true, type: 'url' }]}
            >
              <Input placeholder="https://api.example.gov.cn/v1/records" data-testid="source-url" />
            </Form.Item>
            <Form.Item label={t('ingest.sources.headers')} extra={t('ingest.sources.headersHint')}>
              <Form.List name="headerList">
                {(items, { add, remove }) => (
                  <Flex vertical gap={8}>
                    {items.map((item) => (
                      <Space key={item.key} align="start">
                        <Form.Item name={[item.name, 'name']} noStyle rules={[{ required: true }]}>
                          <Input placeholder="Authorization" style={{ width: 180 }} />
                        </Form.Item>
                        <Form.Item name={[item.name, 'value']} noStyle rules={[{ required: true }]}>
                          <Input.Password placeholder="Bearer …" style={{ width: 300 }} />
                        </Form.Item>
                        <Button
                          type="text"
                          icon={<DeleteOutlined aria-hidden />}
                          aria-label={t('ingest.sources.delete')}
                          onClick={() => remove(item.name)}
                        />
                      </Space>
                    ))}
                    <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', value: '' })}>
                      {t('ingest.sources.addHeader')}
                    </Button>
                  </Flex>
                )}
              </Form.List>
            </Form.Item>
            <Form.Item
              name={['config', 'recordsPath']}
              label={t('ingest.sources.recordsPath')}
              extra={t('ingest.sources.pathHint')}
            >
              <Input placeholder="data.items" />
            </Form.Item>
            <Form.Item name={['config', 'paging', 'style']} label={t('ingest.sources.paging')}>
              <Select
                options={(['none', 'page', 'offset', 'cursor'] as const).map((s) => ({
                  value: s,
                  label: t(`ingest.sources.pagings.${s}`),
                }))}
              />
            </Form.Item>
            <PagingFields style={paging} />
            <Space wrap>
              <Form.Item name={['config', 'maxPages']} label={t('ingest.sources.maxPages')}>
                <InputNumber min={1} max={100000} />
              </Form.Item>
              <Form.Item
                name={['config', 'watermarkParam']}
                label={t('ingest.sources.watermarkParam')}
                tooltip={t('ingest.sources.watermarkParamHint')}
              >
                <Input style={{ width: 160 }} placeholder="since" />
              </Form.Item>
            </Space>
          </>
        )}
        <Space wrap>
          <Form.Item name="mode" label={t('ingest.mode')}>
            <Select
              style={{ width: 180 }}
              options={IMPORT_MODES.map((m) => ({ value: m, label: t(`ingest.modes.${m}`) }))}
            />
          </Form.Item>
          <Form.Item name={['config', 'timeoutSeconds']} label={t('ingest.sources.timeout')}>
            <InputNumber min={1} max={3600} addonAfter="s" />
          </Form.Item>
        </Space>
        <Form.Item
          name="watermarkColumn"
          label={t('ingest.sources.watermarkColumn')}
          extra={t('ingest.sources.watermarkHint')}
        >
          <Input placeholder="updated_at" />
        </Form.Item>
        {source?.watermarkColumn && (
          <Form.Item name="resetWatermark" valuePropName="checked">
            <Checkbox>
              {t('ingest.sources.resetWatermark')}{' '}
              <Typography.Text type="secondary">
                ({t('ingest.sources.watermark')}: {source.watermark ?? '—'})
              </Typography.Text>
            </Checkbox>
          </Form.Item>
        )}
        <ScheduleFields />
      </Form>
    </Drawer>
  );
};

import type { Dataset, ImportPreview } from '@shuzhi/contracts';
import { Alert, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { PreviewTable } from './import-preview-table';
import type { MappingDraft } from './ingest-api';

const SKIP = '';

/** Every named column of the file with its field, or null when it is not imported. */
export const draftOf = (preview: ImportPreview): MappingDraft =>
  Object.fromEntries(
    preview.header.filter((h) => h !== '').map((h) => [h, preview.import.mapping[h] ?? null]),
  );

/** A field taken by one column is released by any other that had it: each field takes one column. */
export const assign = (draft: MappingDraft, column: string, field: string | null): MappingDraft =>
  Object.fromEntries(
    Object.entries(draft).map(([c, f]) => [
      c,
      c === column ? field : field !== null && f === field ? null : f,
    ]),
  );

type Row = { column: string; index: number; samples: string[] };

type Props = {
  dataset: Dataset;
  preview: ImportPreview;
  draft: MappingDraft;
  onChange: (draft: MappingDraft) => void;
  /** The server's answer to the last change, when it refused it. */
  problem: string | null;
  busy: boolean;
};

/**
 * Step 2: one row per file column with the field it goes to (or "not imported"), and the first
 * rows as they would load under that mapping, cells that would be refused in red.
 */
export const ImportMappingStep = ({ dataset, preview, draft, onChange, problem, busy }: Props) => {
  const { t } = useTranslation();
  const fieldOptions = [
    { value: SKIP, label: t('ingest.mapping.skip') },
    ...dataset.fields.map((f) => ({
      value: f.name,
      label: `${f.title}（${f.name}）${f.key ? ` · ${t('ingest.mapping.key')}` : ''}`,
    })),
  ];
  const rows: Row[] = preview.header
    .map((column, index) => ({
      column,
      index,
      samples: preview.rows
        .map((r) => r.cells[index]?.raw ?? '')
        .filter((v) => v.trim() !== '')
        .slice(0, 3),
    }))
    .filter((r) => r.column !== '');
  const columns: ColumnsType<Row> = [
    {
      key: 'column',
      title: t('ingest.mapping.column'),
      render: (_, r) => <Typography.Text strong>{r.column}</Typography.Text>,
    },
    {
      key: 'samples',
      title: t('ingest.mapping.samples'),
      render: (_, r) => (
        <Typography.Text
          type="secondary"
          ellipsis={{ tooltip: r.samples.join('、') }}
          style={{ maxWidth: 260 }}
        >
          {r.samples.join('、') || '—'}
        </Typography.Text>
      ),
    },
    {
      key: 'field',
      title: t('ingest.mapping.field'),
      width: 280,
      render: (_, r) => (
        <Select
          style={{ width: 260 }}
          aria-label={t('ingest.mapping.fieldOf', { column: r.column })}
          data-testid={`mapping-field-${r.index}`}
          value={draft[r.column] ?? SKIP}
          options={fieldOptions}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(v: string) => onChange(assign(draft, r.column, v === SKIP ? null : v))}
        />
      ),
    },
  ];
  const missing = problem ? [] : preview.missingKeys;
  return (
    <div data-testid="mapping-step" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('ingest.mapping.hint')}
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon data-testid="mapping-problem" title={problem} />}
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="mapping-missing-keys"
          title={t('ingest.mapping.missingKeys', { fields: missing.join('、') })}
        />
      )}
      <Table<Row>
        data-testid="mapping-table"
        rowKey="index"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('ingest.mapping.preview', { count: preview.rows.length })}
      </Typography.Title>
      <PreviewTable dataset={dataset} preview={preview} loading={busy} />
    </div>
  );
};

import type { Dataset, ImportPreview, PreviewRow } from '@shuzhi/contracts';
import { Table, Tooltip, Typography, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';

type Cell = PreviewRow['cells'][number];

const Shown = ({ cell, mapped, testId }: { cell: Cell | undefined; mapped: boolean; testId: string }) => {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (!cell) return null;
  if (cell.error) {
    return (
      <Tooltip title={cell.error.message}>
        <div
          data-testid={testId}
          data-error={cell.error.code}
          style={{
            background: token.colorErrorBg,
            color: token.colorError,
            padding: '0 4px',
            borderRadius: 4,
          }}
        >
          <div>{cell.raw || '∅'}</div>
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {cell.error.message}
          </Typography.Text>
        </div>
      </Tooltip>
    );
  }
  // An unmapped column is shown as read, greyed: it will not be imported.
  if (!mapped) {
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {cell.raw}
      </Typography.Text>
    );
  }
  const v = cell.value;
  const text =
    v === null || v === undefined
      ? '—'
      : typeof v === 'boolean'
        ? t(v ? 'ingest.mapping.yes' : 'ingest.mapping.no')
        : String(v);
  return (
    <span data-testid={testId} data-value={text}>
      {text}
    </span>
  );
};

/** The first rows of a staged file as they would load: the value each mapped field gets, or why not. */
export const PreviewTable = ({
  dataset,
  preview,
  loading,
}: {
  dataset: Dataset;
  preview: ImportPreview;
  loading: boolean;
}) => {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const titleOf = new Map(dataset.fields.map((f) => [f.name, f.title]));
  const mapping = preview.import.mapping;
  const columns: ColumnsType<PreviewRow> = [
    {
      key: 'row',
      title: t('ingest.rowNumber'),
      fixed: 'left',
      width: 70,
      render: (_, r) =>
        r.error ? (
          <Tooltip title={r.error.message}>
            <Typography.Text type="danger" data-testid={`preview-row-error-${r.rowNumber}`}>
              {r.rowNumber} ⚠
            </Typography.Text>
          </Tooltip>
        ) : (
          r.rowNumber
        ),
    },
    ...preview.header.map((column, i) => {
      const field = mapping[column];
      return {
        key: `c${i}`,
        title: (
          <div>
            <div>{column || `#${i + 1}`}</div>
            <Typography.Text
              type={field ? 'success' : 'secondary'}
              style={{ fontSize: 12, fontWeight: 'normal' }}
            >
              {field ? `→ ${titleOf.get(field) ?? field}` : t('ingest.mapping.skip')}
            </Typography.Text>
          </div>
        ),
        render: (_: unknown, r: PreviewRow, index: number) => (
          <Shown cell={r.cells[i]} mapped={!!field} testId={`preview-${index}-${i}`} />
        ),
      };
    }),
  ];
  return (
    <Table<PreviewRow>
      data-testid="mapping-preview"
      rowKey="rowNumber"
      size="small"
      columns={columns}
      dataSource={preview.rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(r) => (r.error ? { style: { background: token.colorErrorBg } } : {})}
      locale={{ emptyText: t('ingest.mapping.noRows') }}
    />
  );
};

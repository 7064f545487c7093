import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

type FieldInfo = { name: string; title: string; masked: boolean };
type Rec = Record<string, unknown>;

/** The records of a gateway answer (lookup, records or batch), when it has any, one row each. */
const recordsOf = (body: unknown): { fields: FieldInfo[]; rows: Rec[] } | null => {
  if (typeof body !== 'object' || body === null || !('fields' in body)) return null;
  const b = body as { fields: FieldInfo[]; record?: Rec; records?: Rec[]; items?: { record: Rec | null }[] };
  const rows = b.record
    ? [b.record]
    : (b.records ?? (b.items ?? []).map((i) => i.record).filter((r): r is Rec => r !== null));
  return rows.length ? { fields: b.fields, rows } : null;
};

const show = (v: unknown) =>
  v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** The answer's records as a table, masked fields marked, so a person sees what the app receives. */
export const ConsoleRecords = ({ body }: { body: unknown }) => {
  const { t } = useTranslation();
  const data = recordsOf(body);
  if (!data) return null;
  return (
    <Table
      size="small"
      rowKey={(_, i) => String(i)}
      dataSource={data.rows}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      data-testid="console-records"
      columns={data.fields.map((f) => ({
        key: f.name,
        title: (
          <span>
            {f.title} {f.masked && <Tag color="gold">{t('sharing.common.masked')}</Tag>}
          </span>
        ),
        render: (_: unknown, r: Rec) => (
          <span data-testid={`console-value-${f.name}`}>{show(r[f.name])}</span>
        ),
      }))}
    />
  );
};

import { Table, Tag, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { EntryDetail, type SignedHead } from './entry-detail';
import { type LedgerRow, PAGE_SIZE } from './ledger-api';
import { actionLabel, actorLabel, asBody, isResult, resultColors } from './ledger-format';

type Props = {
  rows: LedgerRow[];
  loading: boolean;
  head: SignedHead | undefined;
  /** The log size the pages count back from. */
  total: number;
  page: number;
  onPage: (page: number) => void;
  expanded: number[];
  onExpand: (keys: number[]) => void;
  /** The row a jump went to, highlighted. */
  focused: number | undefined;
};

export const EntryTable = ({
  rows,
  loading,
  head,
  total,
  page,
  onPage,
  expanded,
  onExpand,
  focused,
}: Props) => {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const columns: ColumnsType<LedgerRow> = [
    { key: 'index', title: t('ledger.index'), dataIndex: 'index' },
    {
      key: 'time',
      title: t('ledger.time'),
      render: (_, row) => formatDateTime(asBody(row.entry).time),
    },
    { key: 'actor', title: t('ledger.actor'), render: (_, row) => actorLabel(t, asBody(row.entry).actor) },
    {
      key: 'action',
      title: t('ledger.action'),
      render: (_, row) => {
        const action = asBody(row.entry).action;
        return action ? actionLabel(t, action) : '—';
      },
    },
    {
      key: 'result',
      title: t('ledger.result'),
      render: (_, row) => {
        const result = asBody(row.entry).result;
        return isResult(result) ? (
          <Tag color={resultColors[result]}>{t(`ledger.results.${result}`)}</Tag>
        ) : (
          String(result ?? '—')
        );
      },
    },
    { key: 'purpose', title: t('ledger.purpose'), render: (_, row) => asBody(row.entry).purpose ?? '' },
    { key: 'dataset', title: t('ledger.dataset'), render: (_, row) => asBody(row.entry).dataset ?? '' },
  ];
  return (
    <Table<LedgerRow>
      data-testid="ledger-entries"
      rowKey="index"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      locale={{ emptyText: t('ledger.empty') }}
      // Not max-content: the expanded JSON would widen every column to its longest line.
      scroll={{ x: 880 }}
      onRow={(row) => (row.index === focused ? { style: { background: token.colorPrimaryBg } } : {})}
      expandable={{
        expandedRowKeys: expanded,
        onExpandedRowsChange: (keys) => onExpand(keys.map(Number)),
        expandedRowRender: (row) => <EntryDetail row={row} head={head} />,
      }}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total,
        showSizeChanger: false,
        showTotal: (count) => t('ledger.total', { count }),
        onChange: onPage,
      }}
    />
  );
};

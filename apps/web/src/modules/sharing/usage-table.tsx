import type { ShareUsage } from '@shuzhi/contracts';
import { Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Row = ShareUsage['rows'][number];

/** Usage per dataset, consumer and app over the period. */
export const UsageTable = ({ rows, loading }: { rows: Row[]; loading: boolean }) => {
  const { t } = useTranslation();
  const num = (n: number) => n.toLocaleString();
  return (
    <Table
      rowKey={(r) => `${r.grantId ?? ''}|${r.datasetCode}|${r.consumerOrgName}|${r.app}`}
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      data-testid="share-usage-table"
      locale={{ emptyText: <Empty description={t('sharing.usage.empty')} /> }}
      columns={[
        {
          title: t('sharing.common.dataset'),
          key: 'dataset',
          render: (_: unknown, r: Row) => <Typography.Text code>{r.datasetCode}</Typography.Text>,
        },
        { title: t('sharing.common.owner'), key: 'owner', dataIndex: 'ownerOrgName' },
        { title: t('sharing.common.consumer'), key: 'consumer', dataIndex: 'consumerOrgName' },
        { title: t('sharing.common.app'), key: 'app', dataIndex: 'app' },
        {
          title: t('sharing.common.purpose'),
          key: 'purpose',
          width: 180,
          render: (_: unknown, r: Row) => (
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.purpose }} style={{ margin: 0 }}>
              {r.purpose}
            </Typography.Paragraph>
          ),
        },
        {
          title: t('sharing.common.fields'),
          key: 'fields',
          width: 200,
          render: (_: unknown, r: Row) => r.fields.map((f) => <Tag key={f}>{f}</Tag>),
        },
        {
          title: t('sharing.usage.calls'),
          key: 'calls',
          align: 'right' as const,
          sorter: (a: Row, b: Row) => a.calls - b.calls,
          defaultSortOrder: 'descend' as const,
          render: (_: unknown, r: Row) => <span data-testid="share-usage-calls">{num(r.calls)}</span>,
        },
        {
          title: t('sharing.usage.records'),
          key: 'records',
          align: 'right' as const,
          sorter: (a: Row, b: Row) => a.records - b.records,
          render: (_: unknown, r: Row) => num(r.records),
        },
        {
          title: t('sharing.usage.denied'),
          key: 'denied',
          align: 'right' as const,
          sorter: (a: Row, b: Row) => a.denied - b.denied,
          render: (_: unknown, r: Row) => (
            <Typography.Text type={r.denied > 0 ? 'danger' : undefined}>{num(r.denied)}</Typography.Text>
          ),
        },
      ]}
    />
  );
};

import { ExclamationCircleOutlined } from '@ant-design/icons';
import type { Holding, Holdings } from '@shuzhi/contracts';
import { Alert, Button, Card, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { DisputeModal, type DisputeTarget } from './dispute-modal';
import { displayValue } from './labels';
import { useHoldings } from './mydata-api';

type Row = Holding['records'][number];

const rowKey = (r: Row) => JSON.stringify(r.key);

/** One dataset holding records about me: its records, masked per policy, each open to dispute. */
const HoldingCard = ({ holding, onDispute }: { holding: Holding; onDispute: (t: DisputeTarget) => void }) => {
  const { t } = useTranslation();
  const matched = holding.fields.find((f) => f.name === holding.matchedField)?.title ?? holding.matchedField;
  const columns: ColumnsType<Row> = [
    ...holding.fields.map((f) => ({
      key: f.name,
      title: (
        <span>
          {f.title}
          {f.masked && (
            <Tag style={{ marginInlineStart: 4 }} bordered={false}>
              {t('myData.holdings.masked')}
            </Tag>
          )}
        </span>
      ),
      render: (_: unknown, r: Row) => (
        <span data-testid={`mydata-value-${f.name}`}>
          {f.type === 'datetime' && typeof r.values[f.name] === 'string'
            ? formatDateTime(r.values[f.name] as string)
            : displayValue(r.values[f.name])}
        </span>
      ),
    })),
    {
      key: 'dispute',
      title: t('common.actions'),
      fixed: 'right' as const,
      render: (_: unknown, record: Row) => (
        <Button
          size="small"
          icon={<ExclamationCircleOutlined aria-hidden />}
          onClick={() => onDispute({ holding, record })}
          data-testid="mydata-dispute-open"
        >
          {t('myData.holdings.dispute')}
        </Button>
      ),
    },
  ];
  return (
    <Card
      data-testid={`mydata-holding-${holding.datasetCode}`}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{holding.datasetName}</span>
          <Tag bordered={false}>{holding.datasetCode}</Tag>
        </Flex>
      }
      extra={
        <Typography.Text type="secondary">
          {t('myData.holdings.owner')}：{holding.ownerOrgName}
        </Typography.Text>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('myData.holdings.matchedBy')}：{matched} ·{' '}
        {t('myData.holdings.recordCount', { count: holding.records.length })}
        {holding.more && ` · ${t('myData.holdings.more', { count: holding.records.length })}`}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey={rowKey}
        columns={columns}
        dataSource={holding.records}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
};

const Unsearchable = ({ items }: { items: Holdings['unsearchable'] }) => {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('myData.holdings.unsearchable')} data-testid="mydata-unsearchable">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('myData.holdings.unsearchableHint')}
      </Typography.Paragraph>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 }}>
        {items.map((i) => (
          <li key={`${i.datasetCode}/${i.field}`}>
            <Flex gap={8} wrap align="center">
              <span>{i.datasetName}</span>
              <Tag bordered={false}>{i.datasetCode}</Tag>
              <Typography.Text type="secondary">
                {i.ownerOrgName} · {t('myData.holdings.field')}：{i.field}
              </Typography.Text>
            </Flex>
          </li>
        ))}
      </ul>
    </Card>
  );
};

/** 我的数据: which datasets hold records about me, and what they say. */
export const HoldingsPanel = () => {
  const { t } = useTranslation();
  const holdings = useHoldings();
  const [target, setTarget] = useState<DisputeTarget | null>(null);
  if (holdings.isPending) return <Skeleton active />;
  if (holdings.error) return <Alert type="error" showIcon title={holdings.error.message} />;
  const { items, unsearchable } = holdings.data;
  return (
    <Flex vertical gap={16} data-testid="mydata-holdings">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('myData.holdings.intro')}
      </Typography.Paragraph>
      {items.length === 0 && <Empty description={t('myData.holdings.empty')} />}
      {items.map((h) => (
        <HoldingCard key={h.datasetId} holding={h} onDispute={setTarget} />
      ))}
      <Unsearchable items={unsearchable} />
      <DisputeModal target={target} onClose={() => setTarget(null)} />
    </Flex>
  );
};

import type { ConflictSummary } from '@shuzhi/contracts';
import { Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { CheckStats } from './element-bindings';

type Props = {
  summary: ConflictSummary | undefined;
  loading: boolean;
  /** Narrows the list to one element when its card is clicked. */
  onPickElement: (code: string) => void;
};
type BindingRow = ConflictSummary['bindings'][number];

/** Open and resolved conflicts per element and per pair of datasets, with the last check's numbers. */
export const ConflictSummaryPanel = ({ summary, loading, onPickElement }: Props) => {
  const { t } = useTranslation();
  const columns: ColumnsType<BindingRow> = [
    {
      key: 'pair',
      title: t('catalog.conflicts.pair'),
      render: (_, b) => (
        <Flex vertical>
          <span>{b.elementName}</span>
          <Typography.Text type="secondary">
            {b.authoritative.datasetName} · {b.authoritative.ownerOrgName} → {b.other.datasetName} ·{' '}
            {b.other.ownerOrgName}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'open', title: t('catalog.conflicts.open'), dataIndex: 'open' },
    { key: 'resolved', title: t('catalog.conflicts.resolved'), dataIndex: 'resolved' },
    {
      key: 'check',
      title: t('catalog.elements.lastCheck'),
      render: (_, b) => (
        <Flex vertical>
          {b.lastCheck ? (
            <CheckStats stats={b.lastCheck} />
          ) : (
            <Typography.Text type="secondary">{t('catalog.elements.neverChecked')}</Typography.Text>
          )}
          {b.lastError && <Typography.Text type="danger">{b.lastError}</Typography.Text>}
        </Flex>
      ),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('catalog.conflicts.open')}
              value={summary?.totals.open ?? 0}
              loading={loading}
              data-testid="conflicts-total-open"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('catalog.conflicts.resolved')}
              value={summary?.totals.resolved ?? 0}
              loading={loading}
            />
          </Card>
        </Col>
        {(summary?.elements ?? []).map((e) => (
          <Col xs={12} md={6} key={e.elementCode}>
            <Card
              size="small"
              hoverable
              onClick={() => onPickElement(e.elementCode)}
              data-testid={`conflicts-element-${e.elementCode}`}
            >
              <Statistic
                title={`${t('catalog.conflicts.element')} · ${e.elementName}`}
                value={e.open}
                suffix={`/ ${e.open + e.resolved}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('catalog.conflicts.perBinding')}>
        <Table<BindingRow>
          rowKey="bindingId"
          size="small"
          columns={columns}
          dataSource={summary?.bindings ?? []}
          loading={loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('catalog.conflicts.emptySummary') }}
        />
      </Card>
    </Flex>
  );
};

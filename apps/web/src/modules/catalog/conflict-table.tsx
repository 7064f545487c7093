import { CheckOutlined, EyeInvisibleOutlined } from '@ant-design/icons';
import type { ElementConflict } from '@shuzhi/contracts';
import { Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';

type Props = {
  conflicts: ElementConflict[];
  loading: boolean;
  onResolve: (c: ElementConflict) => void;
};

const Side = ({ side }: { side: ElementConflict['authoritative'] }) => (
  <Flex vertical>
    <Typography.Text strong>{side.value}</Typography.Text>
    <Link to={`/workspace/catalog/${side.datasetId}`}>{side.datasetName}</Link>
    <Typography.Text type="secondary">{side.ownerOrgName}</Typography.Text>
  </Flex>
);

/** Conflicts between an element's authoritative dataset and another that carries it. */
export const ConflictTable = ({ conflicts, loading, onResolve }: Props) => {
  const { t } = useTranslation();
  const columns: ColumnsType<ElementConflict> = [
    {
      key: 'element',
      title: t('catalog.conflicts.element'),
      render: (_, c) => (
        <Flex vertical>
          <span>{c.elementName}</span>
          <Typography.Text type="secondary" code>
            {c.elementCode}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'subject',
      title: t('catalog.conflicts.subject'),
      render: (_, c) => (
        <Flex gap={4} align="center">
          <Typography.Text code data-testid="conflict-subject">
            {c.subjectKey}
          </Typography.Text>
          {c.keyMasked && (
            <Tooltip title={t('catalog.conflicts.maskedHint')}>
              <EyeInvisibleOutlined aria-label={t('catalog.conflicts.masked')} />
            </Tooltip>
          )}
        </Flex>
      ),
    },
    {
      key: 'authoritative',
      title: t('catalog.conflicts.authoritative'),
      render: (_, c) => <Side side={c.authoritative} />,
    },
    { key: 'other', title: t('catalog.conflicts.other'), render: (_, c) => <Side side={c.other} /> },
    {
      key: 'status',
      title: t('catalog.conflicts.status'),
      render: (_, c) => (
        <Flex vertical gap={4} style={{ maxWidth: 280 }}>
          <span>
            <Tag color={c.status === 'open' ? 'red' : 'green'} data-testid={`conflict-status-${c.status}`}>
              {t(`catalog.conflicts.statuses.${c.status}`)}
            </Tag>
          </span>
          {c.resolution && (
            <Typography.Text type="secondary">
              {t(`catalog.conflicts.resolutions.${c.resolution}`)}
            </Typography.Text>
          )}
          {c.note && <Typography.Text>{c.note}</Typography.Text>}
          {c.resolvedBy && (
            <Typography.Text type="secondary">
              {t('catalog.conflicts.resolvedBy', { by: c.resolvedBy, at: formatDateTime(c.resolvedAt) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'seen',
      title: `${t('catalog.conflicts.firstSeen')} / ${t('catalog.conflicts.lastSeen')}`,
      render: (_, c) => (
        <Flex vertical>
          <span>{formatDateTime(c.firstSeenAt)}</span>
          <Typography.Text type="secondary">{formatDateTime(c.lastSeenAt)}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, c) =>
        c.canResolve && (
          <Button
            size="small"
            icon={<CheckOutlined aria-hidden />}
            onClick={() => onResolve(c)}
            data-testid="conflict-resolve"
          >
            {t('catalog.conflicts.resolve')}
          </Button>
        ),
    },
  ];
  return (
    <Table<ElementConflict>
      data-testid="conflicts-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={conflicts}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('catalog.conflicts.empty') }}
    />
  );
};

import type { ShareGrant, ShareSide } from '@shuzhi/contracts';
import { Button, Empty, Flex, Progress, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../app/auth';
import { AreaText, DatasetName, FieldTags, GrantStatusTag } from './sharing-labels';
import { canRevoke, canUseConsole } from './sharing-policy';

type Props = {
  items: ShareGrant[];
  loading: boolean;
  side: ShareSide;
  /** A grant to point out (opened from its request). */
  highlight?: string | null;
  onRevoke: (g: ShareGrant) => void;
};

/** Grants with their scope, calls today against the quota, and the console and revoke actions. */
export const GrantTable = ({ items, loading, side, highlight, onRevoke }: Props) => {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  return (
    <Table
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      data-testid={`share-grants-${side}`}
      locale={{ emptyText: <Empty description={t('sharing.grants.empty')} /> }}
      onRow={(g) => ({
        'data-testid': `share-grant-${g.id}`,
        style: g.id === highlight ? { background: '#e6f4ff' } : undefined,
      })}
      expandable={{
        expandedRowRender: (g) => (
          <Flex vertical gap={4}>
            <Typography.Text>
              {t('sharing.common.purpose')}: {g.purpose}
            </Typography.Text>
            <Typography.Text>
              {t('sharing.common.area')}: <AreaText field={g.areaField} code={g.areaCode} />
            </Typography.Text>
            {g.revokedAt && (
              <Typography.Text type="danger">
                {t('sharing.grants.revokedBy')}: {g.revokedByName} · {g.revokedAt.slice(0, 10)} ·{' '}
                {g.revokeReason}
              </Typography.Text>
            )}
            <Link to={`/workspace/sharing/requests/${g.requestId}`}>{t('sharing.grants.request')}</Link>
          </Flex>
        ),
      }}
      columns={[
        {
          title: t('sharing.common.dataset'),
          key: 'dataset',
          render: (_: unknown, g: ShareGrant) => <DatasetName name={g.datasetName} code={g.datasetCode} />,
        },
        ...(side !== 'consumer'
          ? [{ title: t('sharing.common.consumer'), key: 'consumer', dataIndex: 'consumerOrgName' }]
          : []),
        ...(side !== 'owner'
          ? [{ title: t('sharing.common.owner'), key: 'owner', dataIndex: 'ownerOrgName' }]
          : []),
        { title: t('sharing.common.app'), key: 'app', render: (_: unknown, g: ShareGrant) => g.app.name },
        {
          title: t('sharing.common.fields'),
          key: 'fields',
          width: 200,
          render: (_: unknown, g: ShareGrant) => <FieldTags fields={g.fields} />,
        },
        {
          title: t('sharing.common.period'),
          key: 'period',
          render: (_: unknown, g: ShareGrant) => `${g.periodStart} ~ ${g.periodEnd}`,
        },
        {
          title: t('sharing.grants.callsToday'),
          key: 'calls',
          width: 160,
          render: (_: unknown, g: ShareGrant) => (
            <Flex vertical>
              <span data-testid="share-grant-calls">
                {g.callsToday.toLocaleString()} / {g.dailyQuota.toLocaleString()}
              </span>
              <Progress
                percent={Math.min(100, Math.round((g.callsToday / g.dailyQuota) * 100))}
                size="small"
                showInfo={false}
                status={g.callsToday >= g.dailyQuota ? 'exception' : 'normal'}
              />
            </Flex>
          ),
        },
        {
          title: t('sharing.common.status'),
          key: 'status',
          render: (_: unknown, g: ShareGrant) => <GrantStatusTag status={g.status} />,
        },
        {
          title: t('common.actions'),
          key: 'actions',
          fixed: 'right' as const,
          render: (_: unknown, g: ShareGrant) => (
            <Space size={0}>
              {side !== 'owner' && canUseConsole(me, g) && (
                <Button
                  type="link"
                  size="small"
                  onClick={() => navigate(`/workspace/sharing/console/${g.id}?side=${side}`)}
                  data-testid="share-grant-console"
                >
                  {t('sharing.grants.console')}
                </Button>
              )}
              {canRevoke(me, g) && (
                <Button
                  type="link"
                  size="small"
                  danger
                  onClick={() => onRevoke(g)}
                  data-testid="share-grant-revoke"
                >
                  {t('sharing.grants.revoke')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
};

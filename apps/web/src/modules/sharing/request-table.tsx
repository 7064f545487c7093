import type { ShareRequest, ShareSide } from '@shuzhi/contracts';
import { Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { DatasetName, Deadline, RequestStatusTag } from './sharing-labels';

type Props = { items: ShareRequest[]; loading: boolean; side: ShareSide };

/** Requests with who asks whom, for what, by when, and where they stand; each opens its page. */
export const RequestTable = ({ items, loading, side }: Props) => {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 960 }}
      data-testid={`share-requests-${side}`}
      locale={{ emptyText: <Empty description={t('sharing.requests.empty')} /> }}
      columns={[
        {
          title: t('sharing.common.dataset'),
          key: 'dataset',
          render: (_: unknown, r: ShareRequest) => (
            <Link to={`/workspace/sharing/requests/${r.id}`} data-testid="share-request-link">
              <DatasetName name={r.datasetName} code={r.datasetCode} />
            </Link>
          ),
        },
        ...(side !== 'consumer'
          ? [{ title: t('sharing.common.consumer'), key: 'consumer', dataIndex: 'consumerOrgName' }]
          : []),
        ...(side !== 'owner'
          ? [{ title: t('sharing.common.owner'), key: 'owner', dataIndex: 'ownerOrgName' }]
          : []),
        {
          title: t('sharing.common.app'),
          key: 'app',
          render: (_: unknown, r: ShareRequest) => r.app.name,
        },
        {
          title: t('sharing.common.approver'),
          key: 'approver',
          render: (_: unknown, r: ShareRequest) => t(`sharing.common.approvers.${r.approver}`),
        },
        {
          title: t('sharing.common.submittedAt'),
          key: 'submittedAt',
          render: (_: unknown, r: ShareRequest) => (
            <span>
              {formatDateTime(r.submittedAt)}
              <br />
              <Typography.Text type="secondary">{r.submittedByName}</Typography.Text>
            </span>
          ),
        },
        {
          title: t('sharing.common.deadline'),
          key: 'deadline',
          render: (_: unknown, r: ShareRequest) => <Deadline request={r} />,
        },
        {
          title: t('sharing.common.status'),
          key: 'status',
          render: (_: unknown, r: ShareRequest) => <RequestStatusTag status={r.status} />,
        },
      ]}
    />
  );
};

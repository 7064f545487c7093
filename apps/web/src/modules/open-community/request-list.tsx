import type { DataRequest } from '@shuzhi/contracts';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { PlainList } from './plain-list';
import { RequestStatusTags } from './request-labels';

/** The public list: each request with its status, handling department and deadline. */
export const RequestList = ({ requests, loading }: { requests: DataRequest[]; loading: boolean }) => {
  const { t } = useTranslation();
  return (
    <PlainList<DataRequest>
      data-testid="request-list"
      itemTestId="request-item"
      loading={loading}
      items={requests}
      keyOf={(r) => r.id}
      empty={t('openCommunity.requests.empty')}
      render={(r) => (
        <Flex vertical gap={4} style={{ width: '100%' }}>
          <Flex justify="space-between" gap={12} wrap>
            <Link to={`/open/requests/${r.id}`} style={{ fontSize: 16, fontWeight: 500 }}>
              {r.title}
            </Link>
            <RequestStatusTags request={r} />
          </Flex>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
            {r.description}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('openCommunity.requests.assignedOrg')}：
            {r.assignedOrg?.name ?? t('openCommunity.requests.unassigned')} ·{' '}
            {t('openCommunity.requests.deadline')}：{r.deadline} · {t('openCommunity.requests.createdAt')}：
            {formatDateTime(r.createdAt)}
          </Typography.Text>
        </Flex>
      )}
    />
  );
};

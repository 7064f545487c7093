import { ShareRequestStatus, type ShareSide } from '@shuzhi/contracts';
import { Alert, Card, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequestTable } from '../../modules/sharing/request-table';
import { type RequestFilter, useShareRequests } from '../../modules/sharing/sharing-api';
import { useSharingSide } from '../../modules/sharing/use-side';
import { DeadlineFilters } from '../../ui/deadline-filters';
import { PageTitle } from '../../ui/page-title';

const Side = ({ side }: { side: ShareSide }) => {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<RequestFilter>({});
  const list = useShareRequests(side, filter);
  return (
    <Flex vertical gap={12}>
      <DeadlineFilters
        filter={filter}
        onChange={(next) => setFilter((f) => ({ ...f, ...next }))}
        statuses={ShareRequestStatus.options}
        statusLabel={(s) => t(`sharing.common.statuses.${s}`)}
        labels={{
          status: t('sharing.common.status'),
          allStatuses: t('sharing.requests.allStatuses'),
          onlyOverdue: t('sharing.requests.onlyOverdue'),
        }}
        onRefresh={() => void list.refetch()}
        refreshing={list.isRefetching}
        overdueTestId={`share-requests-${side}-overdue`}
      />
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <RequestTable items={list.data?.items ?? []} loading={list.isPending} side={side} />
    </Flex>
  );
};

/** 共享申请: my department's requests, requests for its data to decide, and (for the admin) all. */
export const ShareRequestsPage = () => {
  const { t } = useTranslation();
  const { sides, active, setParams } = useSharingSide();
  return (
    <>
      <PageTitle
        title={t('sharing.requests.title')}
        extra={<Link to="/workspace/catalog">{t('sharing.requests.new')}</Link>}
      />
      <Typography.Paragraph type="secondary">{t('sharing.requests.intro')}</Typography.Paragraph>
      <Card>
        <Tabs
          activeKey={active}
          onChange={(side) => setParams({ side }, { replace: true })}
          data-testid="share-requests-tabs"
          items={sides.map((side) => ({
            key: side,
            label: t(`sharing.common.sides.${side}`),
            children: <Side side={side} />,
          }))}
        />
      </Card>
    </>
  );
};

import { type DataRequest, DataRequestStatus } from '@shuzhi/contracts';
import { Alert, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnswerModal } from '../../modules/open-community/answer-modal';
import { type RequestFilter, useInbox } from '../../modules/open-community/community-api';
import { InboxTable } from '../../modules/open-community/inbox-table';
import { AssignModal, RejectModal } from '../../modules/open-community/request-modals';
import { DeadlineFilters } from '../../ui/deadline-filters';
import { LoadMore } from '../../ui/load-more';
import { PageTitle } from '../../ui/page-title';

/** 数据需求办理: the requests a department must route or answer (every one for the platform admin). */
export const OpenRequestsInboxPage = () => {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Pick<RequestFilter, 'status' | 'overdue'>>({});
  const [assigning, setAssigning] = useState<DataRequest | null>(null);
  const [answering, setAnswering] = useState<DataRequest | null>(null);
  const [rejecting, setRejecting] = useState<DataRequest | null>(null);
  const list = useInbox(filter);
  return (
    <>
      <PageTitle title={t('openCommunity.inbox.title')} />
      <Typography.Paragraph type="secondary">{t('openCommunity.inbox.intro')}</Typography.Paragraph>
      <Card>
        <Flex vertical gap={12}>
          <DeadlineFilters
            filter={filter}
            onChange={(next) => setFilter((f) => ({ ...f, ...next }))}
            statuses={DataRequestStatus.options}
            statusLabel={(s) => t(`openCommunity.requests.statuses.${s}`)}
            labels={{
              status: t('openCommunity.requests.status'),
              allStatuses: t('openCommunity.requests.allStatuses'),
              onlyOverdue: t('openCommunity.requests.onlyOverdue'),
            }}
            onRefresh={() => void list.refetch()}
            refreshing={list.isRefetching}
          />
          {list.error && <Alert type="error" showIcon title={list.error.message} />}
          <InboxTable
            requests={list.items}
            loading={list.isPending}
            onAssign={setAssigning}
            onAnswer={setAnswering}
            onReject={setRejecting}
          />
          <LoadMore
            hasMore={!!list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoad={list.loadMore}
            shown={list.items.length}
          />
        </Flex>
      </Card>
      <AssignModal request={assigning} onClose={() => setAssigning(null)} />
      <AnswerModal request={answering} onClose={() => setAnswering(null)} />
      <RejectModal request={rejecting} onClose={() => setRejecting(null)} />
    </>
  );
};

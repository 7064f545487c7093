import { ReloadOutlined } from '@ant-design/icons';
import { type DataRequest, DataRequestStatus } from '@shuzhi/contracts';
import { Alert, Button, Card, Checkbox, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnswerModal } from '../../modules/open-community/answer-modal';
import { type RequestFilter, useInbox } from '../../modules/open-community/community-api';
import { InboxTable } from '../../modules/open-community/inbox-table';
import { AssignModal, RejectModal } from '../../modules/open-community/request-modals';
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
          <Flex gap={12} wrap align="center">
            <Select
              aria-label={t('openCommunity.requests.status')}
              style={{ minWidth: 140 }}
              allowClear
              virtual={false}
              placeholder={t('openCommunity.requests.allStatuses')}
              value={filter.status}
              onChange={(status) => setFilter((f) => ({ ...f, status }))}
              options={DataRequestStatus.options.map((s) => ({
                value: s,
                label: t(`openCommunity.requests.statuses.${s}`),
              }))}
            />
            <Checkbox
              checked={filter.overdue === true}
              onChange={(e) => setFilter((f) => ({ ...f, overdue: e.target.checked ? true : undefined }))}
            >
              {t('openCommunity.requests.onlyOverdue')}
            </Checkbox>
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => void list.refetch()}
              loading={list.isRefetching}
            >
              {t('common.refresh')}
            </Button>
          </Flex>
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

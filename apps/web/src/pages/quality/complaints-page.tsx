import { type Complaint, ComplaintStatus } from '@shuzhi/contracts';
import { Alert, Card, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth';
import { AnswerComplaintModal, CloseComplaintModal } from '../../modules/quality/complaint-modals';
import { ComplaintTable } from '../../modules/quality/complaint-table';
import { type ComplaintBox, type ComplaintFilter, useComplaints } from '../../modules/quality/quality-api';
import { hasComplaintInbox } from '../../modules/quality/quality-policy';
import { DeadlineFilters } from '../../ui/deadline-filters';
import { LoadMore } from '../../ui/load-more';
import { PageTitle } from '../../ui/page-title';

const Box = ({
  box,
  onAnswer,
  onClose,
}: {
  box: ComplaintBox;
  onAnswer: (c: Complaint) => void;
  onClose: (c: Complaint) => void;
}) => {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<ComplaintFilter>({});
  const list = useComplaints(box, filter);
  return (
    <Flex vertical gap={12}>
      <DeadlineFilters
        filter={filter}
        onChange={(next) => setFilter((f) => ({ ...f, ...next }))}
        statuses={ComplaintStatus.options}
        statusLabel={(s) => t(`quality.complaints.statuses.${s}`)}
        labels={{
          status: t('quality.complaints.status'),
          allStatuses: t('quality.complaints.allStatuses'),
          onlyOverdue: t('quality.complaints.onlyOverdue'),
        }}
        onRefresh={() => void list.refetch()}
        refreshing={list.isRefetching}
        overdueTestId={`complaints-${box}-overdue`}
      />
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <ComplaintTable
        complaints={list.items}
        loading={list.isPending}
        box={box}
        onAnswer={onAnswer}
        onClose={onClose}
      />
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={list.loadMore}
        shown={list.items.length}
      />
    </Flex>
  );
};

/** 质量申诉: the owner's inbox (data officers, the admin) and the complaints the user raised. */
export const ComplaintsPage = () => {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [answering, setAnswering] = useState<Complaint | null>(null);
  const [closing, setClosing] = useState<Complaint | null>(null);
  const inbox = hasComplaintInbox(me);
  const items = [
    ...(inbox
      ? [
          {
            key: 'inbox',
            label: t('quality.complaints.inbox'),
            children: <Box box="inbox" onAnswer={setAnswering} onClose={setClosing} />,
          },
        ]
      : []),
    {
      key: 'mine',
      label: t('quality.complaints.mine'),
      children: <Box box="mine" onAnswer={setAnswering} onClose={setClosing} />,
    },
  ];
  return (
    <>
      <PageTitle title={t('quality.complaints.title')} />
      <Typography.Paragraph type="secondary">{t('quality.complaints.intro')}</Typography.Paragraph>
      <Card>
        <Tabs items={items} data-testid="complaints-tabs" />
      </Card>
      <AnswerComplaintModal complaint={answering} onClose={() => setAnswering(null)} />
      <CloseComplaintModal complaint={closing} onClose={() => setClosing(null)} />
    </>
  );
};

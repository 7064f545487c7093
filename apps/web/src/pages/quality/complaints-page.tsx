import { ReloadOutlined } from '@ant-design/icons';
import { type Complaint, ComplaintStatus } from '@shuzhi/contracts';
import { Alert, Button, Card, Checkbox, Flex, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth';
import { AnswerComplaintModal, CloseComplaintModal } from '../../modules/quality/complaint-modals';
import { ComplaintTable } from '../../modules/quality/complaint-table';
import { type ComplaintBox, type ComplaintFilter, useComplaints } from '../../modules/quality/quality-api';
import { hasComplaintInbox } from '../../modules/quality/quality-policy';
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
      <Flex gap={12} wrap align="center">
        <Select
          aria-label={t('quality.complaints.status')}
          style={{ minWidth: 140 }}
          allowClear
          virtual={false}
          placeholder={t('quality.complaints.allStatuses')}
          value={filter.status}
          onChange={(status) => setFilter((f) => ({ ...f, status }))}
          options={ComplaintStatus.options.map((s) => ({
            value: s,
            label: t(`quality.complaints.statuses.${s}`),
          }))}
        />
        <Checkbox
          checked={filter.overdue === true}
          onChange={(e) => setFilter((f) => ({ ...f, overdue: e.target.checked ? true : undefined }))}
          data-testid={`complaints-${box}-overdue`}
        >
          {t('quality.complaints.onlyOverdue')}
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

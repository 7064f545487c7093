import { type Application, ApplicationStatus } from '@shuzhi/contracts';
import { Alert, Button, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InboxFilter, useInbox } from '../../modules/open-access/access-api';
import { ApplicationTable } from '../../modules/open-access/application-table';
import { ApproveModal, RejectModal } from '../../modules/open-access/decide-modals';
import { DeadlineFilters } from '../../ui/deadline-filters';
import { PageTitle } from '../../ui/page-title';

/** The owner's inbox of applications for its conditionally open data (data officers, the admin). */
export const OpenApplicationsInboxPage = () => {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<InboxFilter>({ status: 'pending' });
  const list = useInbox(filter);
  const [approving, setApproving] = useState<Application | null>(null);
  const [rejecting, setRejecting] = useState<Application | null>(null);
  return (
    <>
      <PageTitle title={t('openAccess.inbox.title')} />
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('openAccess.inbox.intro')}
        </Typography.Paragraph>
        <DeadlineFilters
          filter={filter}
          onChange={(next) => setFilter((f) => ({ ...f, ...next }))}
          statuses={ApplicationStatus.options}
          statusLabel={(s) => t(`openAccess.applications.statuses.${s}`)}
          labels={{
            status: t('openAccess.applications.status'),
            allStatuses: t('openAccess.inbox.allStatuses'),
            onlyOverdue: t('openAccess.inbox.onlyOverdue'),
          }}
          onRefresh={() => void list.refetch()}
          refreshing={list.isRefetching}
        />
        {list.error && <Alert type="error" showIcon title={list.error.message} />}
        <ApplicationTable
          items={list.data?.items ?? []}
          loading={list.isPending}
          view="inbox"
          testId="open-applications-inbox"
          empty={t('openAccess.inbox.empty')}
          actions={(a) =>
            a.status === 'pending' ? (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setApproving(a)} data-testid="inbox-approve">
                  {t('openAccess.inbox.approve')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  danger
                  onClick={() => setRejecting(a)}
                  data-testid="inbox-reject"
                >
                  {t('openAccess.inbox.reject')}
                </Button>
              </Space>
            ) : null
          }
        />
      </Flex>
      <ApproveModal application={approving} onClose={() => setApproving(null)} />
      <RejectModal application={rejecting} onClose={() => setRejecting(null)} />
    </>
  );
};

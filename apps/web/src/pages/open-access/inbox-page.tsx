import { ReloadOutlined } from '@ant-design/icons';
import { type Application, ApplicationStatus } from '@shuzhi/contracts';
import { Alert, Button, Checkbox, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InboxFilter, useInbox } from '../../modules/open-access/access-api';
import { ApplicationTable } from '../../modules/open-access/application-table';
import { ApproveModal, RejectModal } from '../../modules/open-access/decide-modals';
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
        <Flex gap={12} wrap align="center">
          <Select
            aria-label={t('openAccess.applications.status')}
            style={{ minWidth: 140 }}
            allowClear
            virtual={false}
            placeholder={t('openAccess.inbox.allStatuses')}
            value={filter.status}
            onChange={(status) => setFilter((f) => ({ ...f, status }))}
            options={ApplicationStatus.options.map((s) => ({
              value: s,
              label: t(`openAccess.applications.statuses.${s}`),
            }))}
          />
          <Checkbox
            checked={filter.overdue === true}
            onChange={(e) => setFilter((f) => ({ ...f, overdue: e.target.checked ? true : undefined }))}
          >
            {t('openAccess.inbox.onlyOverdue')}
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

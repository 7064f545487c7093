import { ReloadOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { hasAnyRole, useMe } from '../../app/auth';
import { isActiveJob, useCancelJob, useImportAreas, useJobList } from '../../modules/jobs/job-api';
import { JobTable } from '../../modules/jobs/job-table';
import { LoadMore } from '../../ui/load-more';
import { PageTitle } from '../../ui/page-title';

export const JobsPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data: me } = useMe();
  const list = useJobList();
  const cancel = useCancelJob();
  const importAreas = useImportAreas();
  const polling = list.items.some(isActiveJob);
  return (
    <>
      <PageTitle
        title={t('jobs.title')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => void list.refetch()}
              loading={list.isRefetching}
            >
              {t('common.refresh')}
            </Button>
            {hasAnyRole(me, ['platform_admin']) && (
              <Popconfirm
                title={t('jobs.reimportConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  importAreas.mutate(undefined, {
                    onSuccess: () => void message.success(t('jobs.queuedMsg')),
                    onError: (err) => showError(err),
                  })
                }
              >
                <Button
                  type="primary"
                  icon={<SyncOutlined aria-hidden />}
                  loading={importAreas.isPending}
                  data-testid="areas-import"
                >
                  {t('jobs.reimport')}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      <Card>
        {polling && <Alert type="info" showIcon title={t('jobs.autoRefresh')} style={{ marginBottom: 12 }} />}
        {list.error && (
          <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />
        )}
        <JobTable
          jobs={list.items}
          loading={list.isPending}
          onCancel={(job) =>
            cancel.mutate(job.id, {
              onSuccess: () => void message.success(t('jobs.cancelRequested')),
              onError: (err) => showError(err),
            })
          }
        />
        <LoadMore
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoad={list.loadMore}
          shown={list.items.length}
        />
      </Card>
    </>
  );
};

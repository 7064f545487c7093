import type { Job, JobStatus } from '@shuzhi/contracts';
import { Button, Popconfirm, Progress, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { isActiveJob } from './job-api';

const statusColors: Record<JobStatus, string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'warning',
};

const progressStatus = (job: Job) =>
  job.status === 'failed'
    ? 'exception'
    : job.status === 'succeeded'
      ? 'success'
      : isActiveJob(job)
        ? 'active'
        : 'normal';

const JobProgress = ({ job }: { job: Job }) => {
  const { done, total, message } = job.progress;
  const percent = total
    ? Math.min(100, Math.round((done / total) * 100))
    : job.status === 'succeeded'
      ? 100
      : 0;
  return (
    <div style={{ minWidth: 160 }}>
      <Progress
        percent={percent}
        size="small"
        status={progressStatus(job)}
        aria-label={`${done}${total ? ` / ${total}` : ''}`}
        format={() => (total ? `${done}/${total}` : String(done))}
      />
      {message && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {message}
        </Typography.Text>
      )}
    </div>
  );
};

type Props = { jobs: Job[]; loading: boolean; onCancel: (job: Job) => void };

export const JobTable = ({ jobs, loading, onCancel }: Props) => {
  const { t } = useTranslation();
  const kindLabel = (kind: string) =>
    t(`jobs.kinds.${kind.replace(/[.:/]/g, '_')}` as ParseKeys, { defaultValue: kind }) as string;
  const columns: ColumnsType<Job> = [
    { key: 'kind', title: t('jobs.kind'), render: (_, job) => kindLabel(job.kind) },
    {
      key: 'status',
      title: t('jobs.status'),
      render: (_, job) => (
        <>
          <Tag color={statusColors[job.status]}>{t(`jobs.statuses.${job.status}`)}</Tag>
          {job.cancelRequested && isActiveJob(job) && <Tag color="warning">{t('jobs.cancelRequested')}</Tag>}
        </>
      ),
    },
    { key: 'progress', title: t('jobs.progress'), render: (_, job) => <JobProgress job={job} /> },
    { key: 'attempts', title: t('jobs.attempts'), render: (_, job) => `${job.attempts}/${job.maxAttempts}` },
    { key: 'createdAt', title: t('jobs.createdAt'), render: (_, job) => formatDateTime(job.createdAt) },
    { key: 'finishedAt', title: t('jobs.finishedAt'), render: (_, job) => formatDateTime(job.finishedAt) },
    {
      key: 'error',
      title: t('jobs.error'),
      render: (_, job) =>
        job.error && (
          <Typography.Text type="danger" ellipsis={{ tooltip: job.error }} style={{ maxWidth: 240 }}>
            {job.error}
          </Typography.Text>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, job) =>
        isActiveJob(job) &&
        !job.cancelRequested && (
          <Popconfirm
            title={t('jobs.cancelConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => onCancel(job)}
          >
            <Button size="small" danger>
              {t('jobs.cancel')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <Table<Job>
      data-testid="jobs-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={jobs}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
};

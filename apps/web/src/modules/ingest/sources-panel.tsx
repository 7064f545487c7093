import { DeleteOutlined, EditOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons';
import type { DataImport, Dataset, PullSource } from '@shuzhi/contracts';
import { App, Button, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { formatDateTime } from '../../ui/format';
import { ImportDrawer } from './import-drawer';
import { formatCount, ImportStatusTag } from './ingest-labels';
import { SourceForm } from './source-form';
import { ScheduleCell } from './source-schedule';
import { isRunActive, useDeleteSource, useRunSource, useSourceRuns, useSources } from './sources-api';

const runColors = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'warning',
};

const Where = ({ source }: { source: PullSource }) => {
  const c = source.config;
  const text = c.kind === 'postgres' ? `${c.connectionString} · ${c.table ?? c.query ?? ''}` : c.url;
  return (
    <Typography.Text code ellipsis={{ tooltip: text }} style={{ maxWidth: 280 }}>
      {text}
    </Typography.Text>
  );
};

const LastRun = ({ source }: { source: PullSource }) => {
  const { t } = useTranslation();
  const run = source.lastRun;
  if (!run) return <Typography.Text type="secondary">{t('ingest.sources.never')}</Typography.Text>;
  return (
    <Flex vertical gap={2} data-testid={`source-last-run-${source.id}`} data-status={run.status}>
      <Space size={4}>
        <Tag color={runColors[run.status]}>{t(`ingest.statuses.${run.status}`)}</Tag>
        <Typography.Text type="secondary">{formatDateTime(run.startedAt)}</Typography.Text>
      </Space>
      {run.records !== null && (
        <Typography.Text type="secondary">
          {t('ingest.sources.records', { count: formatCount(run.records) })}
        </Typography.Text>
      )}
      {run.error && (
        <Typography.Text type="danger" style={{ maxWidth: 320 }}>
          {run.error}
        </Typography.Text>
      )}
    </Flex>
  );
};

/** The imports one source's runs made; a row opens its report. */
const Runs = ({ datasetId, sourceId }: { datasetId: string; sourceId: string }) => {
  const { t } = useTranslation();
  const runs = useSourceRuns(datasetId, sourceId);
  const [open, setOpen] = useState<DataImport | null>(null);
  const columns: ColumnsType<DataImport> = [
    { key: 'at', title: t('ingest.createdAt'), render: (_, imp) => formatDateTime(imp.createdAt) },
    { key: 'status', title: t('ingest.status'), render: (_, imp) => <ImportStatusTag status={imp.status} /> },
    {
      key: 'counts',
      title: t('ingest.counts'),
      render: (_, imp) =>
        `${formatCount(imp.rowsRead)} / ${formatCount(imp.rowsLoaded)} / ${formatCount(imp.rowsRejected)}`,
    },
    { key: 'by', title: t('ingest.createdBy'), dataIndex: 'createdBy' },
  ];
  return (
    <>
      <Table<DataImport>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={runs.items}
        loading={runs.isPending}
        pagination={false}
        locale={{ emptyText: t('ingest.sources.noRuns') }}
        onRow={(imp) => ({ onClick: () => setOpen(imp), style: { cursor: 'pointer' } })}
      />
      <ImportDrawer imp={open} onClose={() => setOpen(null)} />
    </>
  );
};

/** Pull sources of a dataset: add, edit, pull now, and see the last run and the watermark. */
export const SourcesPanel = ({ dataset }: { dataset: Dataset }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data, isPending, error } = useSources(dataset.id);
  const run = useRunSource(dataset.id);
  const remove = useDeleteSource(dataset.id);
  const [editing, setEditing] = useState<PullSource | null | 'new'>(null);
  const columns: ColumnsType<PullSource> = [
    {
      key: 'name',
      title: t('ingest.sources.name'),
      render: (_, s) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{s.name}</Typography.Text>
          <Tag>{t(`ingest.sources.kinds.${s.config.kind}`)}</Tag>
        </Space>
      ),
    },
    { key: 'where', title: t('ingest.sources.where'), render: (_, s) => <Where source={s} /> },
    { key: 'mode', title: t('ingest.mode'), render: (_, s) => t(`ingest.modes.${s.mode}`) },
    {
      key: 'watermark',
      title: t('ingest.sources.watermark'),
      render: (_, s) =>
        s.watermarkColumn ? (
          <Flex vertical data-testid={`source-watermark-${s.id}`}>
            <Typography.Text code>{s.watermarkColumn}</Typography.Text>
            <Typography.Text type="secondary">{s.watermark ?? t('ingest.sources.fromStart')}</Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('ingest.sources.full')}</Typography.Text>
        ),
    },
    { key: 'last', title: t('ingest.sources.lastRun'), render: (_, s) => <LastRun source={s} /> },
    {
      key: 'schedule',
      title: t('ingest.sources.schedule.column'),
      render: (_, s) => <ScheduleCell source={s} />,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, s) => (
        <Space>
          <Button
            size="small"
            type="primary"
            icon={<SyncOutlined aria-hidden spin={isRunActive(s)} />}
            disabled={isRunActive(s)}
            loading={run.isPending && run.variables === s.id}
            data-testid={`source-run-${s.id}`}
            onClick={() =>
              run.mutate(s.id, {
                onSuccess: () => void message.success(t('ingest.sources.runQueued')),
                onError: (err) => showError(err),
              })
            }
          >
            {t('ingest.sources.run')}
          </Button>
          <Button
            size="small"
            icon={<EditOutlined aria-hidden />}
            aria-label={t('ingest.sources.edit')}
            onClick={() => setEditing(s)}
          />
          <Popconfirm
            title={t('ingest.sources.deleteConfirm', { name: s.name })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => remove.mutate(s.id, { onError: (err) => showError(err) })}
          >
            <Button
              size="small"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('ingest.sources.delete')}
            />
          </Popconfirm>
        </Space>
      ),
    },
  ];
  if (error) return <Typography.Text type="danger">{error.message}</Typography.Text>;
  return (
    <Flex vertical gap={12} data-testid="sources-panel">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('ingest.sources.hint')}</Typography.Text>
        <Button
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setEditing('new')}
          data-testid="source-add"
        >
          {t('ingest.sources.add')}
        </Button>
      </Flex>
      <Table<PullSource>
        data-testid="sources-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (s) => <Runs datasetId={dataset.id} sourceId={s.id} /> }}
        locale={{ emptyText: t('ingest.sources.empty') }}
      />
      <SourceForm
        datasetId={dataset.id}
        source={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Flex>
  );
};

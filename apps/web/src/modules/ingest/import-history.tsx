import type { DataImport, Dataset } from '@shuzhi/contracts';
import { Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth';
import { formatDateTime } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { ImportDrawer } from './import-drawer';
import { useImportHistory } from './ingest-api';
import { formatCount, ImportStatusTag, ModeLabel } from './ingest-labels';
import { hasImportHistory } from './ingest-policy';

const Counts = ({ imp }: { imp: DataImport }) => (
  <span style={{ whiteSpace: 'nowrap' }}>
    {formatCount(imp.rowsRead)} /{' '}
    <Typography.Text type="success">{formatCount(imp.rowsLoaded)}</Typography.Text> /{' '}
    <Typography.Text type={imp.rowsRejected > 0 ? 'danger' : undefined}>
      {formatCount(imp.rowsRejected)}
    </Typography.Text>
  </span>
);

/** Every import into the dataset, newest first; a row opens its report. */
export const ImportHistory = ({ datasetId }: { datasetId: string }) => {
  const { t } = useTranslation();
  const list = useImportHistory(datasetId);
  const [open, setOpen] = useState<DataImport | null>(null);
  const columns: ColumnsType<DataImport> = [
    {
      key: 'file',
      title: t('ingest.fileName'),
      render: (_, imp) => (
        <Typography.Link
          aria-label={t('ingest.openReport', { name: imp.fileName })}
          onClick={(e) => {
            e.stopPropagation();
            setOpen(imp);
          }}
        >
          {imp.fileName}
        </Typography.Link>
      ),
    },
    { key: 'mode', title: t('ingest.mode'), render: (_, imp) => <ModeLabel mode={imp.mode} /> },
    {
      key: 'status',
      title: t('catalog.status'),
      render: (_, imp) => <ImportStatusTag status={imp.status} />,
    },
    { key: 'counts', title: t('ingest.counts'), render: (_, imp) => <Counts imp={imp} /> },
    { key: 'by', title: t('ingest.createdBy'), dataIndex: 'createdBy' },
    { key: 'at', title: t('ingest.createdAt'), render: (_, imp) => formatDateTime(imp.createdAt) },
  ];
  if (list.error) return <Typography.Text type="danger">{list.error.message}</Typography.Text>;
  return (
    <>
      <Table<DataImport>
        data-testid="import-history"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('ingest.historyEmpty') }}
        onRow={(imp) => ({
          onClick: () => setOpen(imp),
          style: { cursor: 'pointer' },
          'data-testid': `import-row-${imp.id}`,
        })}
      />
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={list.loadMore}
        shown={list.items.length}
      />
      <ImportDrawer imp={open} onClose={() => setOpen(null)} />
    </>
  );
};

/** "Import history" card of a dataset that has been published. */
export const ImportHistoryCard = ({ dataset }: { dataset: Dataset }) => {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!hasImportHistory(me, dataset)) return null;
  return (
    <Card title={t('ingest.history')}>
      <ImportHistory datasetId={dataset.id} />
    </Card>
  );
};

import { Alert, Empty, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount } from './numbers';
import { usePreview } from './portal-api';

const cell = (v: unknown) =>
  v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** The first rows of the dataset, read through CKAN's datastore_search as any client would. */
export const PreviewTable = ({ resourceId }: { resourceId: string }) => {
  const { t } = useTranslation();
  const { data, error, isPending } = usePreview(resourceId);
  if (isPending) return <Skeleton active />;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (data.records.length === 0) return <Empty description={t('openPortal.dataset.preview.empty')} />;
  const rows = data.records.map((r, i) => ({ ...r, __row: i }));
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('openPortal.dataset.preview.heading', {
          shown: formatCount(data.records.length),
          total: formatCount(data.total ?? data.records.length),
        })}
        {' · '}
        {t('openPortal.dataset.preview.via')}
      </Typography.Paragraph>
      <Table
        data-testid="portal-preview"
        size="small"
        bordered
        rowKey="__row"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={data.fields.map((f) => ({
          key: f.id,
          dataIndex: f.id,
          title: (
            <span title={f.id}>
              {f.info?.label ?? f.id}
              {f.info?.unit ? ` (${f.info.unit})` : ''}
            </span>
          ),
          align: f.type === 'int' || f.type === 'numeric' ? ('right' as const) : undefined,
          render: (v: unknown) => cell(v),
        }))}
      />
    </>
  );
};

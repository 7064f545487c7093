import { CheckOutlined } from '@ant-design/icons';
import type { DatasetField } from '@shuzhi/contracts';
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useCatalogLabels } from './catalog-labels';

const sensitivityColors = { none: 'default', low: 'blue', medium: 'orange', high: 'red' } as const;

/** The dataset's fields, read-only. */
export const FieldTable = ({ fields }: { fields: DatasetField[] }) => {
  const { t } = useTranslation();
  const labels = useCatalogLabels();
  const columns: ColumnsType<DatasetField> = [
    { key: 'n', title: '#', width: 48, render: (_, __, index) => index + 1 },
    {
      key: 'name',
      title: t('catalog.field.name'),
      render: (_, f) => <Typography.Text code>{f.name}</Typography.Text>,
    },
    {
      key: 'title',
      title: t('catalog.field.title'),
      render: (_, f) => (
        <>
          <div>{f.title}</div>
          {f.description && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {f.description}
            </Typography.Text>
          )}
        </>
      ),
    },
    { key: 'type', title: t('catalog.field.type'), render: (_, f) => labels.fieldType(f.type) },
    { key: 'unit', title: t('catalog.field.unit'), render: (_, f) => f.unit || '—' },
    {
      key: 'sensitivity',
      title: t('catalog.field.sensitivity'),
      render: (_, f) => (
        <Tag color={sensitivityColors[f.sensitivity]}>{labels.sensitivity(f.sensitivity)}</Tag>
      ),
    },
    {
      key: 'personalType',
      title: t('catalog.field.personalType'),
      render: (_, f) =>
        f.personalType ? (
          <Tag color="purple" data-testid={`field-personal-type-${f.name}`}>
            {labels.personalType(f.personalType)}
          </Tag>
        ) : (
          '—'
        ),
    },
    {
      key: 'key',
      title: t('catalog.field.key'),
      align: 'center',
      render: (_, f) =>
        f.key ? <CheckOutlined aria-label={t('catalog.field.key')} style={{ color: '#1d5fbf' }} /> : null,
    },
    {
      key: 'indexed',
      title: t('catalog.field.indexed'),
      align: 'center',
      render: (_, f) =>
        f.indexed ? (
          <CheckOutlined aria-label={t('catalog.field.indexed')} style={{ color: '#1d5fbf' }} />
        ) : null,
    },
    {
      key: 'element',
      title: t('catalog.field.element'),
      render: (_, f) => (f.element ? <Tag>{f.element}</Tag> : '—'),
    },
  ];
  return (
    <Table<DatasetField>
      data-testid="dataset-fields"
      rowKey="name"
      size="small"
      columns={columns}
      dataSource={fields}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
};

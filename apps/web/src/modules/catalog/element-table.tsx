import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ElementRow } from './catalog-api';

type Props = { elements: ElementRow[]; loading: boolean };

export const ElementTable = ({ elements, loading }: Props) => {
  const { t } = useTranslation();
  const columns: ColumnsType<ElementRow> = [
    {
      key: 'code',
      title: t('catalog.elements.code'),
      render: (_, e) => <Typography.Text code>{e.code}</Typography.Text>,
    },
    { key: 'name', title: t('catalog.elements.name'), dataIndex: 'name' },
    {
      key: 'dataset',
      title: t('catalog.elements.dataset'),
      render: (_, e) => (
        <Link to={`/workspace/catalog/${e.authoritativeDatasetId}`}>{e.authoritativeDatasetName}</Link>
      ),
    },
    {
      key: 'field',
      title: t('catalog.elements.field'),
      render: (_, e) => <Typography.Text code>{e.fieldName}</Typography.Text>,
    },
    { key: 'description', title: t('catalog.elements.description'), dataIndex: 'description' },
  ];
  return (
    <Table<ElementRow>
      data-testid="elements-table"
      rowKey="code"
      size="middle"
      columns={columns}
      dataSource={elements}
      loading={loading}
      pagination={elements.length > 50 ? { pageSize: 50 } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('catalog.elements.empty') }}
    />
  );
};

import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ElementRow } from './catalog-api';

type Props = {
  elements: ElementRow[];
  loading: boolean;
  /** Renders an element's bindings under its row. */
  expanded?: (e: ElementRow) => ReactNode;
};

export const ElementTable = ({ elements, loading, expanded }: Props) => {
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
    {
      key: 'key',
      title: t('catalog.elements.keyField'),
      render: (_, e) =>
        e.keyField ? (
          <Typography.Text code>{e.keyField}</Typography.Text>
        ) : (
          <Typography.Text type="warning">—</Typography.Text>
        ),
    },
    {
      key: 'bindings',
      title: t('catalog.elements.bindings'),
      render: (_, e) => t('catalog.elements.bindingsCount', { count: e.bindings.length }),
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
      expandable={expanded ? { expandedRowRender: expanded } : undefined}
    />
  );
};

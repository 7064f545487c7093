import type { Dataset } from '@shuzhi/contracts';
import { Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import type { View } from './catalog-api';
import { AccessTag, LevelTag, StatusTag, useCatalogLabels } from './catalog-labels';
import { FieldTable } from './field-table';

type Props = {
  items: Dataset[];
  loading: boolean;
  view: View;
  /** Workspace: names link to the detail page and the status shows. Public: rows expand to their fields. */
  workspace: boolean;
};

export const DatasetTable = ({ items, loading, view, workspace }: Props) => {
  const { t, i18n } = useTranslation();
  const labels = useCatalogLabels();
  const en = i18n.language === 'en';
  const columns: ColumnsType<Dataset> = [
    {
      key: 'name',
      title: t('catalog.name'),
      render: (_, d) => {
        const name = en && d.nameEn ? d.nameEn : d.name;
        return (
          <Flex vertical style={{ minWidth: 180 }}>
            {workspace ? (
              <Link to={`/workspace/catalog/${d.id}`} data-testid={`dataset-link-${d.code}`}>
                {name}
              </Link>
            ) : (
              <Typography.Text strong>{name}</Typography.Text>
            )}
            {d.description && (
              <Typography.Text
                type="secondary"
                ellipsis={{ tooltip: d.description }}
                style={{ maxWidth: 360 }}
              >
                {d.description}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      key: 'code',
      title: t('catalog.code'),
      render: (_, d) => <Typography.Text code>{d.code}</Typography.Text>,
    },
    { key: 'owner', title: t('catalog.owner'), dataIndex: 'ownerOrgName' },
    { key: 'theme', title: t('catalog.theme'), render: (_, d) => labels.theme(d.theme) },
    { key: 'level', title: t('catalog.level'), render: (_, d) => <LevelTag level={d.level} /> },
  ];
  if (view !== 'open') {
    columns.push({
      key: 'shareType',
      title: t('catalog.shareType'),
      render: (_, d) => <AccessTag kind="share" value={d.shareType} />,
    });
  }
  if (view !== 'share') {
    columns.push({
      key: 'openType',
      title: t('catalog.openType'),
      render: (_, d) => <AccessTag kind="open" value={d.openType} />,
    });
  }
  if (workspace) {
    columns.push({
      key: 'status',
      title: t('catalog.status'),
      render: (_, d) => <StatusTag status={d.status} />,
    });
  }
  columns.push({
    key: 'updatedAt',
    title: t('catalog.updatedAt'),
    render: (_, d) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.updatedAt)}</span>,
  });
  return (
    <Table<Dataset>
      data-testid="catalog-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(d) => ({ 'data-testid': `dataset-row-${d.code}` }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('catalog.empty') }}
      expandable={
        workspace
          ? undefined
          : {
              expandedRowRender: (d) => (
                <Flex vertical gap={8}>
                  {d.description && <Typography.Paragraph>{d.description}</Typography.Paragraph>}
                  <FieldTable fields={d.fields} />
                </Flex>
              ),
            }
      }
    />
  );
};

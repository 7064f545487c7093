import { EditOutlined } from '@ant-design/icons';
import type { Org } from '@shuzhi/contracts';
import { Button, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { OrgTypeTag } from '../auth/roles';

type Props = { orgs: Org[]; loading: boolean; onEdit?: (org: Org) => void };

export const OrgTable = ({ orgs, loading, onEdit }: Props) => {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const columns: ColumnsType<Org> = [
    {
      key: 'code',
      title: t('orgs.code'),
      dataIndex: 'code',
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      key: 'name',
      title: t('orgs.name'),
      render: (_, org) => (
        <>
          <div>{org.name}</div>
          {org.nameEn && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} lang="en">
              {org.nameEn}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      key: 'type',
      title: t('orgs.type'),
      dataIndex: 'type',
      render: (type: Org['type']) => <OrgTypeTag type={type} />,
    },
    {
      key: 'area',
      title: t('orgs.area'),
      render: (_, org) => (
        <span>
          {org.areaName} <Typography.Text type="secondary">({org.areaCode})</Typography.Text>
        </span>
      ),
    },
  ];
  if (onEdit) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, org) => (
        <Button
          size="small"
          icon={<EditOutlined aria-hidden />}
          aria-label={`${t('common.edit')} ${en && org.nameEn ? org.nameEn : org.name}`}
          onClick={() => onEdit(org)}
        >
          {t('common.edit')}
        </Button>
      ),
    });
  }
  return (
    <Table<Org>
      data-testid="orgs-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={orgs}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
};

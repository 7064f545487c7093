import type { ApiClient } from '@shuzhi/contracts';
import { Button, Popconfirm, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { RoleTags } from '../auth/roles';

type Props = { clients: ApiClient[]; loading: boolean; onRevoke: (client: ApiClient) => void };

export const ClientTable = ({ clients, loading, onRevoke }: Props) => {
  const { t } = useTranslation();
  const columns: ColumnsType<ApiClient> = [
    { key: 'name', title: t('clients.name'), dataIndex: 'name' },
    {
      key: 'clientId',
      title: t('clients.clientId'),
      dataIndex: 'clientId',
      render: (v: string) => <code>{v}</code>,
    },
    { key: 'org', title: t('clients.org'), dataIndex: 'orgName' },
    { key: 'roles', title: t('clients.roles'), render: (_, c) => <RoleTags roles={c.roles} /> },
    {
      key: 'status',
      title: t('clients.status'),
      render: (_, c) =>
        c.status === 'active' ? (
          <Tag color="green">{t('clients.active')}</Tag>
        ) : (
          <Tag>{t('clients.revoked')}</Tag>
        ),
    },
    { key: 'createdAt', title: t('clients.createdAt'), render: (_, c) => formatDateTime(c.createdAt) },
    {
      key: 'lastUsed',
      title: t('clients.lastUsed'),
      render: (_, c) => formatDateTime(c.lastUsedAt, t('clients.never')),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, c) =>
        c.status === 'active' && (
          <Popconfirm
            title={t('clients.revokeConfirm', { name: c.name })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => onRevoke(c)}
          >
            <Button size="small" danger aria-label={`${t('clients.revoke')} ${c.name}`}>
              {t('clients.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <Table<ApiClient>
      data-testid="clients-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={clients}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
};

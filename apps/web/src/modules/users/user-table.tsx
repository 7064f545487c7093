import { CheckCircleOutlined, EditOutlined, KeyOutlined, StopOutlined } from '@ant-design/icons';
import type { User } from '@shuzhi/contracts';
import { Button, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { RoleTag } from '../auth/roles';

type Props = {
  users: User[];
  loading: boolean;
  onEdit: (user: User) => void;
  onToggleStatus: (user: User) => void;
  onResetPassword: (user: User) => void;
};

export const UserTable = ({ users, loading, onEdit, onToggleStatus, onResetPassword }: Props) => {
  const { t } = useTranslation();
  const columns: ColumnsType<User> = [
    {
      key: 'username',
      title: t('users.username'),
      dataIndex: 'username',
      render: (v: string) => <code>{v}</code>,
    },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
    {
      key: 'status',
      title: t('users.status'),
      render: (_, u) => (
        <Space size={4} wrap>
          <Tag color={u.status === 'active' ? 'green' : 'default'}>
            {u.status === 'active' ? t('users.statusActive') : t('users.statusDisabled')}
          </Tag>
          {u.lockedUntil && new Date(u.lockedUntil) > new Date() && (
            <Tag color="red">{t('users.locked')}</Tag>
          )}
        </Space>
      ),
    },
    {
      key: 'grants',
      title: t('users.grants'),
      render: (_, u) => (
        <Space orientation="vertical" size={2}>
          {u.grants.map((g) => (
            <span key={`${g.orgId}-${g.role}-${g.areaCode ?? ''}`}>
              <RoleTag role={g.role} /> {g.orgName}
              {g.areaCode ? ` · ${g.areaCode}` : ''}
            </span>
          ))}
        </Space>
      ),
    },
    {
      key: 'lastLogin',
      title: t('users.lastLogin'),
      render: (_, u) => formatDateTime(u.lastLoginAt, t('users.never')),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, u) => (
        <Space size={4}>
          <Tooltip title={t('common.edit')}>
            <Button
              size="small"
              icon={<EditOutlined aria-hidden />}
              aria-label={`${t('common.edit')} ${u.username}`}
              onClick={() => onEdit(u)}
            />
          </Tooltip>
          <Popconfirm
            title={
              u.status === 'active' ? t('users.disableConfirm', { name: u.username }) : t('users.enable')
            }
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => onToggleStatus(u)}
          >
            <Tooltip title={u.status === 'active' ? t('users.disable') : t('users.enable')}>
              <Button
                size="small"
                danger={u.status === 'active'}
                icon={
                  u.status === 'active' ? <StopOutlined aria-hidden /> : <CheckCircleOutlined aria-hidden />
                }
                aria-label={`${u.status === 'active' ? t('users.disable') : t('users.enable')} ${u.username}`}
              />
            </Tooltip>
          </Popconfirm>
          <Popconfirm
            title={t('users.resetConfirm', { name: u.username })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => onResetPassword(u)}
          >
            <Tooltip title={t('users.resetPassword')}>
              <Button
                size="small"
                icon={<KeyOutlined aria-hidden />}
                aria-label={`${t('users.resetPassword')} ${u.username}`}
              />
            </Tooltip>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <Table<User>
      data-testid="users-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
};

import { PlusOutlined } from '@ant-design/icons';
import type { User } from '@shuzhi/contracts';
import { Alert, App, Button, Card, Flex, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { OrgSelect } from '../../modules/orgs/org-select';
import { useResetPassword, useUpdateUser, useUserList } from '../../modules/users/user-api';
import { UserFormDrawer } from '../../modules/users/user-form-drawer';
import { UserTable } from '../../modules/users/user-table';
import { LoadMore } from '../../ui/load-more';
import { PageTitle } from '../../ui/page-title';
import { SecretModal } from '../../ui/secret-modal';

export const UsersPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [q, setQ] = useState('');
  const [orgId, setOrgId] = useState<string>();
  const [editing, setEditing] = useState<{ user?: User } | null>(null);
  const [temp, setTemp] = useState<{ username: string; password: string } | null>(null);
  const list = useUserList({ q, orgId });
  const update = useUpdateUser();
  const reset = useResetPassword();

  const toggleStatus = (user: User) =>
    update.mutate(
      { id: user.id, body: { status: user.status === 'active' ? 'disabled' : 'active' } },
      { onSuccess: () => void message.success(t('users.updated')), onError: (err) => showError(err) },
    );
  const resetPassword = (user: User) =>
    reset.mutate(user.id, {
      onSuccess: ({ password }) => setTemp({ username: user.username, password }),
      onError: (err) => showError(err),
    });

  return (
    <>
      <PageTitle
        title={t('users.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            data-testid="user-create"
            onClick={() => setEditing({})}
          >
            {t('users.create')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            aria-label={t('users.search')}
            placeholder={t('users.searchPlaceholder')}
            allowClear
            maxLength={40}
            style={{ maxWidth: 280 }}
            onSearch={(value) => setQ(value.trim())}
          />
          <OrgSelect
            aria-label={t('users.orgFilter')}
            allowClear
            value={orgId}
            onChange={setOrgId}
            style={{ minWidth: 240 }}
          />
        </Flex>
        {list.error && (
          <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />
        )}
        <UserTable
          users={list.items}
          loading={list.isPending}
          onEdit={(user) => setEditing({ user })}
          onToggleStatus={toggleStatus}
          onResetPassword={resetPassword}
        />
        <LoadMore
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoad={list.loadMore}
          shown={list.items.length}
        />
      </Card>
      <UserFormDrawer open={!!editing} user={editing?.user} onClose={() => setEditing(null)} />
      <SecretModal
        open={!!temp}
        title={t('users.tempPasswordTitle', { name: temp?.username ?? '' })}
        hint={t('users.tempPasswordHint')}
        items={temp ? [{ key: 'password', label: t('users.tempPassword'), value: temp.password }] : []}
        onClose={() => setTemp(null)}
      />
    </>
  );
};

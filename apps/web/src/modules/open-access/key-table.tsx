import type { ApiKey } from '@shuzhi/contracts';
import { App, Button, type ButtonProps, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { formatDateTime } from '../../ui/format';
import { useRenameKey, useRevokeKey } from './access-api';
import { KeyNameModal, KeyUsageModal } from './key-modals';

/** The account's keys: prefix, state, use; rename, revoke, usage. */
export const KeyTable = ({ keys, loading }: { keys: ApiKey[]; loading: boolean }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const rename = useRenameKey();
  const revoke = useRevokeKey();
  const [renaming, setRenaming] = useState<ApiKey | null>(null);
  const [usage, setUsage] = useState<ApiKey | null>(null);
  return (
    <>
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={keys}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="open-keys-table"
        locale={{ emptyText: <Empty description={t('openAccess.keys.empty')} /> }}
        onRow={(k) => ({ 'data-testid': `open-key-${k.name}` }) as object}
        columns={[
          { title: t('openAccess.keys.name'), dataIndex: 'name' },
          {
            title: t('openAccess.keys.prefix'),
            dataIndex: 'prefix',
            render: (p: string) => <Typography.Text code>{p}…</Typography.Text>,
          },
          {
            title: t('openAccess.keys.status'),
            dataIndex: 'status',
            render: (s: ApiKey['status']) => (
              <Tag color={s === 'active' ? 'green' : 'default'}>{t(`openAccess.keys.statuses.${s}`)}</Tag>
            ),
          },
          {
            title: t('openAccess.keys.createdAt'),
            dataIndex: 'createdAt',
            render: (d: string) => formatDateTime(d),
          },
          {
            title: t('openAccess.keys.lastUsedAt'),
            dataIndex: 'lastUsedAt',
            render: (d: string | null) => formatDateTime(d, t('openAccess.keys.never')),
          },
          { title: t('openAccess.keys.callsToday'), dataIndex: 'callsToday', align: 'right' },
          { title: t('openAccess.keys.calls30d'), dataIndex: 'calls30d', align: 'right' },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, k: ApiKey) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setUsage(k)} data-testid="open-key-usage">
                  {t('openAccess.keys.usage')}
                </Button>
                <Button type="link" size="small" onClick={() => setRenaming(k)}>
                  {t('openAccess.keys.rename')}
                </Button>
                {k.status === 'active' && (
                  <Popconfirm
                    title={t('openAccess.keys.revokeConfirm', { name: k.name })}
                    okText={t('openAccess.keys.revoke')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true, 'data-testid': 'open-key-revoke-confirm' } as ButtonProps}
                    onConfirm={() =>
                      revoke.mutateAsync(k.id).then(
                        () => void message.success(t('openAccess.keys.revoked')),
                        (err) => showError(err),
                      )
                    }
                  >
                    <Button type="link" size="small" danger data-testid="open-key-revoke">
                      {t('openAccess.keys.revoke')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <KeyNameModal
        open={renaming !== null}
        title={t('openAccess.keys.renameTitle')}
        initial={renaming?.name}
        loading={rename.isPending}
        onClose={() => setRenaming(null)}
        onSubmit={(name, fail) =>
          renaming &&
          rename.mutate({ id: renaming.id, name }, { onSuccess: () => setRenaming(null), onError: fail })
        }
      />
      <KeyUsageModal apiKey={usage} onClose={() => setUsage(null)} />
    </>
  );
};

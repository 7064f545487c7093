import { PlusOutlined } from '@ant-design/icons';
import type { ApiClient } from '@shuzhi/contracts';
import { Alert, App, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { useClientList, useRevokeClient } from '../../modules/clients/client-api';
import { ClientFormModal } from '../../modules/clients/client-form-modal';
import { ClientTable } from '../../modules/clients/client-table';
import { LoadMore } from '../../ui/load-more';
import { PageTitle } from '../../ui/page-title';
import { SecretModal } from '../../ui/secret-modal';

export const ClientsPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ client: ApiClient; clientSecret: string } | null>(null);
  const list = useClientList();
  const revoke = useRevokeClient();
  return (
    <>
      <PageTitle
        title={t('clients.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            data-testid="client-create"
            onClick={() => setCreating(true)}
          >
            {t('clients.create')}
          </Button>
        }
      />
      <Card>
        {list.error && (
          <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />
        )}
        <ClientTable
          clients={list.items}
          loading={list.isPending}
          onRevoke={(client) =>
            revoke.mutate(client.id, {
              onSuccess: () => void message.success(t('clients.revoked')),
              onError: (err) => showError(err),
            })
          }
        />
        <LoadMore
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoad={list.loadMore}
          shown={list.items.length}
        />
      </Card>
      <ClientFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated(result);
        }}
      />
      <SecretModal
        open={!!created}
        title={t('clients.createdTitle')}
        items={
          created
            ? [
                { key: 'clientId', label: t('clients.clientId'), value: created.client.clientId },
                { key: 'clientSecret', label: t('clients.clientSecret'), value: created.clientSecret },
              ]
            : []
        }
        onClose={() => setCreated(null)}
      />
    </>
  );
};

import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateKey, useKeys, useOpenAccount } from '../../modules/open-access/access-api';
import { AccountBar, RequireOpenAccount } from '../../modules/open-access/account-panel';
import { KeyNameModal } from '../../modules/open-access/key-modals';
import { KeyTable } from '../../modules/open-access/key-table';
import { PageTitle } from '../../ui/page-title';
import { SecretModal } from '../../ui/secret-modal';

const Keys = () => {
  const { t } = useTranslation();
  const { data: account } = useOpenAccount();
  const keys = useKeys(!!account);
  const create = useCreateKey();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const max = keys.data?.maxActive ?? 5;
  const active = keys.data?.items.filter((k) => k.status === 'active').length ?? 0;
  const origin = window.location.origin;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <AccountBar />
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          disabled={active >= max}
          title={active >= max ? t('openAccess.keys.limitReached', { max }) : undefined}
          onClick={() => setCreating(true)}
          data-testid="open-key-create"
        >
          {t('openAccess.keys.create')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('openAccess.keys.intro', { max })}
      </Typography.Paragraph>
      {keys.error && <Alert type="error" showIcon title={keys.error.message} />}
      <KeyTable keys={keys.data?.items ?? []} loading={keys.isPending} />
      <Card size="small" title={t('openAccess.keys.example')}>
        <Typography.Paragraph code copyable style={{ margin: 0, wordBreak: 'break-all' }}>
          {`curl -H 'X-API-Key: szk_…' '${origin}/api/3/action/package_search?q=空气&rows=5'`}
        </Typography.Paragraph>
      </Card>
      <KeyNameModal
        open={creating}
        title={t('openAccess.keys.createTitle')}
        loading={create.isPending}
        onClose={() => setCreating(false)}
        onSubmit={(name, fail) =>
          create.mutate(name, {
            onSuccess: (r) => {
              setCreating(false);
              setSecret(r.secret);
            },
            onError: fail,
          })
        }
      />
      <SecretModal
        open={secret !== null}
        title={t('openAccess.keys.created')}
        hint={t('openAccess.keys.createdHint')}
        items={secret ? [{ key: 'api-key', label: t('openAccess.keys.secret'), value: secret }] : []}
        onClose={() => setSecret(null)}
      />
    </Flex>
  );
};

/** 我的 API 密钥: a member of the public creates, names, watches and revokes their keys. */
export const MyKeysPage = () => {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('openAccess.keys.title')} />
      <RequireOpenAccount>
        <Keys />
      </RequireOpenAccount>
    </>
  );
};

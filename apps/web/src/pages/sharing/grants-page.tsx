import type { ShareGrant, ShareSide } from '@shuzhi/contracts';
import { Alert, App, Card, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api-errors';
import { GrantTable } from '../../modules/sharing/grant-table';
import { useRevokeGrant, useShareGrants } from '../../modules/sharing/sharing-api';
import { TextModal } from '../../modules/sharing/text-modal';
import { useSharingSide } from '../../modules/sharing/use-side';
import { PageTitle } from '../../ui/page-title';

const Side = ({ side, highlight }: { side: ShareSide; highlight: string | null }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useShareGrants(side);
  const revoke = useRevokeGrant();
  const showError = useShowError();
  const [revoking, setRevoking] = useState<ShareGrant | null>(null);
  return (
    <Flex vertical gap={12}>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <GrantTable
        items={list.data?.items ?? []}
        loading={list.isPending}
        side={side}
        highlight={highlight}
        onRevoke={setRevoking}
      />
      <TextModal
        open={revoking !== null}
        title={t('sharing.grants.revokeTitle')}
        label={t('sharing.grants.reason')}
        hint={t('sharing.grants.revokeHint')}
        okText={t('sharing.grants.revoke')}
        danger
        loading={revoke.isPending}
        testId="share-revoke"
        onClose={() => setRevoking(null)}
        onSubmit={(reason, form) =>
          revoking &&
          revoke.mutate(
            { id: revoking.id, reason },
            {
              onSuccess: () => {
                void message.success(t('sharing.grants.revokedMsg'));
                setRevoking(null);
              },
              onError: (err) => showError(err, form),
            },
          )
        }
      />
    </Flex>
  );
};

/** 共享授权: the grants my department uses, the ones it gives, and (for the admin) all of them. */
export const ShareGrantsPage = () => {
  const { t } = useTranslation();
  const { sides, active, params, setParams } = useSharingSide();
  return (
    <>
      <PageTitle title={t('sharing.grants.title')} />
      <Typography.Paragraph type="secondary">{t('sharing.grants.intro')}</Typography.Paragraph>
      <Card>
        <Tabs
          activeKey={active}
          onChange={(side) => setParams({ side }, { replace: true })}
          data-testid="share-grants-tabs"
          items={sides.map((side) => ({
            key: side,
            label: t(`sharing.common.grantSides.${side}`),
            children: <Side side={side} highlight={params.get('grant')} />,
          }))}
        />
      </Card>
    </>
  );
};

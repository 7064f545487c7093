import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../app/auth';
import { CheckpointCard } from '../../modules/ledger/checkpoint-card';
import { EntriesPanel } from '../../modules/ledger/entries-panel';
import { ledgerKeys, useCheckpoint } from '../../modules/ledger/ledger-api';
import { PageTitle } from '../../ui/page-title';

export const LedgerPage = () => {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const checkpoint = useCheckpoint();
  const auditor = hasAnyRole(me, ['auditor']);
  const cp = checkpoint.data;
  return (
    <>
      <PageTitle
        title={t('ledger.title')}
        extra={
          <Button
            icon={<ReloadOutlined aria-hidden />}
            loading={checkpoint.isRefetching}
            onClick={() => {
              void qc.invalidateQueries({ queryKey: ledgerKeys.checkpoint });
              void qc.invalidateQueries({ queryKey: ledgerKeys.head });
            }}
            data-testid="ledger-refresh"
          >
            {t('common.refresh')}
          </Button>
        }
      />
      <CheckpointCard />
      {auditor ? (
        <EntriesPanel head={cp && { size: cp.size, root: cp.root }} />
      ) : (
        <Card title={t('ledger.entries')}>
          <Alert
            type="info"
            showIcon
            title={t('ledger.needAuditor')}
            description={t('ledger.needAuditorHint')}
            data-testid="ledger-needs-auditor"
          />
        </Card>
      )}
    </>
  );
};

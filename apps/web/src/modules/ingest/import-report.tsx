import { DownloadOutlined } from '@ant-design/icons';
import type { DataImport } from '@shuzhi/contracts';
import { Alert, App, Flex, Typography } from 'antd';
import type { ParseKeys } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { isActiveImport } from './ingest-api';
import { downloadRejectsCsv, rejectsCsvPath } from './ingest-files';
import { formatCount } from './ingest-labels';
import { RejectsTable } from './rejects-table';

const statementKey = (imp: DataImport): ParseKeys => {
  if (isActiveImport(imp)) return 'ingest.statement.running';
  if (imp.status === 'staged') return 'ingest.statement.staged';
  if (imp.status === 'failed') return 'ingest.statement.failed';
  if (imp.status === 'cancelled') return 'ingest.statement.cancelled';
  return imp.rowsRejected === 0 ? 'ingest.statement.allLoaded' : 'ingest.statement.someRejected';
};

const alertType = (imp: DataImport) => {
  if (isActiveImport(imp) || imp.status === 'staged') return 'info';
  if (imp.status === 'failed') return 'error';
  if (imp.status === 'cancelled' || imp.rowsRejected > 0) return 'warning';
  return 'success';
};

/** Link to the CSV of every rejected row; fetched as a blob so the reasons follow the UI language. */
export const RejectsCsvLink = ({ imp }: { imp: DataImport }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadRejectsCsv(imp);
    } catch (err) {
      void message.error(isApiError(err) ? err.problem.detail : t('ingest.csvFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Typography.Link
      href={rejectsCsvPath(imp.id)}
      data-testid="import-rejects-csv"
      disabled={busy}
      onClick={(e) => {
        e.preventDefault();
        void download();
      }}
    >
      <DownloadOutlined aria-hidden /> {t('ingest.rejectsCsv')}
    </Typography.Link>
  );
};

/** What became of the file: one plain statement, the error if any, and the rejected rows. */
export const ImportReport = ({ imp }: { imp: DataImport }) => {
  const { t } = useTranslation();
  const counts = {
    read: formatCount(imp.rowsRead),
    loaded: formatCount(imp.rowsLoaded),
    rejected: formatCount(imp.rowsRejected),
  };
  return (
    <Flex vertical gap={12}>
      <Alert
        type={alertType(imp)}
        showIcon
        data-testid="import-statement"
        title={t(statementKey(imp), counts) as string}
        description={imp.error ? `${t('ingest.error')}: ${imp.error}` : undefined}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('ingest.rejects')}
        </Typography.Title>
        <RejectsCsvLink imp={imp} />
      </Flex>
      <RejectsTable importId={imp.id} live={isActiveImport(imp)} />
    </Flex>
  );
};

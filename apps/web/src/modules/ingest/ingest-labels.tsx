import type { ImportMode } from '@shuzhi/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../app/i18n';
import type { ImportStatus } from './ingest-api';

export const IMPORT_MODES: readonly ImportMode[] = ['upsert', 'replace', 'append'];

const statusColors: Record<ImportStatus, string> = {
  staged: 'purple',
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'warning',
};

export const ImportStatusTag = ({ status, testId }: { status: ImportStatus; testId?: string }) => {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status]} data-testid={testId} data-status={status}>
      {t(`ingest.statuses.${status}`)}
    </Tag>
  );
};

export const ModeLabel = ({ mode }: { mode: ImportMode }) => {
  const { t } = useTranslation();
  return <>{t(`ingest.modes.${mode}`)}</>;
};

/** Row counts with the locale's digit grouping. */
export const formatCount = (n: number) => new Intl.NumberFormat(currentLocale()).format(n);

/** Bytes as B, KB, MB or GB (binary multiples, one decimal). */
export const formatBytes = (bytes: number) => {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
};

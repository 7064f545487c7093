import { Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { useDatasetVersions, type VersionRow } from './catalog-api';
import { useCatalogLabels } from './catalog-labels';

const actionColors: Record<VersionRow['action'], string> = {
  create: 'blue',
  update: 'blue',
  import: 'blue',
  submit: 'gold',
  approve: 'green',
  reject: 'red',
  retire: 'gray',
};

const show = (value: unknown, empty: string): string => {
  if (value === null || value === undefined || value === '') return empty;
  if (Array.isArray(value) && value.length === 0) return empty;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
};

const Change = ({ field, from, to }: { field: string; from: unknown; to: unknown }) => {
  const { t } = useTranslation();
  const labels = useCatalogLabels();
  const empty = t('catalog.empty_value');
  // Enum-valued attributes read in the user's language; everything else as stored.
  const localise: Record<string, ((v: string) => string) | undefined> = {
    status: labels.status,
    theme: labels.theme,
    level: labels.level,
    shareType: labels.shareType,
    openType: labels.openType,
    updateFrequency: labels.frequency,
  };
  const text = (v: unknown) => {
    const label = localise[field];
    return label && typeof v === 'string' ? label(v) : show(v, empty);
  };
  return (
    <div style={{ fontSize: 13 }}>
      <Typography.Text code>{field}</Typography.Text> {t('catalog.changeFrom')}{' '}
      <Typography.Text delete type="secondary" ellipsis={{ tooltip: text(from) }} style={{ maxWidth: 280 }}>
        {text(from)}
      </Typography.Text>{' '}
      {t('catalog.changeTo')}{' '}
      <Typography.Text strong ellipsis={{ tooltip: text(to) }} style={{ maxWidth: 280 }}>
        {text(to)}
      </Typography.Text>
    </div>
  );
};

/** Every version of the dataset, newest first, with what changed from → to. */
export const VersionTimeline = ({ datasetId }: { datasetId: string }) => {
  const { t } = useTranslation();
  const { data, isPending, error } = useDatasetVersions(datasetId);
  if (isPending) return <Skeleton active />;
  if (error) return <Typography.Text type="danger">{error.message}</Typography.Text>;
  if (data.length === 0) return <Empty description={t('catalog.historyEmpty')} />;
  const rows = [...data].sort((a, b) => b.version - a.version || b.changedAt.localeCompare(a.changedAt));
  return (
    <Timeline
      data-testid="dataset-history"
      items={rows.map((v, i) => ({
        key: `${v.version}-${i}`,
        color: actionColors[v.action],
        content: (
          <Flex vertical gap={4} data-testid={`version-${v.version}-${v.action}`}>
            <Flex gap={8} wrap align="center">
              <Tag color={actionColors[v.action]}>{t(`catalog.versionActions.${v.action}`)}</Tag>
              <Typography.Text type="secondary">
                {t('catalog.versionBy', {
                  version: v.version,
                  by: v.changedBy,
                  at: formatDateTime(v.changedAt),
                })}
              </Typography.Text>
            </Flex>
            {v.comment && (
              <Typography.Text>
                {t('catalog.reviewComment')}: {v.comment}
              </Typography.Text>
            )}
            {Object.entries(v.changes).map(([field, c]) => (
              <Change key={field} field={field} from={c.from} to={c.to} />
            ))}
          </Flex>
        ),
      }))}
    />
  );
};

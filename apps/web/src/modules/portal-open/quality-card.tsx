import type { PortalDatasetProfile } from '@shuzhi/contracts';
import { Card, Empty, Flex, Progress, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { DIMENSION_KEYS } from '../quality/quality-labels';

const ScoreTrendChart = lazy(async () => ({
  default: (await import('../quality/quality-charts')).ScoreTrendChart,
}));

const color = (score: number) =>
  score >= 90 ? '#2f9e44' : score >= 70 ? '#1d5fbf' : score >= 50 ? '#e8590c' : '#c92a2a';

/** The latest quality run's scores, per dimension, as the quality module computed them. */
export const QualityCard = ({ quality }: { quality: PortalDatasetProfile['quality'] }) => {
  const { t } = useTranslation();
  const title = t('openPortal.dataset.quality.title');
  if (!quality)
    return (
      <Card size="small" title={title} data-testid="portal-quality">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('openPortal.dataset.quality.none')} />
      </Card>
    );
  const overall = quality.scores.overall;
  return (
    <Card size="small" title={title} data-testid="portal-quality">
      <Flex gap={16} align="center" wrap>
        {overall !== null && (
          <Progress
            type="dashboard"
            percent={overall}
            size={96}
            strokeColor={color(overall)}
            format={(p) => (
              <span title={t('openPortal.dataset.quality.overall')} data-testid="portal-quality-overall">
                {Math.round(p ?? 0)}
              </span>
            )}
          />
        )}
        <Flex vertical gap={2} style={{ flex: '1 1 160px', minWidth: 0 }}>
          {DIMENSION_KEYS.map((k) => {
            const v = quality.scores[k];
            if (v === null) return null;
            return (
              <div key={k}>
                <Typography.Text style={{ fontSize: 12 }}>{t(`quality.dimensions.${k}`)}</Typography.Text>
                <Progress
                  percent={v}
                  size="small"
                  strokeColor={color(v)}
                  format={(p) => Math.round(p ?? 0)}
                />
              </div>
            );
          })}
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('openPortal.dataset.quality.at', { at: formatDateTime(quality.at) })}
        {quality.rowCount !== null &&
          ` · ${t('openPortal.dataset.quality.rows', { count: quality.rowCount })}`}
        {` · ${t('openPortal.dataset.quality.problems', { count: quality.problems })}`}
      </Typography.Paragraph>
      {quality.history.length > 1 && (
        <Suspense fallback={null}>
          <ScoreTrendChart points={quality.history} height={200} />
        </Suspense>
      )}
    </Card>
  );
};

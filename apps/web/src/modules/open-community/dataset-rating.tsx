import { Button, Flex, Progress, Rate, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useShowError } from '../../app/api-errors';
import { useMe } from '../../app/auth';
import { useRate, useRating } from './community-api';

/**
 * A dataset's rating for the portal's dataset page: the average, how many rated and how, and for a
 * signed-in reader their own stars, which they may change or withdraw.
 */
export const DatasetRating = ({ datasetCode }: { datasetCode: string }) => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data: me } = useMe();
  const { data, isPending } = useRating(datasetCode);
  const rate = useRate(datasetCode);
  const showError = useShowError();
  if (isPending || !data) return <Skeleton active paragraph={{ rows: 2 }} />;
  const max = Math.max(1, ...data.histogram);
  return (
    <Flex gap={24} wrap data-testid="dataset-rating">
      <Flex vertical align="center" style={{ minWidth: 120 }}>
        <Typography.Text style={{ fontSize: 32, fontWeight: 600 }} data-testid="dataset-rating-average">
          {data.average === null ? '—' : data.average.toFixed(1)}
        </Typography.Text>
        <Rate disabled allowHalf value={data.average ?? 0} style={{ fontSize: 14 }} />
        <Typography.Text type="secondary" data-testid="dataset-rating-count">
          {data.count === 0
            ? t('openCommunity.rating.none')
            : t('openCommunity.rating.count', { count: data.count })}
        </Typography.Text>
      </Flex>
      <Flex vertical gap={2} style={{ minWidth: 180, flex: 1 }}>
        {[5, 4, 3, 2, 1].map((s) => (
          <Flex key={s} gap={8} align="center">
            <Typography.Text type="secondary" style={{ width: 48 }}>
              {t('openCommunity.rating.stars', { count: s })}
            </Typography.Text>
            <Progress
              percent={((data.histogram[s - 1] ?? 0) / max) * 100}
              showInfo={false}
              size="small"
              style={{ flex: 1, margin: 0 }}
            />
            <Typography.Text type="secondary" style={{ width: 32, textAlign: 'right' }}>
              {data.histogram[s - 1] ?? 0}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
      <Flex vertical gap={4}>
        {me ? (
          <>
            <Typography.Text>
              {data.mine ? t('openCommunity.rating.yours') : t('openCommunity.rating.rate')}
            </Typography.Text>
            <Rate
              value={data.mine ?? 0}
              allowClear={false}
              disabled={rate.isPending}
              aria-label={t('openCommunity.rating.rate')}
              data-testid="dataset-rating-mine"
              onChange={(stars) => rate.mutate(stars, { onError: (err) => showError(err) })}
            />
            {data.mine !== null && (
              <Button size="small" type="link" style={{ padding: 0 }} onClick={() => rate.mutate(null)}>
                {t('openCommunity.rating.withdraw')}
              </Button>
            )}
          </>
        ) : (
          <Link to={`/login?next=${encodeURIComponent(pathname)}`}>
            {t('openCommunity.rating.signInToRate')}
          </Link>
        )}
      </Flex>
    </Flex>
  );
};

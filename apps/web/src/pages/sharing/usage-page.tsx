import type { ShareSide } from '@shuzhi/contracts';
import { Alert, Card, Col, Flex, Row, Segmented, Skeleton, Statistic, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShareUsage } from '../../modules/sharing/sharing-api';
import { UsageChart } from '../../modules/sharing/usage-chart';
import { UsageTable } from '../../modules/sharing/usage-table';
import { useSharingSide } from '../../modules/sharing/use-side';
import { PageTitle } from '../../ui/page-title';

const PERIODS = [7, 30, 90] as const;
const TOTALS = ['callsToday', 'calls', 'records', 'denied', 'callsPerDay'] as const;

const Side = ({ side, days }: { side: ShareSide; days: number }) => {
  const { t } = useTranslation();
  const usage = useShareUsage(side, days);
  if (usage.error) return <Alert type="error" showIcon title={usage.error.message} />;
  const d = usage.data;
  return (
    <Flex vertical gap={16} data-testid={`share-usage-${side}`}>
      <Row gutter={[16, 16]}>
        {TOTALS.map((k) => (
          <Col key={k} xs={12} md={8} xl={4} flex="1">
            <Card size="small">
              <Statistic
                title={t(`sharing.usage.${k}`)}
                value={d?.totals[k] ?? 0}
                loading={usage.isPending}
                styles={
                  k === 'denied' && (d?.totals.denied ?? 0) > 0
                    ? { content: { color: '#cf1322' } }
                    : undefined
                }
                data-testid={`share-usage-total-${k}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('sharing.usage.chart')}>
        {d ? <UsageChart days={d.days} /> : <Skeleton active />}
      </Card>
      <UsageTable rows={d?.rows ?? []} loading={usage.isPending} />
    </Flex>
  );
};

/** 共享使用情况: calls, records and refusals through the sharing gateway, by side and period. */
export const ShareUsagePage = () => {
  const { t } = useTranslation();
  const { sides, active, params, setParams } = useSharingSide();
  const days = PERIODS.find((p) => String(p) === params.get('days')) ?? 30;
  const set = (next: Record<string, string>) =>
    setParams({ side: active ?? 'consumer', days: String(days), ...next }, { replace: true });
  return (
    <>
      <PageTitle
        title={t('sharing.usage.title')}
        extra={
          <Segmented
            aria-label={t('sharing.usage.period')}
            value={days}
            onChange={(v) => set({ days: String(v) })}
            options={PERIODS.map((p) => ({ value: p, label: t('sharing.usage.lastDays', { count: p }) }))}
            data-testid="share-usage-days"
          />
        }
      />
      <Typography.Paragraph type="secondary">{t('sharing.usage.intro')}</Typography.Paragraph>
      <Card>
        <Tabs
          activeKey={active}
          onChange={(side) => set({ side })}
          data-testid="share-usage-tabs"
          items={sides.map((side) => ({
            key: side,
            label: t(`sharing.common.usageSides.${side}`),
            children: <Side side={side} days={days} />,
          }))}
        />
      </Card>
    </>
  );
};

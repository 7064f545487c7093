import { Alert, Flex, Skeleton, Statistic } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { type UsageScope, useUsage } from './community-api';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const SERIES = [
  { key: 'views', color: '#1d5fbf' },
  { key: 'downloads', color: '#2f9e44' },
  { key: 'apiCalls', color: '#e8590c' },
] as const;

/**
 * Views, downloads and API calls of a dataset or of an organisation's open data: the last 30 days as
 * a chart, with the 30-day and all-time totals.
 */
export const UsageChart = (props: UsageScope & { height?: number }) => {
  const { t } = useTranslation();
  const scope: UsageScope =
    'datasetCode' in props ? { datasetCode: props.datasetCode } : { orgId: props.orgId };
  const { data, isPending, error } = useUsage(scope);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (isPending || !data) return <Skeleton active />;
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: data.days.map((d) => d.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: SERIES.map((s) => ({
      type: 'bar',
      stack: 'usage',
      name: t(`openCommunity.usage.${s.key}`),
      data: data.days.map((d) => d[s.key]),
      itemStyle: { color: s.color },
    })),
  };
  return (
    <Flex vertical gap={12} data-testid="usage-chart">
      <Flex gap={32} wrap>
        {SERIES.map((s) => (
          <Statistic
            key={s.key}
            title={`${t(`openCommunity.usage.${s.key}`)} · ${t('openCommunity.usage.last30')}`}
            value={data.last30[s.key]}
            suffix={
              <span style={{ fontSize: 12, color: '#8c8c8c' }}>
                / {t('openCommunity.usage.total')} {data.total[s.key]}
              </span>
            }
            data-testid={`usage-${s.key}`}
          />
        ))}
      </Flex>
      <figure style={{ margin: 0 }} aria-label={t('openCommunity.usage.chart')}>
        <ReactEChartsCore
          echarts={echarts}
          option={option}
          style={{ height: props.height ?? 260 }}
          notMerge
        />
      </figure>
    </Flex>
  );
};

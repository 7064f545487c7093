import type { ShareUsage } from '@shuzhi/contracts';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const SERIES = [
  { key: 'calls', color: '#1d5fbf', axis: 0 },
  { key: 'records', color: '#2f9e44', axis: 1 },
  { key: 'denied', color: '#e03131', axis: 0 },
] as const;

/** Calls, records returned and refused calls per day; records on their own axis, being far more. */
export const UsageChart = ({ days, height = 300 }: { days: ShareUsage['days']; height?: number }) => {
  const { t } = useTranslation();
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
    yAxis: [
      { type: 'value', minInterval: 1, name: t('sharing.usage.calls') },
      { type: 'value', minInterval: 1, name: t('sharing.usage.records'), splitLine: { show: false } },
    ],
    series: SERIES.map((s) => ({
      type: 'line',
      name: t(`sharing.usage.${s.key}`),
      yAxisIndex: s.axis,
      smooth: true,
      showSymbol: days.length <= 31,
      data: days.map((d) => d[s.key]),
      itemStyle: { color: s.color },
    })),
  };
  return (
    <figure style={{ margin: 0 }} aria-label={t('sharing.usage.chart')} data-testid="share-usage-chart">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge />
    </figure>
  );
};

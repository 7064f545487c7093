import type { QualityDashboard, ScorePoint } from '@shuzhi/contracts';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { DIMENSION_KEYS } from './quality-labels';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const PALETTE = ['#1d5fbf', '#2f9e44', '#e8590c', '#7048e8', '#0c8599', '#c2255c', '#5c940d', '#862e9c'];

/** A dataset's scores run by run: overall bold, one thin line per dimension (0–100). */
export const ScoreTrendChart = ({ points, height = 280 }: { points: ScorePoint[]; height?: number }) => {
  const { t } = useTranslation();
  const series = (['overall', ...DIMENSION_KEYS] as const).map((k, i) => ({
    type: 'line' as const,
    name: t(`quality.dimensions.${k}`),
    data: points.map((p) => [p.at, p[k]]),
    connectNulls: true,
    showSymbol: points.length < 30,
    lineStyle: { width: k === 'overall' ? 3 : 1.5 },
    itemStyle: { color: PALETTE[i] },
  }));
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 32 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', min: 0, max: 100 },
    series,
  };
  return (
    <figure style={{ margin: 0 }} aria-label={t('quality.charts.trend')} data-testid="quality-trend-chart">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge />
    </figure>
  );
};

/** Each organisation's overall score per day (the mean of its datasets' latest scores that day). */
export const OrgTrendChart = ({ trend }: { trend: QualityDashboard['trend'] }) => {
  const { t } = useTranslation();
  const orgs = [...new Map(trend.map((r) => [r.orgId, r.orgName])).entries()];
  // One point per organisation and day it had runs; days in between carry no new score.
  const days = [...new Set(trend.map((r) => r.day))].sort();
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 40, right: 16, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: orgs.map(([id, name], i) => ({
      type: 'line',
      name,
      connectNulls: true,
      data: days.map((day) => trend.find((r) => r.orgId === id && r.day === day)?.overall ?? null),
      itemStyle: { color: PALETTE[i % PALETTE.length] },
    })),
  };
  return (
    <figure style={{ margin: 0 }} aria-label={t('quality.charts.orgTrend')} data-testid="quality-org-trend">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 300 }} notMerge />
    </figure>
  );
};

/** Offending rows per organisation, stacked by rule kind. */
export const ProblemsChart = ({ problems }: { problems: QualityDashboard['problems'] }) => {
  const { t } = useTranslation();
  const orgs = [...new Map(problems.map((p) => [p.orgId, p.orgName])).entries()];
  const kinds = [...new Set(problems.map((p) => p.kind))];
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 48, right: 16, top: 40, bottom: 64 },
    xAxis: {
      type: 'category',
      data: orgs.map(([, name]) => name),
      axisLabel: { rotate: orgs.length > 4 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: kinds.map((kind, i) => ({
      type: 'bar',
      stack: 'problems',
      name: t(`quality.kinds.${kind}`),
      data: orgs.map(([id]) => problems.find((p) => p.orgId === id && p.kind === kind)?.failed ?? 0),
      itemStyle: { color: PALETTE[i % PALETTE.length] },
    })),
  };
  return (
    <figure
      style={{ margin: 0 }}
      aria-label={t('quality.charts.problems')}
      data-testid="quality-problems-chart"
    >
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 300 }} notMerge />
    </figure>
  );
};

import type { Area } from '@shuzhi/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Streets per district as a bar chart (loaded lazily with ECharts). */
export const StreetChart = ({ districts }: { districts: Area[] }) => {
  const { t } = useTranslation();
  const option = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 64 },
    xAxis: { type: 'category', data: districts.map((d) => d.name), axisLabel: { rotate: 40 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: t('levels.street'),
        data: districts.map((d) => d.childCount),
        itemStyle: { color: '#1d5fbf' },
      },
    ],
  };
  return (
    <figure style={{ margin: 0 }} aria-label={t('home.streetChart')}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 280 }} notMerge />
    </figure>
  );
};

import type { PortalFieldStats } from '@shuzhi/contracts';
import { Alert, Card, Col, Empty, Row, Skeleton, Table, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { formatCount, formatNumber } from './numbers';
import { useStats } from './portal-api';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** A bin's label: whole numbers as "a–b" (or "a" for a bin of one value), decimals as "[a, b)". */
export const binLabel = (f: Pick<PortalFieldStats, 'type'>, from: number, to: number, last: boolean) => {
  if (f.type === 'integer')
    return to - from <= 1 ? formatNumber(from) : `${formatNumber(from)}–${formatNumber(to - 1)}`;
  return `[${formatNumber(from)}, ${formatNumber(to)}${last ? ']' : ')'}`;
};

const Histogram = ({ f }: { f: PortalFieldStats }) => {
  const { t } = useTranslation();
  const title = t('openPortal.dataset.charts.distribution', { title: f.title });
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 48, right: 12, top: 16, bottom: 56 },
    xAxis: {
      type: 'category',
      data: f.histogram.map((b, i) => binLabel(f, b.from, b.to, i === f.histogram.length - 1)),
      axisLabel: { rotate: 30, fontSize: 11 },
    },
    yAxis: { type: 'value', minInterval: 1, name: t('openPortal.dataset.charts.rows') },
    series: [
      {
        type: 'bar',
        name: t('openPortal.dataset.charts.rows'),
        data: f.histogram.map((b) => b.count),
        itemStyle: { color: '#1d5fbf' },
        barCategoryGap: '10%',
      },
    ],
  };
  return (
    <Card size="small" title={`${title}${f.unit ? ` (${f.unit})` : ''}`}>
      <figure style={{ margin: 0 }} aria-label={title} data-testid={`portal-histogram-${f.name}`}>
        <ReactEChartsCore echarts={echarts} option={option} style={{ height: 240 }} notMerge />
      </figure>
    </Card>
  );
};

/** Count, range, mean and the distribution of every open numeric field. */
export const NumericCharts = ({ name }: { name: string }) => {
  const { t } = useTranslation();
  const { data, error, isPending } = useStats(name, true);
  if (isPending) return <Skeleton active />;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (data.fields.length === 0) return <Empty description={t('openPortal.dataset.charts.empty')} />;
  const c = (k: 'count' | 'nulls' | 'min' | 'avg' | 'max') => t(`openPortal.dataset.charts.${k}`);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('openPortal.dataset.charts.note')}</Typography.Paragraph>
      <Table<PortalFieldStats>
        data-testid="portal-stats"
        size="small"
        rowKey="name"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data.fields}
        columns={[
          {
            key: 'field',
            title: t('openPortal.dataset.charts.field'),
            render: (_, f) => `${f.title}${f.unit ? ` (${f.unit})` : ''}`,
          },
          { key: 'count', title: c('count'), align: 'right', render: (_, f) => formatCount(f.count) },
          { key: 'nulls', title: c('nulls'), align: 'right', render: (_, f) => formatCount(f.nulls) },
          { key: 'min', title: c('min'), align: 'right', render: (_, f) => formatNumber(f.min) },
          { key: 'avg', title: c('avg'), align: 'right', render: (_, f) => formatNumber(f.avg) },
          { key: 'max', title: c('max'), align: 'right', render: (_, f) => formatNumber(f.max) },
        ]}
      />
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        {data.fields
          .filter((f) => f.histogram.length > 0)
          .map((f) => (
            <Col key={f.name} xs={24} lg={12}>
              <Histogram f={f} />
            </Col>
          ))}
      </Row>
    </>
  );
};

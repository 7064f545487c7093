import { ReloadOutlined } from '@ant-design/icons';
import type { QualityDashboard } from '@shuzhi/contracts';
import { Alert, Button, Card, Col, Empty, Flex, Row, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasAnyRole, useMe } from '../../app/auth';
import { OrgSelect } from '../../modules/orgs/org-select';
import { useQualityDashboard } from '../../modules/quality/quality-api';
import { OrgTrendChart, ProblemsChart } from '../../modules/quality/quality-charts';
import { DIMENSION_KEYS, ScoreTag } from '../../modules/quality/quality-labels';
import { formatDateTime } from '../../ui/format';
import { PageTitle } from '../../ui/page-title';

type DatasetRow = QualityDashboard['datasets'][number];
type OrgRow = QualityDashboard['orgs'][number];

/** 数据质量 dashboard: scores per organisation and dataset, their trend, problems and complaints. */
export const QualityPage = () => {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const admin = hasAnyRole(me, ['platform_admin']);
  const [org, setOrg] = useState<string | undefined>();
  const q = useQualityDashboard(org);
  const d = q.data;
  const dims = DIMENSION_KEYS.map((k) => ({
    key: k,
    title: t(`quality.dimensions.${k}`),
    render: (_: unknown, r: DatasetRow | OrgRow) => <ScoreTag score={r[k]} />,
  }));
  const datasetColumns: ColumnsType<DatasetRow> = [
    {
      key: 'name',
      title: t('quality.dashboard.dataset'),
      render: (_, r) => (
        <Flex vertical>
          <Link to={`/workspace/quality/datasets/${r.datasetId}`}>{r.datasetName}</Link>
          <Typography.Text type="secondary">
            {r.datasetCode} · {r.ownerOrgName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'overall',
      title: t('quality.dimensions.overall'),
      render: (_, r) => <ScoreTag score={r.overall} />,
    },
    ...dims,
    { key: 'problems', title: t('quality.dashboard.problems'), dataIndex: 'problems' },
    { key: 'rows', title: t('quality.dashboard.rows'), dataIndex: 'rowCount' },
    { key: 'at', title: t('quality.dashboard.lastRun'), render: (_, r) => formatDateTime(r.lastRunAt) },
  ];
  const orgColumns: ColumnsType<OrgRow> = [
    { key: 'name', title: t('quality.dashboard.org'), dataIndex: 'orgName' },
    {
      key: 'overall',
      title: t('quality.dimensions.overall'),
      render: (_, r) => <ScoreTag score={r.overall} />,
    },
    ...dims,
    { key: 'datasets', title: t('quality.dashboard.datasets'), dataIndex: 'datasets' },
    { key: 'problems', title: t('quality.dashboard.problems'), dataIndex: 'problems' },
  ];

  return (
    <>
      <PageTitle
        title={t('quality.title')}
        extra={
          <>
            {admin && (
              <OrgSelect
                allowClear
                aria-label={t('quality.dashboard.org')}
                value={org}
                onChange={setOrg}
                style={{ minWidth: 240 }}
              />
            )}
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => void q.refetch()}
              loading={q.isRefetching}
            >
              {t('common.refresh')}
            </Button>
          </>
        }
      />
      {q.error && <Alert type="error" showIcon title={q.error.message} style={{ marginBottom: 16 }} />}
      <Flex vertical gap={16} data-testid="quality-dashboard">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {d?.scope.orgName
            ? t('quality.dashboard.introOrg', { org: d.scope.orgName })
            : t('quality.dashboard.introAll')}
        </Typography.Paragraph>
        <Row gutter={[16, 16]}>
          {[
            ['overall', t('quality.dimensions.overall'), d?.totals.overall ?? '—'],
            ['datasets', t('quality.dashboard.datasets'), d?.totals.datasets ?? 0],
            ['problems', t('quality.dashboard.problems'), d?.totals.problems ?? 0],
            ['open', t('quality.dashboard.openComplaints'), d?.totals.openComplaints ?? 0],
            ['overdue', t('quality.dashboard.overdueComplaints'), d?.totals.overdueComplaints ?? 0],
          ].map(([key, title, value]) => (
            <Col xs={12} md={8} lg={4} key={key}>
              <Card size="small">
                <Statistic
                  title={title}
                  value={value as number | string}
                  loading={q.isPending}
                  data-testid={`quality-total-${key}`}
                  valueStyle={key === 'overdue' && Number(value) > 0 ? { color: '#cf1322' } : undefined}
                />
              </Card>
            </Col>
          ))}
          <Col xs={24} lg={4}>
            <Card size="small">
              <Flex vertical gap={4}>
                <Link to="/workspace/quality/complaints">{t('quality.complaints.title')} →</Link>
                <Link to="/workspace/quality/calendar" data-testid="quality-calendar-link">
                  {t('quality.calendar.link')} →
                </Link>
              </Flex>
            </Card>
          </Col>
        </Row>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card title={t('quality.charts.orgTrend')} size="small">
              {d && d.trend.length > 0 ? (
                <OrgTrendChart trend={d.trend} />
              ) : (
                <Empty description={t('quality.dashboard.noRuns')} />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t('quality.charts.problems')} size="small">
              {d && d.problems.length > 0 ? (
                <ProblemsChart problems={d.problems} />
              ) : (
                <Empty description={t('quality.dashboard.noProblems')} />
              )}
            </Card>
          </Col>
        </Row>
        {admin && !org && (
          <Card title={t('quality.dashboard.orgs')} size="small">
            <Table<OrgRow>
              rowKey="orgId"
              size="small"
              columns={orgColumns}
              dataSource={d?.orgs ?? []}
              loading={q.isPending}
              pagination={false}
              scroll={{ x: 'max-content' }}
            />
          </Card>
        )}
        <Card title={t('quality.dashboard.datasetsTitle')} size="small">
          <Table<DatasetRow>
            data-testid="quality-datasets"
            rowKey="datasetId"
            size="small"
            columns={datasetColumns}
            dataSource={d?.datasets ?? []}
            loading={q.isPending}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('quality.dashboard.noRuns') }}
          />
        </Card>
      </Flex>
    </>
  );
};

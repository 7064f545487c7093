import { ArrowLeftOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { QualityRun } from '@shuzhi/contracts';
import { Alert, App, Button, Card, Empty, Flex, Result, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { useShowError } from '../../app/api-errors';
import { useMe } from '../../app/auth';
import { useDataset } from '../../modules/catalog/catalog-api';
import { ProblemsList } from '../../modules/quality/problems-list';
import { useDatasetQuality, useProblems, useRuns, useStartRun } from '../../modules/quality/quality-api';
import { ScoreTrendChart } from '../../modules/quality/quality-charts';
import { ScoreBoard, ScoreTag } from '../../modules/quality/quality-labels';
import { canWriteSql } from '../../modules/quality/quality-policy';
import { RulesEditor } from '../../modules/quality/rules-editor';
import { formatDateTime } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { PageTitle } from '../../ui/page-title';

const RunsTable = ({ datasetId }: { datasetId: string }) => {
  const { t } = useTranslation();
  const runs = useRuns(datasetId);
  const columns: ColumnsType<QualityRun> = [
    { key: 'at', title: t('quality.runs.at'), render: (_, r) => formatDateTime(r.finishedAt ?? r.createdAt) },
    {
      key: 'trigger',
      title: t('quality.runs.trigger'),
      render: (_, r) => t(`quality.runs.triggers.${r.trigger}`),
    },
    {
      key: 'status',
      title: t('quality.runs.status'),
      render: (_, r) => (
        <Flex vertical>
          <Tag color={r.status === 'succeeded' ? 'green' : r.status === 'failed' ? 'red' : 'blue'}>
            {t(`quality.runs.statuses.${r.status}`)}
          </Tag>
          {r.error && <Typography.Text type="danger">{r.error}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'rows', title: t('quality.dashboard.rows'), dataIndex: 'rowCount' },
    { key: 'problems', title: t('quality.dashboard.problems'), dataIndex: 'problems' },
    {
      key: 'overall',
      title: t('quality.dimensions.overall'),
      render: (_, r) => <ScoreTag score={r.scores.overall} />,
    },
  ];
  return (
    <>
      <Table<QualityRun>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={runs.items}
        loading={runs.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <LoadMore
        hasMore={!!runs.hasNextPage}
        loading={runs.isFetchingNextPage}
        onLoad={runs.loadMore}
        shown={runs.items.length}
      />
    </>
  );
};

/** One dataset's quality: scores and their history, the latest problems with sample rows, rules, runs. */
export const DatasetQualityPage = () => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const dataset = useDataset(id);
  const quality = useDatasetQuality(id);
  const q = quality.data;
  const problems = useProblems(id, !!q?.canSeeProblems);
  const start = useStartRun(id);
  const back = (
    <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(`/workspace/catalog/${id}`)}>
      {t('quality.backToDataset')}
    </Button>
  );
  if (dataset.isPending || quality.isPending) return <Skeleton active />;
  const error = dataset.error ?? quality.error;
  if (error || !dataset.data || !q) {
    const missing = isApiError(error) && [400, 403, 404].includes(error.status);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('catalog.notFound') : error?.message}
        extra={back}
      />
    );
  }
  const ds = dataset.data;
  const running = !!q.active;
  const tabs = [
    q.canSeeProblems && {
      key: 'problems',
      label: t('quality.problems.title'),
      children: problems.data ? (
        <ProblemsList dataset={ds} detail={problems.data} />
      ) : problems.error ? (
        <Alert type="error" showIcon title={problems.error.message} />
      ) : (
        <Empty description={problems.isPending ? t('app.loading') : t('quality.dashboard.noRuns')} />
      ),
    },
    q.canSeeProblems && {
      key: 'rules',
      label: t('quality.rules.title'),
      children: <RulesEditor dataset={ds} canManage={q.canManage} sqlAllowed={canWriteSql(me)} />,
    },
    { key: 'runs', label: t('quality.runs.title'), children: <RunsTable datasetId={id} /> },
  ].filter((x) => !!x);
  return (
    <div data-testid="dataset-quality-page">
      <PageTitle
        title={`${t('quality.title')} · ${i18n.language === 'en' && ds.nameEn ? ds.nameEn : ds.name}`}
        extra={
          <>
            {back}
            {q.canManage && (
              <Button
                type="primary"
                icon={<PlayCircleOutlined aria-hidden />}
                loading={running || start.isPending}
                data-testid="quality-run"
                onClick={() =>
                  start.mutate(undefined, {
                    onSuccess: () => void message.success(t('quality.runs.queued')),
                    onError: (e) => showError(e),
                  })
                }
              >
                {running ? t('quality.runs.running') : t('quality.runs.start')}
              </Button>
            )}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small" title={t('quality.scores')}>
          {q.latest ? (
            <Flex gap={24} wrap>
              <ScoreBoard scores={q.latest.scores} />
              <div style={{ flex: 1, minWidth: 320 }}>
                <ScoreTrendChart points={q.history} />
              </div>
            </Flex>
          ) : (
            <Empty description={t('quality.dashboard.noRuns')} />
          )}
        </Card>
        <Card size="small">
          <Tabs items={tabs} />
        </Card>
      </Flex>
    </div>
  );
};

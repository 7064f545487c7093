import { ArrowLeftOutlined, ScanOutlined } from '@ant-design/icons';
import type { ClassifyRun, Dataset, Level } from '@shuzhi/contracts';
import { Alert, App, Button, Card, Empty, Flex, InputNumber, Result, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { useShowError } from '../../app/api-errors';
import { useMe } from '../../app/auth';
import { useDataset } from '../../modules/catalog/catalog-api';
import { useConfirmClassification, useLatestRun, useRunDetection } from '../../modules/classify/classify-api';
import {
  canConfirmClassification,
  canRunClassification,
  canSeeClassification,
} from '../../modules/classify/classify-policy';
import { LevelDecision } from '../../modules/classify/level-decision';
import { type Decisions, ReviewTable, suggested } from '../../modules/classify/review-table';
import { formatDateTime } from '../../ui/format';
import { PageTitle } from '../../ui/page-title';

/** The suggestion under review and the data officer's pending decisions on it. */
const Review = ({ run, dataset, editable }: { run: ClassifyRun; dataset: Dataset; editable: boolean }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const confirm = useConfirmClassification();
  const confirmed = run.confirmation;
  const fromRun = (): Decisions =>
    Object.fromEntries(
      run.fields.map((f) => {
        const d = confirmed?.fields.find((x) => x.field === f.field);
        // Confirmations made before types were recorded kept the detected one.
        return [
          f.field,
          d
            ? { sensitivity: d.chosen, personalType: d.chosenType === undefined ? f.type : d.chosenType }
            : suggested(f),
        ];
      }),
    );
  const [decisions, setDecisions] = useState<Decisions>(fromRun);
  const [level, setLevel] = useState<Level>(confirmed?.level.chosen ?? run.level);
  const [comment, setComment] = useState('');
  // A new run (or its confirmation) starts the review afresh from what it says.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the run's identity and state only.
  useEffect(() => {
    setDecisions(fromRun());
    setLevel(confirmed?.level.chosen ?? run.level);
  }, [run.id, !!confirmed]);

  const submit = () =>
    confirm.mutate(
      {
        datasetId: dataset.id,
        runId: run.id,
        body: {
          fields: run.fields.map((f) => {
            const d = decisions[f.field] ?? suggested(f);
            return { field: f.field, sensitivity: d.sensitivity, personalType: d.personalType };
          }),
          level,
          comment,
        },
      },
      {
        onSuccess: (r) =>
          void message.success(t('classify.confirmed', { version: r.confirmation?.datasetVersion })),
        onError: (err) => showError(err),
      },
    );
  const open = editable && !confirmed;
  return (
    <>
      {confirmed && (
        <Alert
          type="success"
          showIcon
          data-testid="classify-confirmed"
          title={t('classify.confirmedBy', {
            by: confirmed.confirmedBy,
            at: formatDateTime(confirmed.confirmedAt),
            version: confirmed.datasetVersion,
          })}
          description={confirmed.comment || undefined}
        />
      )}
      <Card title={t('classify.fields')}>
        <ReviewTable
          run={run}
          dataset={dataset}
          decisions={decisions}
          editable={open}
          onChange={(field, decision) => setDecisions((d) => ({ ...d, [field]: decision }))}
        />
      </Card>
      <Card title={t('classify.levelCard')} data-testid="classify-level-card">
        <LevelDecision
          run={run}
          dataset={dataset}
          level={level}
          comment={comment}
          onLevel={setLevel}
          onComment={setComment}
          onConfirm={submit}
          confirming={confirm.isPending}
          editable={open}
        />
      </Card>
    </>
  );
};

export const DatasetClassifyPage = () => {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const { data: dataset, isPending, error } = useDataset(id);
  const allowed = !!dataset && canSeeClassification(me, dataset);
  const latest = useLatestRun(id, allowed);
  const detect = useRunDetection();
  const [sampleRows, setSampleRows] = useState(10_000);

  const back = (
    <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(`/workspace/catalog/${id}`)}>
      {t('classify.back')}
    </Button>
  );
  if (isPending) return <Skeleton active />;
  if (error) {
    const missing = isApiError(error) && [400, 403, 404].includes(error.status);
    return (
      <Result status={missing ? '404' : 'error'} title={missing ? t('catalog.notFound') : error.message} />
    );
  }
  if (!allowed) return <Result status="403" title={t('classify.forbidden')} extra={back} />;

  const name = i18n.language === 'en' && dataset.nameEn ? dataset.nameEn : dataset.name;
  const run = latest.data;
  const runDetection = () =>
    detect.mutate(
      { datasetId: dataset.id, sampleRows },
      {
        onSuccess: (r) => void message.success(t('classify.ranDone', { count: r.rowsExamined })),
        onError: (err) => showError(err),
      },
    );
  return (
    <div data-testid="classify-page">
      <PageTitle title={t('classify.reviewTitle', { name })} extra={back} />
      <Flex vertical gap={16}>
        <Card>
          <Typography.Paragraph type="secondary">{t('classify.intro')}</Typography.Paragraph>
          {canRunClassification(me, dataset) ? (
            <Flex gap={12} align="center" wrap>
              <span>{t('classify.sampleRows')}</span>
              <InputNumber
                min={1}
                max={100_000}
                step={1000}
                value={sampleRows}
                onChange={(v) => setSampleRows(v ?? 10_000)}
                data-testid="classify-sample"
                aria-label={t('classify.sampleRows')}
              />
              <Button
                type="primary"
                icon={<ScanOutlined aria-hidden />}
                loading={detect.isPending}
                onClick={runDetection}
                data-testid="classify-run"
              >
                {run ? t('classify.rerun') : t('classify.run')}
              </Button>
              {run && (
                <Typography.Text type="secondary" data-testid="classify-run-meta">
                  {t('classify.runMeta', {
                    by: run.createdBy,
                    at: formatDateTime(run.createdAt),
                    rows: run.rowsExamined,
                  })}
                </Typography.Text>
              )}
            </Flex>
          ) : (
            <Alert type="info" showIcon title={t('classify.notPublished')} />
          )}
        </Card>
        {latest.isPending ? (
          <Skeleton active />
        ) : run ? (
          <Review run={run} dataset={dataset} editable={canConfirmClassification(me, dataset)} />
        ) : (
          <Card>
            <Empty description={t('classify.noRun')} />
          </Card>
        )}
      </Flex>
    </div>
  );
};

import { EyeInvisibleOutlined } from '@ant-design/icons';
import type { Dataset, ProblemSample, QualityRunDetail, RuleResult } from '@shuzhi/contracts';
import { Alert, Flex, Progress, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';

type Props = { dataset: Dataset; detail: QualityRunDetail };

const titleOf = (ds: Dataset, name: string) =>
  name === '_loaded_at' ? null : (ds.fields.find((f) => f.name === name)?.title ?? name);

/** The offending rows of one rule: key, the values it looked at, and why each failed. */
const Samples = ({ dataset, result }: { dataset: Dataset; result: RuleResult }) => {
  const { t } = useTranslation();
  const keys = Object.keys(result.samples[0]?.key ?? {});
  // A key field under check is already in the key columns.
  const values = [...new Set(result.samples.flatMap((s) => Object.keys(s.values)))].filter(
    (v) => !keys.includes(v),
  );
  const columns: ColumnsType<ProblemSample & { i: number }> = [
    ...keys.map((k) => ({
      key: `k_${k}`,
      title: titleOf(dataset, k),
      render: (_: unknown, s: ProblemSample) => <Typography.Text code>{s.key[k] ?? '∅'}</Typography.Text>,
    })),
    ...values.map((v) => ({
      key: `v_${v}`,
      title: titleOf(dataset, v) ?? t('quality.problems.loadedAt'),
      render: (_: unknown, s: ProblemSample) => {
        const x = s.values[v];
        if (x === null || x === undefined)
          return <Typography.Text type="secondary">{t('quality.problems.empty')}</Typography.Text>;
        return v === '_loaded_at' ? formatDateTime(x) : x;
      },
    })),
    {
      key: 'reason',
      title: t('quality.problems.reason'),
      render: (_, s) =>
        s.reason ? (
          <Tag>
            {t(`quality.reasons.${s.reason}` as 'quality.reasons.format', { defaultValue: s.reason })}
          </Tag>
        ) : null,
    },
  ];
  return (
    <Table
      size="small"
      rowKey="i"
      columns={columns}
      dataSource={result.samples.map((s, i) => ({ ...s, i }))}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid={`quality-samples-${result.kind}-${result.field ?? 'dataset'}`}
    />
  );
};

/** The latest run's rules, worst first, each with its counts, reasons and sample rows. */
export const ProblemsList = ({ dataset, detail }: Props) => {
  const { t } = useTranslation();
  const columns: ColumnsType<RuleResult> = [
    {
      key: 'rule',
      title: t('quality.rules.kind'),
      render: (_, r) => (
        <Flex vertical>
          <span>
            {t(`quality.kinds.${r.kind}`)}
            {r.severity === 'warning' && (
              <Tag color="gold" style={{ marginInlineStart: 8 }}>
                {t('quality.severities.warning')}
              </Tag>
            )}
          </span>
          <Typography.Text type="secondary">
            {r.field ? titleOf(dataset, r.field) : t('quality.rules.wholeDataset')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'counts',
      title: t('quality.problems.failed'),
      render: (_, r) => (
        <span data-testid={`quality-failed-${r.kind}-${r.field ?? 'dataset'}`}>
          {r.failed} / {r.checked}
        </span>
      ),
    },
    {
      key: 'rate',
      title: t('quality.problems.passRate'),
      render: (_, r) =>
        r.passRate === null ? (
          <Typography.Text type="secondary">{t('quality.notApplicable')}</Typography.Text>
        ) : (
          <Progress
            percent={Math.round(r.passRate * 1000) / 10}
            size="small"
            style={{ width: 160 }}
            status="normal"
            strokeColor={r.failed > 0 ? '#e03131' : '#2f9e44'}
            format={(p) => `${p?.toFixed(1)}%`}
          />
        ),
    },
    {
      key: 'reasons',
      title: t('quality.problems.reasons'),
      render: (_, r) => (
        <Flex gap={4} wrap vertical={!!r.error}>
          {r.error && <Alert type="error" showIcon title={r.error} />}
          {Object.entries(r.reasons).map(([why, n]) => (
            <Tag key={why}>
              {t(`quality.reasons.${why}` as 'quality.reasons.format', { defaultValue: why })} {n}
            </Tag>
          ))}
          {r.details
            .filter((d) => d.element)
            .map((d) => (
              <Tag key={String(d.element)} color="purple">
                {d.elementName} ↔ {d.authoritative}: {d.open}/{d.compared}
              </Tag>
            ))}
        </Flex>
      ),
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Typography.Text type="secondary">
          {t('quality.problems.ofRun', { at: formatDateTime(detail.finishedAt), rows: detail.rowCount ?? 0 })}
        </Typography.Text>
        {detail.samplesMasked && (
          <Tag icon={<EyeInvisibleOutlined aria-hidden />}>{t('quality.problems.masked')}</Tag>
        )}
        {detail.results.some((r) => r.kind === 'consistency' && r.failed > 0) && (
          <Link to="/workspace/conflicts">{t('quality.problems.seeConflicts')}</Link>
        )}
      </Flex>
      <Typography.Text type="secondary">{t('quality.problems.ledgerNotice')}</Typography.Text>
      <Table<RuleResult>
        data-testid="quality-problems"
        rowKey="ruleId"
        size="middle"
        columns={columns}
        dataSource={detail.results}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          rowExpandable: (r) => r.samples.length > 0,
          expandedRowRender: (r) => <Samples dataset={dataset} result={r} />,
        }}
        locale={{ emptyText: t('quality.problems.none') }}
      />
    </Flex>
  );
};

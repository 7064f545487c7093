import { ClockCircleOutlined } from '@ant-design/icons';
import type { Complaint, QualityDimension, QualityRule, QualityScores } from '@shuzhi/contracts';
import { Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

export const DIMENSION_KEYS: readonly QualityDimension[] = [
  'completeness',
  'validity',
  'uniqueness',
  'consistency',
  'timeliness',
];

const colorOf = (score: number) => (score >= 90 ? 'green' : score >= 75 ? 'gold' : 'red');

/** A 0–100 score as a coloured tag; a dash when nothing was checked. */
export const ScoreTag = ({ score, testId }: { score: number | null; testId?: string }) => {
  const { t } = useTranslation();
  if (score === null)
    return (
      <Tooltip title={t('quality.notApplicable')}>
        <Tag data-testid={testId}>—</Tag>
      </Tooltip>
    );
  return (
    <Tag color={colorOf(score)} data-testid={testId}>
      {score.toFixed(1)}
    </Tag>
  );
};

/** The overall score as a dial and the five dimensions beside it. */
export const ScoreBoard = ({ scores }: { scores: QualityScores }) => {
  const { t } = useTranslation();
  return (
    <Flex gap={24} wrap align="center">
      <Progress
        type="dashboard"
        percent={scores.overall ?? 0}
        format={() => (scores.overall === null ? '—' : scores.overall.toFixed(1))}
        strokeColor={
          scores.overall === null
            ? undefined
            : { green: '#2f9e44', gold: '#f59f00', red: '#e03131' }[colorOf(scores.overall)]
        }
        aria-label={t('quality.dimensions.overall')}
        data-testid="quality-overall"
      />
      <Flex vertical gap={6}>
        {DIMENSION_KEYS.map((d) => (
          <Flex key={d} gap={8} align="center">
            <Typography.Text style={{ minWidth: 72 }}>{t(`quality.dimensions.${d}`)}</Typography.Text>
            <ScoreTag score={scores[d]} testId={`quality-score-${d}`} />
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
};

/** What a rule's parameters say, in a line (the custom SQL's description or text). */
export function paramsText(t: TFunction, rule: Pick<QualityRule, 'kind' | 'params'>): string {
  const p = rule.params as Record<string, unknown>;
  const on = (v: unknown) => (v ? t('quality.params.yes') : t('quality.params.no'));
  switch (rule.kind) {
    case 'required':
      return p.blankIsMissing === false ? t('quality.params.blankAllowed') : t('quality.params.blankMissing');
    case 'pattern':
      return `${String(p.regex)}${p.caseInsensitive ? ' (i)' : ''}`;
    case 'enum':
      return (p.values as string[]).join(' / ');
    case 'range':
    case 'length':
      return `${p.min ?? '−∞'} … ${p.max ?? '+∞'}`;
    case 'resident_id':
      return `${t('quality.params.allowLegacy15')} ${on(p.allowLegacy15)} · ${t('quality.params.acceptLowercaseX')} ${on(p.acceptLowercaseX)} · ${t('quality.params.checkAreaCode')} ${on(p.checkAreaCode)}`;
    case 'credit_code':
      return `${t('quality.params.acceptLowercase')} ${on(p.acceptLowercase)}`;
    case 'mobile':
      return `${t('quality.params.allowFormatting')} ${on(p.allowFormatting)}`;
    case 'reference':
      return `${t('quality.params.referenceTo')} ${String(p.datasetId).slice(0, 8)}…${p.field ? ` · ${String(p.field)}` : ''}`;
    case 'freshness':
      return p.maxAgeHours
        ? t('quality.params.maxAge', { hours: p.maxAgeHours })
        : t('quality.params.byFrequency');
    case 'custom_sql':
      return String(p.description || p.sql);
    default:
      return '';
  }
}

const STATUS_COLOR: Record<Complaint['status'], string> = {
  open: 'blue',
  answered: 'green',
  corrected: 'green',
  closed: 'default',
};

/** A complaint's status, with an overdue flag when its deadline has passed unanswered. */
export const ComplaintStatusTag = ({ complaint }: { complaint: Complaint }) => {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      <Tag color={STATUS_COLOR[complaint.status]} data-testid={`complaint-status-${complaint.status}`}>
        {t(`quality.complaints.statuses.${complaint.status}`)}
      </Tag>
      {complaint.overdue && (
        <Tag color="red" icon={<ClockCircleOutlined aria-hidden />} data-testid="complaint-overdue">
          {t('quality.complaints.overdue')}
        </Tag>
      )}
      {complaint.answeredLate && <Tag color="orange">{t('quality.complaints.answeredLate')}</Tag>}
    </Flex>
  );
};

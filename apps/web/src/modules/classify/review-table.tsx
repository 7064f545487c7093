import type { ClassifyRun, Dataset, FieldSuggestion, PersonalDataType, Sensitivity } from '@shuzhi/contracts';
import { Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useCatalogLabels } from '../catalog/catalog-labels';
import { ConfidenceBar, SensitivityTag, TypeTag } from './classify-labels';

type Level = z.infer<typeof Sensitivity>;
/** Per field: the sensitivity and the personal-data type (null: none) the officer settles on. */
export type Decision = { sensitivity: Level; personalType: PersonalDataType | null };
export type Decisions = Record<string, Decision>;

/** A field's decision as the suggestion makes it. */
export const suggested = (f: FieldSuggestion): Decision => ({
  sensitivity: f.sensitivity,
  personalType: f.type,
});

type Props = {
  run: ClassifyRun;
  dataset: Dataset;
  decisions: Decisions;
  onChange: (field: string, decision: Decision) => void;
  /** False once confirmed or for those who may not confirm: decisions are shown, not edited. */
  editable: boolean;
};

/**
 * Per field: what was detected, how sure, the current sensitivity and type, the suggested sensitivity,
 * and the decision on both (the type becomes the catalog field's 个人信息类型, which picks its mask).
 */
export const ReviewTable = ({ run, dataset, decisions, onChange, editable }: Props) => {
  const { t } = useTranslation();
  const labels = useCatalogLabels();
  const current = new Map(dataset.fields.map((f) => [f.name, f]));
  const columns: ColumnsType<FieldSuggestion> = [
    {
      key: 'field',
      title: t('classify.field'),
      render: (_, f) => (
        <>
          <div>{f.title}</div>
          <Typography.Text code style={{ fontSize: 12 }}>
            {f.field}
          </Typography.Text>
        </>
      ),
    },
    { key: 'type', title: t('classify.detected'), render: (_, f) => <TypeTag type={f.type} /> },
    {
      key: 'confidence',
      title: t('classify.confidence'),
      render: (_, f) => <ConfidenceBar value={f.confidence} />,
    },
    {
      key: 'current',
      title: t('classify.current'),
      render: (_, f) => {
        const now = current.get(f.field);
        return now ? <SensitivityTag value={now.sensitivity} /> : '—';
      },
    },
    {
      key: 'currentType',
      title: t('classify.currentType'),
      render: (_, f) => {
        const now = current.get(f.field)?.personalType;
        return now ? <Tag color="purple">{labels.personalType(now)}</Tag> : '—';
      },
    },
    {
      key: 'suggested',
      title: t('classify.suggested'),
      render: (_, f) => <SensitivityTag value={f.sensitivity} />,
    },
    {
      key: 'decisionType',
      title: t('classify.decisionType'),
      render: (_, f) => {
        const chosen = decisions[f.field] ?? suggested(f);
        return editable ? (
          <Select
            size="small"
            style={{ width: 160 }}
            allowClear
            placeholder={t('classify.noPersonal')}
            value={chosen.personalType ?? undefined}
            options={labels.options.personalType}
            virtual={false}
            onChange={(v?: PersonalDataType) => onChange(f.field, { ...chosen, personalType: v ?? null })}
            data-testid={`decision-type-${f.field}`}
            aria-label={`${t('classify.decisionType')} ${f.title}`}
          />
        ) : (
          <TypeTag type={chosen.personalType} />
        );
      },
    },
    {
      key: 'decision',
      title: t('classify.decision'),
      render: (_, f) => {
        const chosen = decisions[f.field] ?? suggested(f);
        const accepted = chosen.sensitivity === f.sensitivity && chosen.personalType === f.type;
        return (
          <Flex gap={8} align="center">
            {editable ? (
              <Select
                size="small"
                style={{ width: 96 }}
                value={chosen.sensitivity}
                options={labels.options.sensitivity}
                onChange={(v) => onChange(f.field, { ...chosen, sensitivity: v })}
                data-testid={`decision-${f.field}`}
                aria-label={`${t('classify.decision')} ${f.title}`}
              />
            ) : (
              <SensitivityTag value={chosen.sensitivity} />
            )}
            <Tag color={accepted ? 'success' : 'warning'} data-testid={`decision-state-${f.field}`}>
              {accepted ? t('classify.accepted') : t('classify.corrected')}
            </Tag>
          </Flex>
        );
      },
    },
    { key: 'level', title: t('classify.fieldLevel'), render: (_, f) => f.level },
  ];
  return (
    <Table<FieldSuggestion>
      data-testid="classify-fields"
      rowKey="field"
      size="small"
      columns={columns}
      dataSource={run.fields}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
};

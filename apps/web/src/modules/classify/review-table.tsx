import type { ClassifyRun, Dataset, FieldSuggestion, Sensitivity } from '@shuzhi/contracts';
import { Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useCatalogLabels } from '../catalog/catalog-labels';
import { ConfidenceBar, SensitivityTag, TypeTag } from './classify-labels';

type Level = z.infer<typeof Sensitivity>;
export type Decisions = Record<string, Level>;

type Props = {
  run: ClassifyRun;
  dataset: Dataset;
  decisions: Decisions;
  onChange: (field: string, sensitivity: Level) => void;
  /** False once confirmed or for those who may not confirm: decisions are shown, not edited. */
  editable: boolean;
};

/** Per field: what was detected, how sure, the current and suggested sensitivity, and the decision. */
export const ReviewTable = ({ run, dataset, decisions, onChange, editable }: Props) => {
  const { t } = useTranslation();
  const labels = useCatalogLabels();
  const current = new Map(dataset.fields.map((f) => [f.name, f.sensitivity]));
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
        return now ? <SensitivityTag value={now} /> : '—';
      },
    },
    {
      key: 'suggested',
      title: t('classify.suggested'),
      render: (_, f) => <SensitivityTag value={f.sensitivity} />,
    },
    {
      key: 'decision',
      title: t('classify.decision'),
      render: (_, f) => {
        const chosen = decisions[f.field] ?? f.sensitivity;
        const accepted = chosen === f.sensitivity;
        return (
          <Flex gap={8} align="center">
            {editable ? (
              <Select
                size="small"
                style={{ width: 96 }}
                value={chosen}
                options={labels.options.sensitivity}
                onChange={(v) => onChange(f.field, v)}
                data-testid={`decision-${f.field}`}
                aria-label={`${t('classify.decision')} ${f.title}`}
              />
            ) : (
              <SensitivityTag value={chosen} />
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

import {
  DatasetStatus,
  FieldType,
  Level,
  OpenType,
  PersonalDataType,
  Sensitivity,
  ShareType,
  Theme,
  UpdateFrequency,
} from '@shuzhi/contracts';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { FacetName } from './catalog-api';

type Option<T extends string> = { value: T; label: string };

const levelColors: Record<Level, string> = { L1: 'green', L2: 'blue', L3: 'orange', L4: 'red' };
const statusColors: Record<DatasetStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  published: 'success',
  retired: 'warning',
};
const typeColors = { unconditional: 'green', conditional: 'gold', none: 'default' } as const;

/** Localised labels of every catalog enum, as functions and as Select options. */
export const useCatalogLabels = () => {
  const { t } = useTranslation();
  const theme = (v: string) => t(`catalog.themes.${v as Theme}`, { defaultValue: v }) as string;
  const frequency = (v: string) =>
    t(`catalog.frequencies.${v as z.infer<typeof UpdateFrequency>}`, { defaultValue: v }) as string;
  const shareType = (v: string) =>
    t(`catalog.shareTypes.${v as z.infer<typeof ShareType>}`, { defaultValue: v }) as string;
  const openType = (v: string) =>
    t(`catalog.openTypes.${v as z.infer<typeof OpenType>}`, { defaultValue: v }) as string;
  const level = (v: string) => `${v} ${t(`catalog.levelNames.${v as Level}`, { defaultValue: '' })}`.trim();
  const status = (v: string) => t(`catalog.statuses.${v as DatasetStatus}`, { defaultValue: v }) as string;
  const fieldType = (v: string) =>
    t(`catalog.fieldTypes.${v as z.infer<typeof FieldType>}`, { defaultValue: v }) as string;
  const sensitivity = (v: string) =>
    t(`catalog.sensitivities.${v as z.infer<typeof Sensitivity>}`, { defaultValue: v }) as string;
  // The names classification shows for the types it detects: one name per type everywhere.
  const personalType = (v: string) =>
    t(`classify.types.${v as PersonalDataType}`, { defaultValue: v }) as string;
  const opts = <T extends string>(values: readonly T[], label: (v: string) => string): Option<T>[] =>
    values.map((value) => ({ value, label: label(value) }));
  /** The facet value as people read it; organisations keep the server's name. */
  const facetLabel = (facet: FacetName | 'status', value: string, fallback: string): string => {
    const byFacet: Record<string, ((v: string) => string) | undefined> = {
      theme,
      level,
      shareType,
      openType,
      updateFrequency: frequency,
      status,
    };
    return byFacet[facet]?.(value) ?? fallback;
  };
  return {
    theme,
    frequency,
    shareType,
    openType,
    level,
    status,
    fieldType,
    sensitivity,
    personalType,
    facetLabel,
    options: {
      theme: opts(Theme.options, theme),
      frequency: opts(UpdateFrequency.options, frequency),
      shareType: opts(ShareType.options, shareType),
      openType: opts(OpenType.options, openType),
      level: opts(Level.options, level),
      status: opts(DatasetStatus.options, status),
      fieldType: opts(FieldType.options, fieldType),
      sensitivity: opts(Sensitivity.options, sensitivity),
      personalType: opts(PersonalDataType.options, personalType),
    },
  };
};

/** Classification level with the DB33/T 2350 rule (may it be opened?) as tooltip. */
export const LevelTag = ({ level }: { level: Level }) => {
  const { t } = useTranslation();
  const { level: label } = useCatalogLabels();
  return (
    <Tooltip title={t(`catalog.levelHints.${level}`)}>
      <Tag color={levelColors[level]} data-testid={`level-${level}`} tabIndex={0}>
        {label(level)}
      </Tag>
    </Tooltip>
  );
};

export const StatusTag = ({ status }: { status: DatasetStatus }) => {
  const { status: label } = useCatalogLabels();
  return (
    <Tag color={statusColors[status]} data-testid={`status-${status}`}>
      {label(status)}
    </Tag>
  );
};

/** Share or open type, worded for its view (无条件共享 / 无条件开放). */
export const AccessTag = ({ kind, value }: { kind: 'share' | 'open'; value: keyof typeof typeColors }) => {
  const labels = useCatalogLabels();
  return (
    <Tag color={typeColors[value]}>{kind === 'share' ? labels.shareType(value) : labels.openType(value)}</Tag>
  );
};

import type { PersonalDataType, Sensitivity } from '@shuzhi/contracts';
import { Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';

const sensitivityColors = { none: 'default', low: 'blue', medium: 'orange', high: 'red' } as const;

/** A detected type, or a muted "none found". */
export const TypeTag = ({ type }: { type: PersonalDataType | null }) => {
  const { t } = useTranslation();
  if (!type) return <Typography.Text type="secondary">{t('classify.noPersonal')}</Typography.Text>;
  return (
    <Tag color="purple" data-testid={`type-${type}`}>
      {t(`classify.types.${type}`)}
    </Tag>
  );
};

export const SensitivityTag = ({ value }: { value: z.infer<typeof Sensitivity> }) => {
  const { t } = useTranslation();
  return <Tag color={sensitivityColors[value]}>{t(`catalog.sensitivities.${value}`)}</Tag>;
};

/** Confidence 0..1 as a small bar with its percentage. */
export const ConfidenceBar = ({ value }: { value: number }) => (
  <Progress
    percent={Math.round(value * 100)}
    size="small"
    style={{ width: 120, margin: 0 }}
    status={value >= 0.8 ? 'success' : 'normal'}
    // The figure, not a tick: 100% is a score like any other here.
    format={(percent) => `${percent}%`}
  />
);

import type { ShareableDataset } from '@shuzhi/contracts';
import { Alert, Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DatasetName } from './sharing-labels';

/** The dataset asked for: who holds it, who decides and how fast, and its key. */
export const ShareDatasetCard = ({ dataset: ds }: { dataset: ShareableDataset }) => {
  const { t } = useTranslation();
  return (
    <Card data-testid="share-dataset">
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
        <DatasetName name={ds.name} code={ds.code} />
      </Typography.Title>
      {ds.description && <Typography.Paragraph type="secondary">{ds.description}</Typography.Paragraph>}
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('sharing.apply.intro', { days: ds.decisionDays })}
        description={
          ds.approver === 'platform' ? t('sharing.apply.unconditional') : t('sharing.apply.conditional')
        }
      />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'owner', label: t('sharing.common.owner'), children: ds.ownerOrgName },
          {
            key: 'shareType',
            label: t('sharing.common.approver'),
            children: `${t(`sharing.common.shareTypes.${ds.shareType}`)} · ${t(`sharing.common.approvers.${ds.approver}`)}`,
          },
          {
            key: 'days',
            label: t('sharing.common.decisionDays'),
            children: t('sharing.common.days', { count: ds.decisionDays }),
          },
          { key: 'level', label: t('sharing.common.level'), children: ds.level },
          {
            key: 'keys',
            label: t('sharing.common.keyFields'),
            children: ds.keyFields.map((k) => (
              <Typography.Text code key={k}>
                {k}
              </Typography.Text>
            )),
          },
        ]}
      />
    </Card>
  );
};

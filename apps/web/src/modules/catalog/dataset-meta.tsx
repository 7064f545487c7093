import type { Dataset } from '@shuzhi/contracts';
import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { AccessTag, LevelTag, StatusTag, useCatalogLabels } from './catalog-labels';

/** Every metadata attribute of a dataset except its fields. */
export const DatasetMeta = ({ dataset: d }: { dataset: Dataset }) => {
  const { t } = useTranslation();
  const labels = useCatalogLabels();
  const contact = [d.contact.name, d.contact.phone, d.contact.email].filter(Boolean).join(' · ');
  const items = [
    { key: 'code', label: t('catalog.code'), children: <Typography.Text code>{d.code}</Typography.Text> },
    { key: 'name', label: t('catalog.name'), children: d.name },
    { key: 'nameEn', label: t('catalog.nameEn'), children: d.nameEn || '—' },
    { key: 'owner', label: t('catalog.owner'), children: d.ownerOrgName },
    { key: 'sourceSystem', label: t('catalog.sourceSystem'), children: d.sourceSystem || '—' },
    { key: 'theme', label: t('catalog.theme'), children: labels.theme(d.theme) },
    { key: 'level', label: t('catalog.level'), children: <LevelTag level={d.level} /> },
    {
      key: 'shareType',
      label: t('catalog.shareType'),
      children: <AccessTag kind="share" value={d.shareType} />,
    },
    { key: 'openType', label: t('catalog.openType'), children: <AccessTag kind="open" value={d.openType} /> },
    { key: 'frequency', label: t('catalog.updateFrequency'), children: labels.frequency(d.updateFrequency) },
    { key: 'status', label: t('catalog.status'), children: <StatusTag status={d.status} /> },
    { key: 'version', label: t('catalog.version'), children: `v${d.version}` },
    {
      key: 'tags',
      label: t('catalog.tags'),
      children: d.tags.length ? d.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '—',
    },
    { key: 'contact', label: t('catalog.contact'), children: contact || '—' },
    { key: 'createdAt', label: t('catalog.createdAt'), children: formatDateTime(d.createdAt) },
    { key: 'updatedAt', label: t('catalog.updatedAt'), children: formatDateTime(d.updatedAt) },
    { key: 'publishedAt', label: t('catalog.publishedAt'), children: formatDateTime(d.publishedAt) },
    {
      key: 'description',
      label: t('catalog.description'),
      span: 'filled' as const,
      children: d.description ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {d.description}
        </Typography.Paragraph>
      ) : (
        '—'
      ),
    },
  ];
  return (
    <Descriptions
      data-testid="dataset-meta"
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={items}
    />
  );
};

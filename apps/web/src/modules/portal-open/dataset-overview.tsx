import type { PortalDatasetProfile } from '@shuzhi/contracts';
import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { AccessTag, LevelTag, useCatalogLabels } from '../catalog/catalog-labels';
import { formatCount } from './numbers';

/** The owner's name in the reader's language. */
export const orgTitle = (p: PortalDatasetProfile, language: string) =>
  language === 'en' && p.dataset.organization.titleEn
    ? p.dataset.organization.titleEn
    : p.dataset.organization.title;

/** Every public attribute of the dataset, with the portal's counts. */
export const DatasetOverview = ({ profile }: { profile: PortalDatasetProfile }) => {
  const { t, i18n } = useTranslation();
  const labels = useCatalogLabels();
  const m = (k: string) => t(`openPortal.dataset.meta.${k}` as 'openPortal.dataset.meta.code');
  const d = profile.dataset;
  const contact = [profile.contact.name, profile.contact.phone, profile.contact.email]
    .filter(Boolean)
    .join(' · ');
  const items = [
    {
      key: 'code',
      label: m('code'),
      children: <Typography.Text code>{d.code}</Typography.Text>,
    },
    { key: 'titleEn', label: m('titleEn'), children: d.titleEn || '—' },
    {
      key: 'organization',
      label: m('organization'),
      children: (
        <Link to={`/open/organizations/${d.organization.name}`}>{orgTitle(profile, i18n.language)}</Link>
      ),
    },
    { key: 'theme', label: m('theme'), children: labels.theme(d.theme) },
    { key: 'level', label: m('level'), children: <LevelTag level={d.level} /> },
    {
      key: 'openType',
      label: m('openType'),
      children: <AccessTag kind="open" value={d.openType} />,
    },
    { key: 'updateFrequency', label: m('updateFrequency'), children: labels.frequency(d.updateFrequency) },
    { key: 'records', label: m('records'), children: formatCount(profile.records) },
    { key: 'version', label: m('version'), children: `v${profile.version}` },
    { key: 'license', label: m('license'), children: profile.license },
    { key: 'maintainer', label: m('maintainer'), children: contact || '—' },
    { key: 'created', label: m('created'), children: formatDateTime(profile.createdAt) },
    { key: 'modified', label: m('modified'), children: formatDateTime(d.modifiedAt) },
    { key: 'lastLoaded', label: m('lastLoaded'), children: formatDateTime(profile.lastLoadedAt) },
    {
      key: 'tags',
      label: m('tags'),
      span: 'filled' as const,
      children: d.tags.length ? d.tags.map((x) => <Tag key={x}>{x}</Tag>) : '—',
    },
    {
      key: 'description',
      label: m('description'),
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
      data-testid="portal-meta"
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      items={items}
    />
  );
};

import type { PortalDatasetCard } from '@shuzhi/contracts';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { LevelTag, useCatalogLabels } from '../catalog/catalog-labels';
import { formatCount } from './numbers';

/** One dataset in a result list or on the home page: title, owner, summary, theme, formats, size. */
export const DatasetCard = ({ d, compact }: { d: PortalDatasetCard; compact?: boolean }) => {
  const { t, i18n } = useTranslation();
  const labels = useCatalogLabels();
  const title = i18n.language === 'en' && d.titleEn ? d.titleEn : d.title;
  return (
    <Card
      size="small"
      data-testid={`portal-dataset-${d.name}`}
      style={{ height: compact ? '100%' : undefined }}
    >
      <Flex vertical gap={6}>
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
          <Link to={`/open/datasets/${d.name}`} data-testid="portal-dataset-link">
            {title}
          </Link>
        </Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          <Link to={`/open/organizations/${d.organization.name}`}>
            {i18n.language === 'en' && d.organization.titleEn ? d.organization.titleEn : d.organization.title}
          </Link>
          {' · '}
          {t('openPortal.card.updated', { at: formatDateTime(d.modifiedAt) })}
        </Typography.Text>
        {d.description && (
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: compact ? 2 : 3 }}
            style={{ margin: 0, fontSize: 13 }}
          >
            {d.description}
          </Typography.Paragraph>
        )}
        <Flex gap={4} wrap align="center">
          <Tag color="blue">{labels.theme(d.theme)}</Tag>
          <LevelTag level={d.level} />
          <Tag>{labels.frequency(d.updateFrequency)}</Tag>
          {d.openType === 'conditional' && (
            <Tag color="gold" data-testid="portal-card-apply">
              {t('openPortal.card.apply')}
            </Tag>
          )}
          {!compact &&
            d.formats.map((f) => (
              <Tag key={f} bordered={false}>
                {f}
              </Tag>
            ))}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 'auto' }}>
            {t('openPortal.card.records', { n: formatCount(d.records) })}
          </Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
};

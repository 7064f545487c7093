import { ArrowLeftOutlined } from '@ant-design/icons';
import type { PortalDatasetProfile } from '@shuzhi/contracts';
import { Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AccessTag, LevelTag, useCatalogLabels } from '../catalog/catalog-labels';
import { orgTitle } from './dataset-overview';
import { DownloadButtons } from './download-buttons';

/**
 * Title, owner, theme and what a reader can do: download an unconditionally open dataset; for a
 * conditionally open one, `actions` holds what other modules add (apply).
 */
export const DatasetHeader = ({
  profile,
  actions,
}: {
  profile: PortalDatasetProfile;
  actions?: ReactNode;
}) => {
  const { t, i18n } = useTranslation();
  const labels = useCatalogLabels();
  const d = profile.dataset;
  return (
    <Card>
      <Link to="/open/datasets">
        <ArrowLeftOutlined aria-hidden /> {t('openPortal.dataset.back')}
      </Link>
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginTop: 8 }}>
        <Flex vertical gap={6} style={{ flex: '1 1 420px', minWidth: 0 }}>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }} data-testid="portal-dataset-title">
            {i18n.language === 'en' && d.titleEn ? d.titleEn : d.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            <Link to={`/open/organizations/${d.organization.name}`} data-testid="portal-dataset-org">
              {orgTitle(profile, i18n.language)}
            </Link>
            {' · '}
            <Typography.Text code>{d.code}</Typography.Text>
          </Typography.Text>
          <Flex gap={4} wrap>
            <Tag color="blue">{labels.theme(d.theme)}</Tag>
            <LevelTag level={d.level} />
            {d.openType === 'conditional' && <AccessTag kind="open" value="conditional" />}
            <Tag>{labels.frequency(d.updateFrequency)}</Tag>
            {d.tags.map((x) => (
              <Tag key={x} bordered={false}>
                {x}
              </Tag>
            ))}
          </Flex>
          {d.description && (
            <Typography.Paragraph
              type="secondary"
              ellipsis={{ rows: 3, expandable: true }}
              style={{ margin: 0 }}
            >
              {d.description}
            </Typography.Paragraph>
          )}
        </Flex>
        <Flex vertical gap={8} align="flex-end">
          {d.openType === 'unconditional' && <DownloadButtons code={d.code} />}
          {actions}
        </Flex>
      </Flex>
    </Card>
  );
};

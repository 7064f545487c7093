import { ArrowLeftOutlined, BankOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { UsageChart } from '../../modules/open-community';
import { DatasetSearch } from '../../modules/portal-open/dataset-search';
import { OrgCounts } from '../../modules/portal-open/org-counts';
import { useOrganization } from '../../modules/portal-open/portal-api';
import { PortalSlot } from '../../modules/portal-open/portal-slot';

/** One publishing organisation: who it is, how its open data is used, and all of its listed datasets. */
export const OpenOrgPage = () => {
  const { t } = useTranslation();
  const { name = '' } = useParams();
  const org = useOrganization(name);
  if (org.isPending) return <Skeleton active />;
  if (org.error)
    return isApiError(org.error) && org.error.status === 404 ? (
      <Result
        status="404"
        title={t('openPortal.orgNotFound')}
        extra={
          <Link to="/open/organizations">
            <Button type="primary">{t('openPortal.org.back')}</Button>
          </Link>
        }
      />
    ) : (
      <Alert type="error" showIcon title={org.error.message} />
    );
  const o = org.data;
  return (
    <div style={{ maxWidth: 1400, marginInline: 'auto' }} data-testid="portal-org-page">
      <Card>
        <Link to="/open/organizations">
          <ArrowLeftOutlined aria-hidden /> {t('openPortal.org.back')}
        </Link>
        <Flex align="center" gap={12} style={{ marginTop: 8 }}>
          <BankOutlined aria-hidden style={{ fontSize: 32, color: '#1d5fbf' }} />
          <div>
            <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }} data-testid="portal-org-title">
              {o.title}
            </Typography.Title>
            <Typography.Text type="secondary">
              {o.titleEn ? `${o.titleEn} · ` : ''}
              {t('openPortal.org.code')}：{o.name.toUpperCase()} · <OrgCounts org={o} />
            </Typography.Text>
          </div>
        </Flex>
      </Card>
      <div style={{ marginTop: 16 }}>
        {/* Slot filled by open-community: the organisation's usage of its open data. */}
        <PortalSlot name="org-usage" title={t('openPortal.dataset.usage')}>
          <UsageChart orgId={o.id} />
        </PortalSlot>
      </div>
      <Typography.Title level={2} style={{ fontSize: 20, margin: '16px 0 12px' }}>
        {t('openPortal.org.datasets')}
      </Typography.Title>
      <DatasetSearch organization={o.name} />
    </div>
  );
};

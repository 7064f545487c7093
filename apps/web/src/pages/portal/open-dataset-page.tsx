import { Alert, Button, Card, Col, Flex, Result, Row, Skeleton, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api';
import { ApplyButton } from '../../modules/open-access';
import { DatasetComments, DatasetRating, UsageChart, useRecordView } from '../../modules/open-community';
import { ApiUsage } from '../../modules/portal-open/api-usage';
import { DatasetHeader } from '../../modules/portal-open/dataset-header';
import { DatasetOverview } from '../../modules/portal-open/dataset-overview';
import { FieldTable } from '../../modules/portal-open/field-table';
import { NumericCharts } from '../../modules/portal-open/numeric-charts';
import { useProfile } from '../../modules/portal-open/portal-api';
import { InlineSlot, PortalSlot } from '../../modules/portal-open/portal-slot';
import { PreviewTable } from '../../modules/portal-open/preview-table';
import { QualityCard } from '../../modules/portal-open/quality-card';
import { UpdateHistory } from '../../modules/portal-open/update-history';

const TABS = ['overview', 'preview', 'fields', 'charts', 'history', 'api'] as const;
type TabKey = (typeof TABS)[number];
/** What a conditionally open dataset shows: its description, never its data. */
const METADATA_TABS: readonly TabKey[] = ['overview', 'fields', 'history'];

/**
 * One listed dataset: metadata, fields, quality and history; for an unconditionally open one also its
 * rows, charts, downloads and API, for a conditionally open one the way to apply for them instead.
 */
export const OpenDatasetPage = () => {
  const { t } = useTranslation();
  const { name = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const profile = useProfile(name);
  const open = profile.data?.dataset.openType === 'unconditional';
  // Usage is counted for open data only (the community module knows no other).
  useRecordView(open ? profile.data?.code : undefined);

  if (profile.isPending) return <Skeleton active />;
  if (profile.error)
    return isApiError(profile.error) && profile.error.status === 404 ? (
      <Result
        status="404"
        title={t('openPortal.notFound')}
        extra={
          <Link to="/open/datasets">
            <Button type="primary">{t('openPortal.dataset.back')}</Button>
          </Link>
        }
      />
    ) : (
      <Alert type="error" showIcon title={profile.error.message} />
    );
  const p = profile.data;
  const shown = open ? TABS : METADATA_TABS;
  const asked = params.get('tab') as TabKey;
  const tab: TabKey = shown.includes(asked) ? asked : 'overview';
  const resourceId = p.resourceId ?? '';
  const panes: Record<TabKey, () => ReactNode> = {
    overview: () => <DatasetOverview profile={p} />,
    preview: () => <PreviewTable resourceId={resourceId} />,
    fields: () => <FieldTable profile={p} />,
    charts: () => <NumericCharts name={p.name} />,
    history: () => <UpdateHistory history={p.history} />,
    api: () => <ApiUsage name={p.name} code={p.code} resourceId={resourceId} />,
  };

  return (
    <div style={{ maxWidth: 1400, marginInline: 'auto' }} data-testid="portal-dataset-page">
      <DatasetHeader
        profile={p}
        actions={
          // Slot for other modules' actions: applying for conditional-open data (open-access).
          <InlineSlot name="apply">
            <ApplyButton datasetCode={p.code} />
          </InlineSlot>
        }
      />
      {!open && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          data-testid="portal-conditional-notice"
          title={t('openPortal.dataset.conditional.title')}
          description={t('openPortal.dataset.conditional.text')}
        />
      )}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={17}>
          <Card size="small">
            <Tabs
              activeKey={tab}
              onChange={(k) => {
                const next = new URLSearchParams(params);
                if (k === 'overview') next.delete('tab');
                else next.set('tab', k);
                setParams(next, { replace: true });
              }}
              destroyOnHidden
              items={shown.map((key) => ({
                key,
                children: panes[key](),
                label: <span data-testid={`portal-tab-${key}`}>{t(`openPortal.dataset.tabs.${key}`)}</span>,
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Flex vertical gap={16}>
            <QualityCard quality={p.quality} />
            {/* Slots filled by open-community: ratings here, usage and comments below. */}
            {open && (
              <PortalSlot name="rating" title={t('openPortal.dataset.rating')}>
                <DatasetRating datasetCode={p.code} />
              </PortalSlot>
            )}
          </Flex>
        </Col>
      </Row>
      {open && (
        <Flex vertical gap={16} style={{ marginTop: 16 }}>
          <PortalSlot name="usage" title={t('openPortal.dataset.usage')}>
            <UsageChart datasetCode={p.code} />
          </PortalSlot>
          <PortalSlot name="comments" title={t('openPortal.dataset.comments')}>
            <DatasetComments datasetCode={p.code} />
          </PortalSlot>
        </Flex>
      )}
    </div>
  );
};

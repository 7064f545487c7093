import { EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CITY_CODE, useAreaChildren } from '../../modules/areas/area-api';
import { useOrgOptions } from '../../modules/orgs/org-api';
import { DistrictCards } from '../../modules/portal/district-cards';
import { OrgGroups } from '../../modules/portal/org-groups';

const StreetChart = lazy(async () => ({
  default: (await import('../../modules/portal/street-chart')).StreetChart,
}));

const Section = ({ title, extra, children }: { title: string; extra?: string; children: ReactNode }) => (
  <section style={{ marginTop: 24 }}>
    <Flex align="baseline" gap={12} style={{ marginBottom: 12 }}>
      <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
        {title}
      </Typography.Title>
      {extra && <Typography.Text type="secondary">{extra}</Typography.Text>}
    </Flex>
    {children}
  </section>
);

/** Public portal: the city's districts with street counts and its organisations by type. */
export const HomePage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const districts = useAreaChildren(CITY_CODE);
  const orgs = useOrgOptions();
  return (
    <div style={{ maxWidth: 1280, marginInline: 'auto' }}>
      <Card style={{ background: 'linear-gradient(120deg, #1d5fbf, #3b8ced)', border: 'none' }}>
        <Typography.Title level={1} style={{ color: '#fff', fontSize: 28, marginTop: 0 }}>
          {t('home.heroTitle')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: '#e6f0ff', fontSize: 16 }}>
          {t('home.heroText')}
        </Typography.Paragraph>
        <Button size="large" icon={<EnvironmentOutlined aria-hidden />} onClick={() => navigate('/areas')}>
          {t('home.browseAreas')}
        </Button>
      </Card>

      <Section
        title={t('home.districts')}
        extra={districts.data ? t('home.districtsCount', { count: districts.data.length }) : undefined}
      >
        {districts.error ? (
          <Alert type="error" showIcon title={districts.error.message} />
        ) : !districts.data ? (
          <Skeleton active />
        ) : districts.data.length === 0 ? (
          <Empty description={t('home.empty')} />
        ) : (
          <>
            <DistrictCards districts={districts.data} />
            <Card size="small" title={t('home.streetChart')} style={{ marginTop: 12 }}>
              <Suspense fallback={<Skeleton active />}>
                <StreetChart districts={districts.data} />
              </Suspense>
            </Card>
          </>
        )}
      </Section>

      <Section
        title={t('home.orgs')}
        extra={orgs.data ? t('home.orgsCount', { count: orgs.data.length }) : undefined}
      >
        {orgs.error ? (
          <Alert type="error" showIcon title={orgs.error.message} />
        ) : !orgs.data ? (
          <Skeleton active />
        ) : orgs.data.length === 0 ? (
          <Empty description={t('home.empty')} />
        ) : (
          <OrgGroups orgs={orgs.data} />
        )}
      </Section>
    </div>
  );
};

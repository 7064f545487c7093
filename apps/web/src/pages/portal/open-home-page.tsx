import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Flex, Input, Row, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DatasetCard } from '../../modules/portal-open/dataset-card';
import { Figures } from '../../modules/portal-open/figures';
import { usePortalSummary } from '../../modules/portal-open/portal-api';
import { ThemeGrid } from '../../modules/portal-open/theme-grid';

const Section = ({ title, more, children }: { title: string; more?: ReactNode; children: ReactNode }) => (
  <section style={{ marginTop: 24 }}>
    <Flex align="baseline" justify="space-between" gap={12} style={{ marginBottom: 12 }}>
      <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
        {title}
      </Typography.Title>
      {more}
    </Flex>
    {children}
  </section>
);

/** The open-data portal's front page: search, figures, themes, latest and most downloaded datasets. */
export const OpenHomePage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const summary = usePortalSummary();
  const s = summary.data;
  const more = (to: string, label: string) => (
    <Link to={to}>
      {label} <ArrowRightOutlined aria-hidden />
    </Link>
  );
  return (
    <div style={{ maxWidth: 1280, marginInline: 'auto' }}>
      <Card style={{ background: 'linear-gradient(120deg, #0b4f9c, #2f86d6)', border: 'none' }}>
        <Typography.Title level={1} style={{ color: '#fff', fontSize: 28, marginTop: 0 }}>
          {t('openPortal.home.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: '#e6f0ff', fontSize: 16 }}>
          {t('openPortal.home.intro')}
        </Typography.Paragraph>
        <Input.Search
          data-testid="portal-home-search"
          aria-label={t('openPortal.home.searchPlaceholder')}
          placeholder={t('openPortal.home.searchPlaceholder')}
          size="large"
          enterButton
          allowClear
          maxLength={200}
          style={{ maxWidth: 640 }}
          onSearch={(q) =>
            navigate(q.trim() ? `/open/datasets?q=${encodeURIComponent(q.trim())}` : '/open/datasets')
          }
        />
      </Card>

      {summary.error && (
        <Alert style={{ marginTop: 16 }} type="error" showIcon title={summary.error.message} />
      )}
      <div style={{ marginTop: 16 }}>{s ? <Figures summary={s} /> : <Skeleton active />}</div>

      <Section
        title={t('openPortal.home.themes')}
        more={more('/open/datasets', t('openPortal.home.allDatasets'))}
      >
        {s ? s.themes.length ? <ThemeGrid themes={s.themes} /> : <Empty /> : <Skeleton active />}
      </Section>

      <Row gutter={[24, 0]}>
        <Col xs={24} lg={12}>
          <Section
            title={t('openPortal.home.latest')}
            more={more('/open/datasets?sort=modified', t('openPortal.home.allDatasets'))}
          >
            {s ? (
              <Flex vertical gap={8} data-testid="portal-latest">
                {s.latest.map((d) => (
                  <DatasetCard key={d.name} d={d} compact />
                ))}
              </Flex>
            ) : (
              <Skeleton active />
            )}
          </Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section
            title={t('openPortal.home.popular')}
            more={more('/open/organizations', t('openPortal.home.allOrgs'))}
          >
            {s ? (
              s.popular.length ? (
                <Flex vertical gap={8} data-testid="portal-popular">
                  {s.popular.map((d) => (
                    <DatasetCard key={d.name} d={d} compact />
                  ))}
                </Flex>
              ) : (
                <Empty description={t('openPortal.home.popularEmpty')} />
              )
            ) : (
              <Skeleton active />
            )}
          </Section>
        </Col>
      </Row>

      <Section title={t('openPortal.home.developers')}>
        <Typography.Paragraph type="secondary" copyable={false}>
          {t('openPortal.home.developersText')}
        </Typography.Paragraph>
      </Section>
    </div>
  );
};

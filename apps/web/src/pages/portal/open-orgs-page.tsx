import { BankOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Input, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrgCounts } from '../../modules/portal-open/org-counts';
import { useOrganizations } from '../../modules/portal-open/portal-api';
import { PageTitle } from '../../ui/page-title';

/** The organisations that publish open data (unconditionally or on conditions), most datasets first. */
export const OpenOrgsPage = () => {
  const { t } = useTranslation();
  const orgs = useOrganizations();
  const [filter, setFilter] = useState('');
  const f = filter.trim().toLowerCase();
  const shown = (orgs.data ?? []).filter(
    (o) => !f || o.title.toLowerCase().includes(f) || (o.titleEn ?? '').toLowerCase().includes(f),
  );
  return (
    <div style={{ maxWidth: 1280, marginInline: 'auto' }}>
      <PageTitle title={t('openPortal.orgs.title')} />
      <Typography.Paragraph type="secondary">{t('openPortal.orgs.intro')}</Typography.Paragraph>
      <Input.Search
        allowClear
        aria-label={t('openPortal.orgs.filter')}
        placeholder={t('openPortal.orgs.filter')}
        style={{ maxWidth: 360, marginBottom: 16 }}
        onChange={(e) => setFilter(e.target.value)}
      />
      {orgs.error ? (
        <Alert type="error" showIcon title={orgs.error.message} />
      ) : !orgs.data ? (
        <Skeleton active />
      ) : shown.length === 0 ? (
        <Empty description={t('openPortal.orgs.empty')} />
      ) : (
        <Row gutter={[12, 12]} data-testid="portal-orgs">
          {shown.map((o) => (
            <Col key={o.id} xs={24} sm={12} lg={8} xl={6}>
              <Link to={`/open/organizations/${o.name}`} data-testid={`portal-org-${o.name}`}>
                <Card size="small" hoverable style={{ height: '100%' }}>
                  <Card.Meta
                    avatar={<BankOutlined aria-hidden style={{ fontSize: 24, color: '#1d5fbf' }} />}
                    title={o.title}
                    description={
                      <>
                        {o.titleEn && <div style={{ fontSize: 12 }}>{o.titleEn}</div>}
                        <OrgCounts org={o} />
                      </>
                    }
                  />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
};

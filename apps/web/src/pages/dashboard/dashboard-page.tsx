import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { createElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasAnyRole, useMe } from '../../app/auth';
import { navItems } from '../../app/nav';
import { RoleTags } from '../../modules/auth/roles';
import { PageTitle } from '../../ui/page-title';

export const DashboardPage = () => {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return null;
  const shortcuts = navItems.filter((item) => item.path !== '/workspace' && hasAnyRole(me, item.roles));
  return (
    <>
      <PageTitle title={t('dashboard.welcome', { name: me.user.displayName })} />
      <Typography.Paragraph type="secondary">{t('dashboard.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card>
            <Descriptions
              column={1}
              data-testid="dashboard-profile"
              items={[
                { key: 'username', label: t('dashboard.username'), children: me.user.username },
                { key: 'org', label: t('dashboard.org'), children: me.org.name },
                { key: 'roles', label: t('dashboard.roles'), children: <RoleTags roles={me.roles} /> },
                { key: 'area', label: t('dashboard.area'), children: `${me.areaName} (${me.areaCode})` },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('dashboard.shortcuts')}>
            <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none', display: 'grid', gap: 8 }}>
              {shortcuts.map((item) => (
                <li key={item.key}>
                  <Link to={item.path}>
                    {createElement(item.icon, { 'aria-hidden': true })} {t(item.labelKey)}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        </Col>
      </Row>
    </>
  );
};

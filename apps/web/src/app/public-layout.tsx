import { CloudDownloadOutlined, DatabaseOutlined, IdcardOutlined, LoginOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Brand } from '../ui/brand';
import { DemoBadge } from '../ui/demo-badge';
import { LangSwitch } from '../ui/lang-switch';
import { useMe } from './auth';
import { useMeta } from './meta';

/** Frame of the pages anyone may open: portal, public area browser, login. */
export const PublicLayout = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { data: me } = useMe();
  const { data: meta } = useMeta();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
          paddingInline: 'clamp(12px, 4vw, 48px)',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Flex align="center" justify="space-between" gap={12} style={{ height: '100%' }}>
          <Flex align="center" gap={12} style={{ minWidth: 0 }}>
            <Brand />
            <DemoBadge />
          </Flex>
          <nav aria-label={t('nav.menu')}>
            <Flex align="center" gap={8} wrap={false}>
              <Link
                to="/open"
                style={{ whiteSpace: 'nowrap' }}
                aria-label={t('openPortal.nav')}
                data-testid="portal-open-link"
              >
                <CloudDownloadOutlined aria-hidden />{' '}
                <span className="sz-hide-narrow">{t('openPortal.nav')}</span>
              </Link>
              <Link
                to="/catalog"
                style={{ whiteSpace: 'nowrap' }}
                aria-label={t('nav.openCatalog')}
                data-testid="portal-catalog-link"
              >
                <DatabaseOutlined aria-hidden />{' '}
                <span className="sz-hide-narrow">{t('nav.openCatalog')}</span>
              </Link>
              <Link to="/open/requests" style={{ whiteSpace: 'nowrap' }} data-testid="portal-requests-link">
                {t('nav.dataRequests')}
              </Link>
              <Link to="/areas" style={{ whiteSpace: 'nowrap' }}>
                {t('nav.areas')}
              </Link>
              <Link to="/open/keys" style={{ whiteSpace: 'nowrap' }} data-testid="portal-keys-link">
                {t('openAccess.nav.keys')}
              </Link>
              <Link
                to="/my-data"
                style={{ whiteSpace: 'nowrap' }}
                aria-label={t('myData.nav')}
                data-testid="portal-mydata-link"
              >
                <IdcardOutlined aria-hidden /> <span className="sz-hide-narrow">{t('myData.nav')}</span>
              </Link>
              <LangSwitch ghost />
              {me ? (
                <Button type="primary" onClick={() => navigate('/workspace')}>
                  {t('header.workspace')}
                </Button>
              ) : pathname === '/login' ? null : (
                <Button
                  type="primary"
                  icon={<LoginOutlined aria-hidden />}
                  onClick={() => navigate('/login')}
                >
                  {t('header.login')}
                </Button>
              )}
            </Flex>
          </nav>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 'clamp(12px, 3vw, 32px) clamp(12px, 4vw, 48px)' }}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">
          {t('app.name')} · {t('app.tagline')}
          {meta ? ` · v${meta.version}` : ''}
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
};

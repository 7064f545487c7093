import { Grid, Layout, Menu } from 'antd';
import { createElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { Brand } from '../ui/brand';
import { hasAnyRole, useMe } from './auth';
import { activeNavKey, navItems } from './nav';
import { WorkspaceHeader } from './workspace-header';

/** Staff frame: side menu from the nav registry, header with user, organisation and language. */
export const WorkspaceLayout = () => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data: me } = useMe();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);

  useEffect(() => {
    if (screens.lg !== undefined) setCollapsed(!screens.lg);
  }, [screens.lg]);

  const items = navItems
    .filter((item) => hasAnyRole(me, item.roles))
    .map((item) => ({
      key: item.key,
      icon: createElement(item.icon, { 'aria-hidden': true }),
      label: <Link to={item.path}>{t(item.labelKey)}</Link>,
      onClick: () => {
        if (narrow) setCollapsed(true);
      },
    }));
  const selected = activeNavKey(pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        trigger={null}
        collapsed={collapsed}
        collapsedWidth={narrow ? 0 : 64}
        width={208}
        style={
          narrow && !collapsed
            ? { position: 'fixed', insetBlock: 0, insetInlineStart: 0, zIndex: 20, overflow: 'auto' }
            : { overflow: 'auto' }
        }
      >
        <div
          style={{
            height: 64,
            display: 'flex',
            alignItems: 'center',
            overflow: 'hidden',
            paddingInline: collapsed ? 12 : 24,
          }}
        >
          <Brand to="/workspace" dark />
        </div>
        <nav aria-label={t('nav.menu')}>
          <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} items={items} />
        </nav>
      </Layout.Sider>
      <Layout>
        <WorkspaceHeader collapsed={collapsed} onToggle={() => setCollapsed((c) => !c)} />
        <Layout.Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
};

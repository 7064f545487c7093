import {
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Flex, Layout, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DemoBadge } from '../ui/demo-badge';
import { LangSwitch } from '../ui/lang-switch';
import { useShowError } from './api-errors';
import { useLogout, useMe } from './auth';
import { PASSWORD_PATH } from './guards';
import { OrgSwitcher } from './org-switcher';

type Props = { collapsed: boolean; onToggle: () => void };

export const WorkspaceHeader = ({ collapsed, onToggle }: Props) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const logout = useLogout();
  const showError = useShowError();
  const onLogout = () =>
    logout.mutate(undefined, {
      onSuccess: () => navigate('/login', { replace: true }),
      onError: (err) => showError(err),
    });
  return (
    <Layout.Header
      style={{
        background: '#fff',
        borderBottom: '1px solid #f0f0f0',
        paddingInline: 12,
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      <Flex align="center" justify="space-between" gap={8} style={{ height: '100%' }}>
        <Flex align="center" gap={8}>
          <Button
            type="text"
            aria-label={t('nav.toggleMenu')}
            aria-expanded={!collapsed}
            icon={collapsed ? <MenuUnfoldOutlined aria-hidden /> : <MenuFoldOutlined aria-hidden />}
            onClick={onToggle}
          />
          <DemoBadge />
        </Flex>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <OrgSwitcher />
          {me && (
            <Typography.Text ellipsis style={{ maxWidth: 160 }} data-testid="current-user">
              <UserOutlined aria-hidden /> <span className="sz-hide-narrow">{me.user.displayName}</span>
            </Typography.Text>
          )}
          <Tooltip title={t('header.changePassword')}>
            <Button
              type="text"
              aria-label={t('header.changePassword')}
              icon={<KeyOutlined aria-hidden />}
              onClick={() => navigate(PASSWORD_PATH)}
            />
          </Tooltip>
          <LangSwitch ghost />
          <Tooltip title={t('header.logout')}>
            <Button
              data-testid="logout"
              type="text"
              aria-label={t('header.logout')}
              icon={<LogoutOutlined aria-hidden />}
              loading={logout.isPending}
              onClick={onLogout}
            />
          </Tooltip>
        </Flex>
      </Flex>
    </Layout.Header>
  );
};

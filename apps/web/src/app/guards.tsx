import type { Role } from '@shuzhi/contracts';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { hasAnyRole, useMe } from './auth';
import { PageSpinner } from './lazy-page';

export const PASSWORD_PATH = '/workspace/password';

/** Lets only signed-in users through; a forced password change comes before anything else. */
export const RequireAuth = ({ children }: { children: ReactNode }) => {
  const { data: me, isPending, isError, error } = useMe();
  const location = useLocation();
  if (isPending) return <PageSpinner />;
  if (isError) return <Result status="error" title={error.message} />;
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.mustChangePassword && location.pathname !== PASSWORD_PATH) {
    return <Navigate to={PASSWORD_PATH} replace />;
  }
  return children;
};

/** Shows a 403 page to actors lacking every one of the roles. */
export const RequireRole = ({ roles, children }: { roles: Role[]; children: ReactNode }) => {
  const { data: me } = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (hasAnyRole(me, roles)) return children;
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('app.forbidden')}
      extra={
        <Button type="primary" onClick={() => navigate('/workspace')}>
          {t('nav.dashboard')}
        </Button>
      }
    />
  );
};

import type { LoginBody } from '@shuzhi/contracts';
import { Card, Col, Form, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../app/auth';
import { PASSWORD_PATH } from '../../app/guards';
import { useMeta } from '../../app/meta';
import { DemoAccounts } from '../../modules/auth/demo-accounts';
import { LoginForm } from '../../modules/auth/login-form';

/** Only same-site workspace paths are followed after login. */
const safeNext = (next: string | null) => (next?.startsWith('/workspace') ? next : '/workspace');

export const LoginPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<LoginBody>();
  const { data: meta } = useMeta();
  const { data: me } = useMe();
  const next = safeNext(params.get('next'));
  if (me) return <Navigate to={me.mustChangePassword ? PASSWORD_PATH : next} replace />;
  const demo = meta?.demo && meta.demoAccounts.length > 0;
  return (
    <Row justify="center" gutter={[24, 24]} style={{ marginTop: 24 }}>
      <Col xs={24} sm={20} md={12} lg={9} xl={8}>
        <Card>
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <LoginForm
            form={form}
            onSuccess={(mustChange) => navigate(mustChange ? PASSWORD_PATH : next, { replace: true })}
          />
        </Card>
      </Col>
      {demo && (
        <Col xs={24} sm={20} md={12} lg={9} xl={8}>
          <DemoAccounts
            accounts={meta.demoAccounts}
            onPick={(account) =>
              form.setFieldsValue({ username: account.username, password: account.password })
            }
          />
        </Col>
      )}
    </Row>
  );
};

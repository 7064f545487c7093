import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { PageSpinner } from '../../app/lazy-page';
import { MyDataLoginForm } from '../../modules/mydata/login-form';
import { useMyDataMe } from '../../modules/mydata/mydata-api';

/** 我的数据 · 登录: a citizen or an enterprise's representative proves who they are by SMS code. */
export const MyDataLoginPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me, isPending } = useMyDataMe();
  if (isPending) return <PageSpinner />;
  if (me) return <Navigate to="/my-data" replace />;
  return (
    <Row justify="center" style={{ marginTop: 24 }}>
      <Col xs={24} sm={20} md={14} lg={10} xl={8}>
        <Card data-testid="mydata-login">
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
            {t('myData.login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('myData.login.intro')}</Typography.Paragraph>
          <MyDataLoginForm onSignedIn={() => navigate('/my-data', { replace: true })} />
        </Card>
      </Col>
    </Row>
  );
};

import { Alert, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/auth';
import { ChangePasswordForm } from '../../modules/auth/change-password-form';
import { PageTitle } from '../../ui/page-title';

export const PasswordPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  return (
    <>
      <PageTitle title={t('password.title')} />
      {me?.mustChangePassword && (
        <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <ChangePasswordForm onDone={() => navigate('/workspace', { replace: true })} />
      </Card>
    </>
  );
};

import { Alert, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../app/auth';
import { PsiCreateForm, PsiSessionTable } from '../../modules/privacy/psi-sessions';
import { PageTitle } from '../../ui/page-title';

/** /workspace/privacy — private set intersection sessions with other departments. */
export const PsiPage = () => {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <div data-testid="psi-page">
      <PageTitle title={t('privacy.psi.title')} />
      <Flex vertical gap={16}>
        <Alert type="info" showIcon title={t('privacy.psi.intro')} />
        {hasAnyRole(me, ['data_officer']) && <PsiCreateForm />}
        <PsiSessionTable />
      </Flex>
    </div>
  );
};

import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../app/auth';
import { AreaBrowser } from '../../modules/areas/area-browser';
import { PageTitle } from '../../ui/page-title';

export const AreasPage = () => {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <>
      <PageTitle title={t('areas.title')} />
      <AreaBrowser canCreateGrid={hasAnyRole(me, ['platform_admin', 'commander'])} />
    </>
  );
};

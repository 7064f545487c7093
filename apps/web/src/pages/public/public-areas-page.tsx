import { useTranslation } from 'react-i18next';
import { AreaBrowser } from '../../modules/areas/area-browser';
import { PageTitle } from '../../ui/page-title';

export const PublicAreasPage = () => {
  const { t } = useTranslation();
  return (
    <div style={{ maxWidth: 1200, marginInline: 'auto' }}>
      <PageTitle title={t('areas.title')} />
      <AreaBrowser canCreateGrid={false} />
    </div>
  );
};

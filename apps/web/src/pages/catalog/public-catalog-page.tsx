import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CatalogBrowser } from '../../modules/catalog/catalog-browser';
import { PageTitle } from '../../ui/page-title';

/** The open catalog for everyone, signed in or not. */
export const PublicCatalogPage = () => {
  const { t } = useTranslation();
  return (
    <div style={{ maxWidth: 1400, marginInline: 'auto' }}>
      <PageTitle title={t('catalog.publicTitle')} />
      <Typography.Paragraph type="secondary">{t('catalog.publicIntro')}</Typography.Paragraph>
      <CatalogBrowser publicView />
    </div>
  );
};

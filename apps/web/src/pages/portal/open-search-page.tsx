import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DatasetSearch } from '../../modules/portal-open/dataset-search';
import { PageTitle } from '../../ui/page-title';

/** Every open dataset, searched and filtered, with the state in the address. */
export const OpenSearchPage = () => {
  const { t } = useTranslation();
  return (
    <div style={{ maxWidth: 1400, marginInline: 'auto' }}>
      <PageTitle title={t('openPortal.search.title')} />
      <Typography.Paragraph type="secondary">{t('openPortal.home.intro')}</Typography.Paragraph>
      <DatasetSearch />
    </div>
  );
};

import { ClusterOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/auth';
import { CatalogBrowser } from '../../modules/catalog/catalog-browser';
import { canCreateDataset } from '../../modules/catalog/catalog-policy';
import { ExportButtons, ImportButton } from '../../modules/catalog/import-export';
import { PageTitle } from '../../ui/page-title';

export const CatalogPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const maintainer = canCreateDataset(me);
  return (
    <>
      <PageTitle
        title={t('catalog.title')}
        extra={
          <>
            <Button
              icon={<ClusterOutlined aria-hidden />}
              onClick={() => navigate('/workspace/catalog/elements')}
              data-testid="catalog-elements-link"
            >
              {t('catalog.elements.link')}
            </Button>
            {maintainer && (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => navigate('/workspace/catalog/new')}
                data-testid="catalog-create"
              >
                {t('catalog.create')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <CatalogBrowser
          toolbar={(view) => (
            <>
              <ExportButtons view={view} />
              {maintainer && <ImportButton />}
            </>
          )}
        />
      </Card>
    </>
  );
};

import { Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../../app/auth';
import { useDataset } from '../../modules/catalog/catalog-api';
import { canCreateDataset, canEditDataset } from '../../modules/catalog/catalog-policy';
import { DatasetForm } from '../../modules/catalog/dataset-form';
import { PageTitle } from '../../ui/page-title';

/** `/workspace/catalog/new` and `/workspace/catalog/:id/edit`. */
export const DatasetEditPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const { data: me } = useMe();
  const { data: dataset, isPending, error } = useDataset(id);
  if (id && isPending) return <Skeleton active />;
  if (id && error) return <Result status="error" title={error.message} />;
  const allowed = dataset ? canEditDataset(me, dataset) : canCreateDataset(me);
  if (!allowed) return <Result status="403" title="403" subTitle={t('app.forbidden')} />;
  return (
    <div data-testid="dataset-edit-page">
      <PageTitle
        title={dataset ? t('catalog.editTitle', { name: dataset.name }) : t('catalog.createTitle')}
      />
      <DatasetForm
        dataset={dataset}
        onDone={(saved) => navigate(`/workspace/catalog/${saved.id}`)}
        onCancel={() => navigate(dataset ? `/workspace/catalog/${dataset.id}` : '/workspace/catalog')}
      />
    </div>
  );
};

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Result, Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { useDataset } from '../../modules/catalog/catalog-api';
import { DpPanel } from '../../modules/privacy/dp-panel';
import { KanonPanel } from '../../modules/privacy/kanon-panel';
import { usePrivacySettings } from '../../modules/privacy/privacy-api';
import { PageTitle } from '../../ui/page-title';

/** /workspace/catalog/:id/privacy — k-anonymity before opening, and differentially private statistics. */
export const DatasetPrivacyPage = () => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const { data: dataset, isPending, error } = useDataset(id);
  const settings = usePrivacySettings(id);
  const back = (
    <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(`/workspace/catalog/${id}`)}>
      {t('privacy.back')}
    </Button>
  );
  if (isPending || settings.isPending) return <Skeleton active />;
  const failure = error ?? settings.error;
  if (failure) {
    const forbidden = isApiError(failure) && failure.status === 403;
    return (
      <Result
        status={forbidden ? '403' : '404'}
        title={forbidden ? t('privacy.forbidden') : failure.message}
        extra={back}
      />
    );
  }
  if (!dataset) return null;
  const name = i18n.language === 'en' && dataset.nameEn ? dataset.nameEn : dataset.name;
  return (
    <div data-testid="privacy-page">
      <PageTitle title={`${t('privacy.title')} · ${name}`} extra={back} />
      <Tabs
        items={[
          { key: 'kanon', label: t('privacy.tabs.kanon'), children: <KanonPanel dataset={dataset} /> },
          { key: 'dp', label: t('privacy.tabs.dp'), children: <DpPanel dataset={dataset} /> },
        ]}
      />
    </div>
  );
};

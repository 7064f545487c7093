import { ArrowLeftOutlined, LockOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { useMe } from '../../app/auth';
import { useDataset } from '../../modules/catalog/catalog-api';
import { StatusTag } from '../../modules/catalog/catalog-labels';
import { DatasetActions } from '../../modules/catalog/dataset-actions';
import { DatasetMeta } from '../../modules/catalog/dataset-meta';
import { FieldTable } from '../../modules/catalog/field-table';
import { VersionTimeline } from '../../modules/catalog/version-timeline';
import { canSeeClassification } from '../../modules/classify/classify-policy';
import { ImportCard } from '../../modules/ingest/import-card';
import { ImportHistoryCard } from '../../modules/ingest/import-history';
import { canManagePrivacy } from '../../modules/privacy/privacy-policy';
import { DatasetQualityActions } from '../../modules/quality/dataset-quality-actions';
import { ShareButton } from '../../modules/sharing';
import { PageTitle } from '../../ui/page-title';

export const DatasetPage = () => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const { data: dataset, isPending, error } = useDataset(id);
  const { data: me } = useMe();
  const back = (
    <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate('/workspace/catalog')}>
      {t('catalog.back')}
    </Button>
  );
  if (isPending) return <Skeleton active />;
  if (error) {
    const missing =
      isApiError(error) && (error.status === 404 || error.status === 403 || error.status === 400);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('catalog.notFound') : error.message}
        extra={back}
      />
    );
  }
  const title = i18n.language === 'en' && dataset.nameEn ? dataset.nameEn : dataset.name;
  const rejected = dataset.status === 'draft' && !!dataset.reviewComment;
  return (
    <div data-testid="dataset-page">
      <PageTitle
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="dataset-title">{title}</span>
            <StatusTag status={dataset.status} />
          </Flex>
        }
        extra={
          <>
            {back}
            {canSeeClassification(me, dataset) && (
              <Button
                icon={<SafetyCertificateOutlined aria-hidden />}
                data-testid="dataset-classify"
                onClick={() => navigate(`/workspace/catalog/${dataset.id}/classification`)}
              >
                {t('classify.open')}
              </Button>
            )}
            {canManagePrivacy(me, dataset) && (
              <Button
                icon={<LockOutlined aria-hidden />}
                data-testid="dataset-privacy"
                onClick={() => navigate(`/workspace/catalog/${dataset.id}/privacy`)}
              >
                {t('privacy.open')}
              </Button>
            )}
            <DatasetQualityActions dataset={dataset} />
            <ShareButton dataset={dataset} />
            <DatasetActions dataset={dataset} />
          </>
        }
      />
      <Flex vertical gap={16}>
        {rejected && (
          <Alert
            type="warning"
            showIcon
            data-testid="dataset-review-comment-alert"
            title={t('catalog.rejected')}
            description={`${t('catalog.reviewComment')}: ${dataset.reviewComment}`}
          />
        )}
        <Card title={t('catalog.metadata')}>
          <DatasetMeta dataset={dataset} />
        </Card>
        <Card
          title={t('catalog.fields')}
          extra={
            <Typography.Text type="secondary">
              {t('catalog.fieldCount', { count: dataset.fields.length })}
            </Typography.Text>
          }
        >
          <FieldTable fields={dataset.fields} />
        </Card>
        <ImportCard dataset={dataset} />
        <ImportHistoryCard dataset={dataset} />
        <Card title={t('catalog.history')}>
          <VersionTimeline datasetId={dataset.id} />
        </Card>
      </Flex>
    </div>
  );
};

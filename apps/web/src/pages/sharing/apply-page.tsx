import { Alert, Card, Flex, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../app/auth';
import { ShareDatasetCard } from '../../modules/sharing/dataset-card';
import { RequestForm } from '../../modules/sharing/request-form';
import { useShareApps, useShareableDataset } from '../../modules/sharing/sharing-api';
import { PageTitle } from '../../ui/page-title';

/** 共享申请: a department asks for another department's dataset (`/workspace/sharing/apply/{code}`). */
export const ShareApplyPage = () => {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const dataset = useShareableDataset(code);
  const apps = useShareApps();
  const { data: me } = useMe();
  const back = <Link to="/workspace/sharing/requests">{t('sharing.detail.back')}</Link>;
  if (dataset.error)
    return (
      <Result
        status="404"
        title={t('sharing.apply.notFound')}
        subTitle={dataset.error.message}
        extra={back}
      />
    );
  return (
    <>
      <PageTitle title={t('sharing.apply.title')} extra={back} />
      {dataset.isPending || !dataset.data ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <ShareDatasetCard dataset={dataset.data} />
          <Card>
            {me?.org.id === dataset.data.ownerOrgId ? (
              <Alert type="info" showIcon title={t('sharing.apply.ownOrg')} />
            ) : apps.error ? (
              <Result status="error" title={apps.error.message} />
            ) : apps.isPending ? (
              <Skeleton active />
            ) : (
              <RequestForm dataset={dataset.data} apps={apps.data.items} />
            )}
          </Card>
        </Flex>
      )}
    </>
  );
};

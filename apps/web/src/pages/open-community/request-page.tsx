import { Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { useRequest } from '../../modules/open-community/community-api';
import { RequestDetail } from '../../modules/open-community/request-detail';
import { PageTitle } from '../../ui/page-title';

/** One data request and its answer, as everyone sees it. */
export const RequestPage = () => {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data, isPending, error } = useRequest(id);
  const back = <Link to="/open/requests">← {t('openCommunity.requests.backToList')}</Link>;
  if (error)
    return (
      <Result
        status={isApiError(error) && (error.status === 404 || error.status === 400) ? '404' : 'error'}
        title={
          isApiError(error) && error.status === 404 ? t('openCommunity.requests.notFound') : error.message
        }
        extra={back}
      />
    );
  return (
    <div style={{ maxWidth: 1100, marginInline: 'auto' }}>
      {back}
      {isPending || !data ? (
        <Skeleton active />
      ) : (
        <>
          <PageTitle title={<span data-testid="request-page-title">{data.title}</span>} />
          <RequestDetail request={data} />
        </>
      )}
    </div>
  );
};

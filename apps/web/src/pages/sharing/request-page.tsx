import { Flex, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { RequestActions } from '../../modules/sharing/request-actions';
import { RequestFacts, RequestThread } from '../../modules/sharing/request-facts';
import { useShareRequest } from '../../modules/sharing/sharing-api';
import { OverdueTag, RequestStatusTag } from '../../modules/sharing/sharing-labels';
import { PageTitle } from '../../ui/page-title';

/** One sharing request: its facts, the questions and answers, and the actions of whoever may act. */
export const ShareRequestPage = () => {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data: r, isPending, error } = useShareRequest(id);
  const back = <Link to="/workspace/sharing/requests">← {t('sharing.detail.back')}</Link>;
  if (error) {
    const missing = isApiError(error) && [400, 403, 404].includes(error.status);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('sharing.detail.notFound') : error.message}
        extra={back}
      />
    );
  }
  if (isPending || !r) return <Skeleton active />;
  return (
    <div data-testid="share-request-page">
      {back}
      <PageTitle
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="share-request-title">
              {t('sharing.detail.title')} · {r.datasetName}
            </span>
            <RequestStatusTag status={r.status} />
            <OverdueTag request={r} />
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        <RequestActions request={r} />
        <RequestFacts request={r} />
        <RequestThread request={r} />
      </Flex>
    </div>
  );
};

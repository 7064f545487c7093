import { ClockCircleOutlined } from '@ant-design/icons';
import type { DataRequest } from '@shuzhi/contracts';
import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR = {
  submitted: 'default',
  assigned: 'processing',
  answered: 'success',
  rejected: 'error',
} as const;
const OUTCOME_COLOR = { will_open: 'blue', already_open: 'green', cannot_open: 'orange' } as const;

/** The request's status, its outcome once answered, and the overdue or late flags. */
export const RequestStatusTags = ({ request }: { request: DataRequest }) => {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap data-testid="request-status">
      <Tag color={STATUS_COLOR[request.status]}>{t(`openCommunity.requests.statuses.${request.status}`)}</Tag>
      {request.outcome && (
        <Tag color={OUTCOME_COLOR[request.outcome]}>
          {t(`openCommunity.requests.outcomes.${request.outcome}`)}
        </Tag>
      )}
      {request.overdue && (
        <Tag color="red" icon={<ClockCircleOutlined aria-hidden />}>
          {t('openCommunity.requests.overdue')}
        </Tag>
      )}
      {request.answeredLate && <Tag color="warning">{t('openCommunity.requests.answeredLate')}</Tag>}
    </Flex>
  );
};

import type { GrantStatus, ShareRequest, ShareRequestStatus } from '@shuzhi/contracts';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const REQUEST_COLOR: Record<ShareRequestStatus, string> = {
  pending: 'processing',
  more_info: 'warning',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

const GRANT_COLOR: Record<GrantStatus, string> = {
  active: 'success',
  not_started: 'processing',
  expired: 'default',
  revoked: 'error',
};

export const RequestStatusTag = ({ status }: { status: ShareRequestStatus }) => {
  const { t } = useTranslation();
  return (
    <Tag color={REQUEST_COLOR[status]} data-testid="share-request-status">
      {t(`sharing.common.statuses.${status}`)}
    </Tag>
  );
};

/** 已超期: pending past the deadline, escalated to the platform. */
export const OverdueTag = ({ request }: { request: Pick<ShareRequest, 'overdue'> }) => {
  const { t } = useTranslation();
  if (!request.overdue) return null;
  return (
    <Tooltip title={t('sharing.common.overdueHint')}>
      <Tag color="red" data-testid="share-request-overdue">
        {t('sharing.common.overdue')}
      </Tag>
    </Tooltip>
  );
};

export const GrantStatusTag = ({ status }: { status: GrantStatus }) => {
  const { t } = useTranslation();
  return (
    <Tag color={GRANT_COLOR[status]} data-testid="share-grant-status">
      {t(`sharing.common.grantStatuses.${status}`)}
    </Tag>
  );
};

/** The deadline and, when passed without a decision, the red tag. */
export const Deadline = ({ request }: { request: Pick<ShareRequest, 'deadline' | 'overdue'> }) => (
  <Flex gap={4} wrap align="center">
    <span>{request.deadline}</span>
    <OverdueTag request={request} />
  </Flex>
);

/** A dataset as name and code. */
export const DatasetName = ({ name, code }: { name: string; code: string }) => (
  <span>
    {name} <Typography.Text code>{code}</Typography.Text>
  </span>
);

export const FieldTags = ({ fields }: { fields: { name: string; title: string }[] }) => (
  <Flex gap={4} wrap>
    {fields.map((f) => (
      <Tag key={f.name} title={f.name}>
        {f.title}
      </Tag>
    ))}
  </Flex>
);

/** "330102 · district" or "any area". */
export const AreaText = ({ field, code }: { field: string | null; code: string | null }) => {
  const { t } = useTranslation();
  if (!field || !code) return <>{t('sharing.common.noArea')}</>;
  return (
    <span>
      <Typography.Text code>{field}</Typography.Text> ∈ {code}
    </span>
  );
};

import type { Application } from '@shuzhi/contracts';
import { Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';

const STATUS_COLOR: Record<Application['status'], string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export const StatusTag = ({ a }: { a: Application }) => {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[a.status]} data-testid="application-status">
      {t(`openAccess.applications.statuses.${a.status}`)}
    </Tag>
  );
};

/** The deadline, flagged when passed without a decision or decided after it. */
export const Deadline = ({ a }: { a: Application }) => {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap align="center">
      <span>{a.deadline}</span>
      {a.overdue && (
        <Tag color="red" data-testid="application-overdue">
          {t('openAccess.applications.overdue')}
        </Tag>
      )}
      {a.decidedLate && <Tag color="orange">{t('openAccess.applications.decidedLate')}</Tag>}
    </Flex>
  );
};

const fieldList = (fields: { name: string; title: string }[]) =>
  fields.map((f) => `${f.title} (${f.name})`).join('、');

/** What was asked for, what was decided, and why. */
export const ApplicationDetails = ({ a }: { a: Application }) => {
  const { t } = useTranslation();
  const items = [
    { key: 'purpose', label: t('openAccess.applications.purpose'), children: a.purpose },
    {
      key: 'requested',
      label: t('openAccess.applications.requested'),
      children: (
        <Flex vertical>
          <span>{fieldList(a.fields)}</span>
          <Typography.Text type="secondary">
            {a.periodStart} ~ {a.periodEnd}
          </Typography.Text>
        </Flex>
      ),
    },
  ];
  if (a.status === 'approved' && a.approvedFields)
    items.push({
      key: 'approved',
      label: t('openAccess.applications.approved'),
      children: (
        <Flex vertical data-testid="application-approved">
          <span>{fieldList(a.approvedFields)}</span>
          <Typography.Text type="secondary">
            {a.approvedStart} ~ {a.approvedEnd}
          </Typography.Text>
        </Flex>
      ),
    });
  if (a.decisionNote)
    items.push({
      key: 'note',
      label:
        a.status === 'rejected' ? t('openAccess.applications.reason') : t('openAccess.applications.note'),
      children: <span data-testid="application-note">{a.decisionNote}</span>,
    });
  if (a.decidedAt)
    items.push({
      key: 'decided',
      label: t('openAccess.applications.decidedBy'),
      children: `${a.decidedByName ?? '—'} · ${formatDateTime(a.decidedAt)}`,
    });
  return <Descriptions size="small" column={1} bordered items={items} />;
};

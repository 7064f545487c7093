import type { ShareRequest } from '@shuzhi/contracts';
import { Card, Descriptions, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth';
import { formatDateTime } from '../../ui/format';
import { AreaText, DatasetName, Deadline, FieldTags, RequestStatusTag } from './sharing-labels';

/** Everything asked for, by whom, of whom, and what was decided. */
export const RequestFacts = ({ request: r }: { request: ShareRequest }) => {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const side =
    me?.org.id === r.consumerOrgId ? 'consumer' : me?.org.id === r.ownerOrgId ? 'owner' : 'platform';
  const items = [
    {
      key: 'dataset',
      label: t('sharing.common.dataset'),
      children: <DatasetName name={r.datasetName} code={r.datasetCode} />,
    },
    {
      key: 'status',
      label: t('sharing.common.status'),
      children: <RequestStatusTag status={r.status} />,
    },
    { key: 'owner', label: t('sharing.common.owner'), children: r.ownerOrgName },
    { key: 'consumer', label: t('sharing.common.consumer'), children: r.consumerOrgName },
    {
      key: 'approver',
      label: t('sharing.common.approver'),
      children: `${t(`sharing.common.shareTypes.${r.shareType}`)} · ${t(`sharing.common.approvers.${r.approver}`)}`,
    },
    {
      key: 'app',
      label: t('sharing.common.app'),
      children: (
        <span>
          {r.app.name} <Typography.Text code>{r.app.clientId}</Typography.Text>
        </span>
      ),
    },
    { key: 'fields', label: t('sharing.common.fields'), span: 2, children: <FieldTags fields={r.fields} /> },
    {
      key: 'purpose',
      label: t('sharing.common.purpose'),
      span: 2,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.purpose}</span>,
    },
    {
      key: 'legal',
      label: t('sharing.common.legalBasis'),
      span: 2,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.legalBasis}</span>,
    },
    {
      key: 'consent',
      label: t('sharing.common.consentRequired'),
      span: 2,
      children: r.consentRequired ? t('sharing.common.yes') : t('sharing.common.no'),
    },
    { key: 'period', label: t('sharing.common.period'), children: `${r.periodStart} ~ ${r.periodEnd}` },
    {
      key: 'quota',
      label: t('sharing.common.dailyQuota'),
      children: `${r.dailyQuota.toLocaleString()} ${t('sharing.common.perDay')}`,
    },
    {
      key: 'area',
      label: t('sharing.common.area'),
      children: <AreaText field={r.areaField} code={r.areaCode} />,
    },
    {
      key: 'submitted',
      label: t('sharing.common.submittedBy'),
      children: `${r.submittedByName} · ${formatDateTime(r.submittedAt)}`,
    },
    { key: 'deadline', label: t('sharing.common.deadline'), children: <Deadline request={r} /> },
  ];
  if (r.decidedAt)
    items.push({
      key: 'decided',
      label: t('sharing.detail.decidedBy'),
      children: `${r.decidedByName ?? '—'} · ${formatDateTime(r.decidedAt)}`,
    });
  if (r.decisionNote)
    items.push({
      key: 'note',
      label: r.status === 'rejected' ? t('sharing.detail.reason') : t('sharing.detail.note'),
      span: 2,
      children: <span data-testid="share-decision-note">{r.decisionNote}</span>,
    });
  if (r.grantId)
    items.push({
      key: 'grant',
      label: t('sharing.detail.grant'),
      children: (
        <Link to={`/workspace/sharing/grants?side=${side}&grant=${r.grantId}`} data-testid="share-grant-link">
          {t('sharing.detail.openGrant')}
        </Link>
      ),
    });
  return (
    <Card title={t('sharing.detail.facts')}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={items}
        data-testid="share-request-facts"
      />
    </Card>
  );
};

/** The approver's questions and the requester's answers, oldest first. */
export const RequestThread = ({ request: r }: { request: ShareRequest }) => {
  const { t } = useTranslation();
  return (
    <Card title={t('sharing.detail.thread')} data-testid="share-thread">
      {r.messages.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sharing.detail.noMessages')} />
      ) : (
        <Timeline
          items={r.messages.map((m, i) => ({
            key: `${m.at}-${i}`,
            color: m.kind === 'ask' ? 'orange' : 'blue',
            content: (
              <Flex vertical gap={2}>
                <Flex gap={8} align="center" wrap>
                  <Tag color={m.kind === 'ask' ? 'orange' : 'blue'}>
                    {m.kind === 'ask' ? t('sharing.detail.asked') : t('sharing.detail.answered')}
                  </Tag>
                  <Typography.Text strong>{m.byName}</Typography.Text>
                  <Typography.Text type="secondary">{formatDateTime(m.at)}</Typography.Text>
                </Flex>
                <span style={{ whiteSpace: 'pre-wrap' }}>{m.text}</span>
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
};

import type { DataRequest } from '@shuzhi/contracts';
import { Card, Descriptions, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { RequestStatusTags } from './request-labels';

/** The portal's page of an open dataset: its CKAN name is the code in lower case, dots as dashes. */
export const datasetPath = (code: string) => `/open/datasets/${code.toLowerCase().replace(/\./g, '-')}`;

/** What was asked (without who asked or how to reach them) and the department's public answer. */
export const RequestDetail = ({ request: r }: { request: DataRequest }) => {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex vertical gap={12}>
          <RequestStatusTags request={r} />
          <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="request-detail">
            <Descriptions.Item label={t('openCommunity.requests.fields.description')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {r.description}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('openCommunity.requests.fields.wantedFields')} span={2}>
              {r.fields || none}
            </Descriptions.Item>
            <Descriptions.Item label={t('openCommunity.requests.fields.formats')}>
              {r.formats.length
                ? r.formats.map((f) => t(`openCommunity.requests.formats.${f}`)).join('、')
                : none}
            </Descriptions.Item>
            <Descriptions.Item label={t('openCommunity.requests.fields.purpose')}>
              {r.purpose}
            </Descriptions.Item>
            <Descriptions.Item label={t('openCommunity.requests.requester')}>
              {t(`openCommunity.requests.requesterKinds.${r.requesterKind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('openCommunity.requests.createdAt')}>
              {formatDateTime(r.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('openCommunity.requests.suggestedOrg')}>
              {r.suggestedOrg?.name ?? none}
            </Descriptions.Item>
            <Descriptions.Item label={t('openCommunity.requests.assignedOrg')}>
              {r.assignedOrg?.name ?? t('openCommunity.requests.unassigned')}
            </Descriptions.Item>
            <Descriptions.Item label={t('openCommunity.requests.deadline')}>{r.deadline}</Descriptions.Item>
            {r.rejectReason && (
              <Descriptions.Item label={t('openCommunity.requests.rejectReason')}>
                {r.rejectReason}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Flex>
      </Card>
      <Card title={t('openCommunity.requests.answer')} data-testid="request-answer">
        {r.outcome ? (
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('openCommunity.inbox.outcome')}>
              {t(`openCommunity.requests.outcomes.${r.outcome}`)}
            </Descriptions.Item>
            {r.reason && (
              <Descriptions.Item label={t('openCommunity.requests.reason')}>
                {t(`openCommunity.requests.reasons.${r.reason}`)}
              </Descriptions.Item>
            )}
            {r.datasetCode && (
              <Descriptions.Item label={t('openCommunity.requests.dataset')}>
                <Link to={datasetPath(r.datasetCode)} data-testid="request-dataset-link">
                  {r.datasetName ? `${r.datasetName}（${r.datasetCode}）` : r.datasetCode}
                </Link>
              </Descriptions.Item>
            )}
            {r.plannedDate && (
              <Descriptions.Item label={t('openCommunity.requests.plannedDate')}>
                {r.plannedDate}
              </Descriptions.Item>
            )}
            {r.answer && (
              <Descriptions.Item label={t('openCommunity.inbox.text')}>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="request-answer-text">
                  {r.answer}
                </Typography.Text>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('openCommunity.requests.answeredAt')}>
              {formatDateTime(r.answeredAt)} · {r.assignedOrg?.name}
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('openCommunity.requests.noAnswer')} />
        )}
      </Card>
    </Flex>
  );
};

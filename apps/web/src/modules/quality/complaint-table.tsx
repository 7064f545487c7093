import { CheckOutlined, EyeInvisibleOutlined, MessageOutlined } from '@ant-design/icons';
import type { Complaint } from '@shuzhi/contracts';
import { Button, Flex, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { ComplaintStatusTag } from './quality-labels';

type Props = {
  complaints: Complaint[];
  loading: boolean;
  /** Which side the reader is on: the owner's inbox shows who complained, "mine" whom it went to. */
  box: 'mine' | 'inbox';
  onAnswer: (c: Complaint) => void;
  onClose: (c: Complaint) => void;
};

/** Complaints with their record, deadline (working days), outcome and the actions the reader may take. */
export const ComplaintTable = ({ complaints, loading, box, onAnswer, onClose }: Props) => {
  const { t } = useTranslation();
  const columns: ColumnsType<Complaint> = [
    {
      key: 'dataset',
      title: t('quality.complaints.dataset'),
      render: (_, c) => (
        <Flex vertical>
          <Link to={`/workspace/catalog/${c.datasetId}`}>{c.datasetName}</Link>
          <Typography.Text type="secondary">
            {box === 'inbox'
              ? `${c.complainantName}${c.complainantOrgName ? ` · ${c.complainantOrgName}` : ''}`
              : c.ownerOrgName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'record',
      title: t('quality.complaints.record'),
      render: (_, c) => (
        <Flex vertical gap={2}>
          {c.recordKey ? (
            <Flex gap={4} align="center">
              <Typography.Text code data-testid="complaint-record">
                {Object.values(c.recordKey).join(' · ')}
              </Typography.Text>
              {c.keyMasked && (
                <Tooltip title={t('quality.complaints.maskedHint')}>
                  <EyeInvisibleOutlined aria-label={t('quality.problems.masked')} />
                </Tooltip>
              )}
            </Flex>
          ) : (
            <Typography.Text type="secondary">{t('quality.complaints.wholeDataset')}</Typography.Text>
          )}
          {c.fieldTitle && <Typography.Text type="secondary">{c.fieldTitle}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: 'text',
      title: t('quality.complaints.text'),
      render: (_, c) => (
        <Flex vertical gap={4} style={{ maxWidth: 360 }}>
          <Typography.Text data-testid="complaint-text">{c.text}</Typography.Text>
          {c.answer && (
            <Typography.Text type="success" data-testid="complaint-answer">
              <MessageOutlined aria-hidden /> {c.answer}
              <Typography.Text type="secondary">
                {' '}
                — {c.answeredBy} {formatDateTime(c.answeredAt)}
              </Typography.Text>
            </Typography.Text>
          )}
          {c.feedback && (
            <Typography.Text type="secondary">
              {t('quality.complaints.feedbackShown', { text: c.feedback })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('quality.complaints.status'),
      render: (_, c) => <ComplaintStatusTag complaint={c} />,
    },
    {
      key: 'deadline',
      title: t('quality.complaints.deadline'),
      render: (_, c) => (
        <Flex vertical>
          <span data-testid="complaint-deadline">{c.deadline}</span>
          <Typography.Text type="secondary">{formatDateTime(c.createdAt)}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, c) => (
        <Flex gap={4}>
          {c.canAnswer && (
            <Button
              size="small"
              type="primary"
              icon={<MessageOutlined aria-hidden />}
              onClick={() => onAnswer(c)}
              data-testid="complaint-answer-open"
            >
              {t('quality.complaints.answer')}
            </Button>
          )}
          {c.canClose && (
            <Button
              size="small"
              icon={<CheckOutlined aria-hidden />}
              onClick={() => onClose(c)}
              data-testid="complaint-close-open"
            >
              {t('quality.complaints.close')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];
  return (
    <Table<Complaint>
      data-testid={`complaints-${box}`}
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={complaints}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('quality.complaints.empty') }}
    />
  );
};

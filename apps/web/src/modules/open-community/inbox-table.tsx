import { ContactsOutlined, DeleteOutlined, MessageOutlined, SendOutlined } from '@ant-design/icons';
import type { DataRequest } from '@shuzhi/contracts';
import { Button, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { RequestStatusTags } from './request-labels';
import { useShowContact } from './request-modals';

type Props = {
  requests: DataRequest[];
  loading: boolean;
  onAssign: (r: DataRequest) => void;
  onAnswer: (r: DataRequest) => void;
  onReject: (r: DataRequest) => void;
};

/** The owner's inbox: what was asked, where it stands, the deadline, and the actions the reader may take. */
export const InboxTable = ({ requests, loading, onAssign, onAnswer, onReject }: Props) => {
  const { t } = useTranslation();
  const showContact = useShowContact();
  const columns: ColumnsType<DataRequest> = [
    {
      key: 'title',
      title: t('openCommunity.requests.fields.title'),
      render: (_, r) => (
        <Flex vertical gap={2} style={{ maxWidth: 420 }}>
          <Link to={`/open/requests/${r.id}`} data-testid="inbox-request-title">
            {r.title}
          </Link>
          <Typography.Text type="secondary" ellipsis>
            {r.description}
          </Typography.Text>
          {r.answer && (
            <Typography.Text type="success" data-testid="inbox-request-answer">
              <MessageOutlined aria-hidden /> {r.answer}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'org',
      title: t('openCommunity.requests.assignedOrg'),
      render: (_, r) => (
        <Flex vertical>
          <span>{r.assignedOrg?.name ?? t('openCommunity.requests.unassigned')}</span>
          {r.suggestedOrg && !r.assignedOrg && (
            <Typography.Text type="secondary">
              {t('openCommunity.requests.suggestedOrg')}：{r.suggestedOrg.name}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('openCommunity.requests.status'),
      render: (_, r) => <RequestStatusTags request={r} />,
    },
    {
      key: 'deadline',
      title: t('openCommunity.requests.deadline'),
      render: (_, r) => (
        <Flex vertical>
          <span data-testid="inbox-request-deadline">{r.deadline}</span>
          <Typography.Text type="secondary">{formatDateTime(r.createdAt)}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, r) => (
        <Flex gap={4} wrap>
          {r.canAssign && (
            <Button
              size="small"
              icon={<SendOutlined aria-hidden />}
              onClick={() => onAssign(r)}
              data-testid="request-assign-open"
            >
              {t('openCommunity.inbox.assign')}
            </Button>
          )}
          {r.canAnswer && (
            <Button
              size="small"
              type="primary"
              icon={<MessageOutlined aria-hidden />}
              onClick={() => onAnswer(r)}
              data-testid="request-answer-open"
            >
              {r.status === 'answered' ? t('openCommunity.inbox.followUp') : t('openCommunity.inbox.answer')}
            </Button>
          )}
          {r.canReadContact && (
            <Button size="small" icon={<ContactsOutlined aria-hidden />} onClick={() => showContact(r)}>
              {t('openCommunity.inbox.contact')}
            </Button>
          )}
          {r.canReject && (
            <Button size="small" danger icon={<DeleteOutlined aria-hidden />} onClick={() => onReject(r)}>
              {t('openCommunity.inbox.reject')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];
  return (
    <Table<DataRequest>
      data-testid="request-inbox"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={requests}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('openCommunity.requests.empty') }}
    />
  );
};

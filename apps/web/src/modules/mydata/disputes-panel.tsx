import type { Complaint } from '@shuzhi/contracts';
import { Alert, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { useDisputes } from './mydata-api';

const statusColors: Record<Complaint['status'], string> = {
  open: 'processing',
  answered: 'blue',
  corrected: 'green',
  closed: 'default',
};

/** 我的异议: the disputes I raised, their deadlines and the providers' answers. */
export const DisputesPanel = () => {
  const { t } = useTranslation();
  const disputes = useDisputes();
  const columns: ColumnsType<Complaint> = [
    {
      key: 'dataset',
      title: t('myData.disputes.dataset'),
      render: (_, c) => (
        <Flex vertical gap={2}>
          <span>{c.datasetName}</span>
          <Typography.Text type="secondary">{c.ownerOrgName}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'record',
      title: t('myData.disputes.record'),
      render: (_, c) => (c.recordKey ? Object.values(c.recordKey).join(' / ') : '—'),
    },
    { key: 'field', title: t('myData.disputes.field'), render: (_, c) => c.fieldTitle ?? c.field ?? '—' },
    {
      key: 'text',
      title: t('myData.disputes.text'),
      render: (_, c) => (
        <Typography.Paragraph style={{ margin: 0, maxWidth: 320 }}>{c.text}</Typography.Paragraph>
      ),
    },
    {
      key: 'status',
      title: t('myData.disputes.status'),
      render: (_, c) => (
        <Tag color={statusColors[c.status]} data-testid="mydata-dispute-status">
          {t(`myData.disputes.statuses.${c.status}`)}
        </Tag>
      ),
    },
    {
      key: 'deadline',
      title: t('myData.disputes.deadline'),
      render: (_, c) => (
        <Flex gap={4} align="center" wrap data-testid="mydata-dispute-deadline">
          <span>{c.deadline}</span>
          {c.overdue && <Tag color="red">{t('myData.disputes.overdue')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'answer',
      title: t('myData.disputes.answer'),
      render: (_, c) =>
        c.answer ? (
          <Flex vertical gap={2}>
            <span>{c.answer}</span>
            <Typography.Text type="secondary">{formatDateTime(c.answeredAt)}</Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('myData.disputes.noAnswer')}</Typography.Text>
        ),
    },
    { key: 'created', title: t('myData.disputes.createdAt'), render: (_, c) => formatDateTime(c.createdAt) },
  ];
  return (
    <Flex vertical gap={16} data-testid="mydata-disputes">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('myData.disputes.intro')}
      </Typography.Paragraph>
      {disputes.error && <Alert type="error" showIcon title={disputes.error.message} />}
      <Table
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={disputes.data?.items ?? []}
        loading={disputes.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('myData.disputes.empty') }}
      />
    </Flex>
  );
};

import type { Application } from '@shuzhi/contracts';
import { Empty, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { ApplicationDetails, Deadline, StatusTag } from './application-details';

type Props = {
  items: Application[];
  loading: boolean;
  /** The owner's view shows who applied; the applicant's view who decides. */
  view: 'mine' | 'inbox';
  actions?: (a: Application) => ReactNode;
  testId: string;
  empty: string;
};

/** Applications with status, deadline and, expanded, what was asked for and decided. */
export const ApplicationTable = ({ items, loading, view, actions, testId, empty }: Props) => {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 900 }}
      data-testid={testId}
      locale={{ emptyText: <Empty description={empty} /> }}
      expandable={{ expandedRowRender: (a) => <ApplicationDetails a={a} />, expandRowByClick: false }}
      columns={[
        {
          title: t('openAccess.applications.dataset'),
          key: 'dataset',
          render: (_: unknown, a: Application) => (
            <span>
              {a.datasetName} <Typography.Text code>{a.datasetCode}</Typography.Text>
            </span>
          ),
        },
        view === 'inbox'
          ? {
              title: t('openAccess.inbox.applicant'),
              key: 'applicant',
              render: (_: unknown, a: Application) => (
                <span>
                  {a.applicantName}
                  {a.applicantOrg ? ` · ${a.applicantOrg}` : ''}
                  <br />
                  <Typography.Text type="secondary">{a.applicantEmail}</Typography.Text>
                </span>
              ),
            }
          : { title: t('openAccess.applications.owner'), dataIndex: 'ownerOrgName' },
        {
          title: t('openAccess.applications.submittedAt'),
          dataIndex: 'submittedAt',
          render: (d: string) => formatDateTime(d),
        },
        {
          title: t('openAccess.applications.deadline'),
          key: 'deadline',
          render: (_: unknown, a: Application) => <Deadline a={a} />,
        },
        {
          title: t('openAccess.applications.status'),
          key: 'status',
          render: (_: unknown, a: Application) => <StatusTag a={a} />,
        },
        ...(actions
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, a: Application) => actions(a),
              },
            ]
          : []),
      ]}
    />
  );
};

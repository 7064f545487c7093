import type { PortalDatasetProfile } from '@shuzhi/contracts';
import { Card, Col, Empty, Row, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { formatCount } from './numbers';

type Import = PortalDatasetProfile['history']['imports'][number];
type Action = keyof typeof ACTION_COLORS;

const ACTION_COLORS = {
  create: 'blue',
  update: 'blue',
  import: 'blue',
  approve: 'green',
  retire: 'gray',
  submit: 'gold',
  reject: 'red',
} as const;

/** The catalogue's versions and the data loads of one dataset: counts and dates only. */
export const UpdateHistory = ({ history }: { history: PortalDatasetProfile['history'] }) => {
  const { t } = useTranslation();
  const versions = [...history.versions].sort((a, b) => b.version - a.version || b.at.localeCompare(a.at));
  const imports = [...history.imports].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('openPortal.dataset.history.versions')} data-testid="portal-versions">
          {versions.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('openPortal.dataset.history.empty')} />
          ) : (
            <Timeline
              items={versions.map((v, i) => {
                const action = (v.action in ACTION_COLORS ? v.action : 'update') as Action;
                return {
                  key: `${v.version}-${i}`,
                  color: ACTION_COLORS[action],
                  content: (
                    <>
                      <Tag color={ACTION_COLORS[action]}>
                        {t(`openPortal.dataset.history.actions.${action}`)}
                      </Tag>
                      <Typography.Text type="secondary">
                        {t('openPortal.dataset.history.version', { version: v.version })} ·{' '}
                        {formatDateTime(v.at)}
                        {v.changes > 0 &&
                          ` · ${t('openPortal.dataset.history.changes', { count: v.changes })}`}
                      </Typography.Text>
                    </>
                  ),
                };
              })}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('openPortal.dataset.history.imports')}>
          <Table<Import>
            data-testid="portal-imports"
            size="small"
            rowKey={(r) => `${r.at}-${r.rowsLoaded}`}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('openPortal.dataset.history.empty') }}
            dataSource={imports}
            columns={[
              {
                key: 'at',
                title: t('openPortal.dataset.history.at'),
                render: (_, r) => formatDateTime(r.at),
              },
              {
                key: 'mode',
                title: t('openPortal.dataset.history.mode'),
                render: (_, r) => t(`openPortal.dataset.history.modes.${r.mode}`),
              },
              {
                key: 'rows',
                title: t('openPortal.dataset.history.rows'),
                render: (_, r) =>
                  t('openPortal.dataset.history.loaded', {
                    loaded: formatCount(r.rowsLoaded),
                    rejected: formatCount(r.rowsRejected),
                  }),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
};

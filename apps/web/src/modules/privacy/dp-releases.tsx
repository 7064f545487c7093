import type { Dataset, DpRelease } from '@shuzhi/contracts';
import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { useDpReleases } from './privacy-api';

/** What was released, newest first, with the stored noisy values (never drawn again). */
export const DpReleasesCard = ({ dataset }: { dataset: Dataset }) => {
  const { t } = useTranslation();
  const releases = useDpReleases(dataset.id);
  const groupName = (r: DpRelease, g: string | null) =>
    g === null ? (r.query.groupBy ? t('privacy.dp.other') : t('privacy.dp.all')) : g;
  return (
    <Card title={t('privacy.dp.releases')}>
      <Table
        size="small"
        rowKey="id"
        data-testid="dp-releases"
        loading={releases.isPending}
        dataSource={releases.data?.items}
        pagination={false}
        expandable={{
          rowExpandable: (r) => r.values.length > 1,
          expandedRowRender: (r) => (
            <Table
              size="small"
              pagination={false}
              rowKey={(v) => String(v.group)}
              dataSource={r.values}
              columns={[
                { title: t('privacy.dp.group'), render: (_, v) => groupName(r, v.group) },
                { title: t('privacy.dp.value'), dataIndex: 'value' },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('privacy.kanon.at'), render: (_, r) => formatDateTime(r.createdAt) },
          { title: t('privacy.dp.kind'), render: (_, r) => t(`privacy.dp.kinds.${r.kind}`) },
          { title: 'ε', dataIndex: 'epsilon' },
          {
            title: t('privacy.dp.value'),
            render: (_, r) =>
              r.values.length === 1 ? (
                <span data-testid="dp-value">{r.values[0]?.value ?? '—'}</span>
              ) : (
                <Tag>{r.values.length}</Tag>
              ),
          },
          {
            title: '',
            render: (_, r) => (
              <Typography.Text type="secondary">{t('privacy.dp.noise', { b: r.noiseScale })}</Typography.Text>
            ),
          },
          { title: t('privacy.dp.purpose'), dataIndex: 'purpose' },
          { title: t('privacy.dp.by'), dataIndex: 'createdBy' },
        ]}
      />
    </Card>
  );
};

import { KeyOutlined } from '@ant-design/icons';
import type { PortalDatasetProfile } from '@shuzhi/contracts';
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCatalogLabels } from '../catalog/catalog-labels';

type Field = PortalDatasetProfile['fields'][number];

/** The fields open data shows, and how many are withheld as personal or sensitive. */
export const FieldTable = ({ profile }: { profile: PortalDatasetProfile }) => {
  const { t } = useTranslation();
  const labels = useCatalogLabels();
  return (
    <>
      <Table<Field>
        data-testid="portal-fields"
        size="small"
        rowKey="name"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={profile.fields}
        columns={[
          {
            key: 'key',
            title: t('openPortal.dataset.fields.key'),
            width: 60,
            render: (_, f) =>
              f.key ? (
                <KeyOutlined aria-label={t('openPortal.dataset.fields.key')} style={{ color: '#d48806' }} />
              ) : null,
          },
          {
            key: 'name',
            title: t('openPortal.dataset.fields.name'),
            render: (_, f) => <Typography.Text code>{f.name}</Typography.Text>,
          },
          { key: 'title', dataIndex: 'title', title: t('openPortal.dataset.fields.title') },
          {
            key: 'type',
            title: t('openPortal.dataset.fields.type'),
            render: (_, f) => labels.fieldType(f.type),
          },
          { key: 'unit', title: t('openPortal.dataset.fields.unit'), render: (_, f) => f.unit ?? '—' },
          {
            key: 'description',
            title: t('openPortal.dataset.fields.description'),
            render: (_, f) => f.description || '—',
          },
        ]}
      />
      {profile.withheldFields > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={t('openPortal.dataset.fields.withheld', { count: profile.withheldFields })}
        />
      )}
    </>
  );
};

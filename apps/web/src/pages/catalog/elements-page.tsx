import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/auth';
import { useDataElements } from '../../modules/catalog/catalog-api';
import { isCatalogAdmin } from '../../modules/catalog/catalog-policy';
import { ElementFormModal } from '../../modules/catalog/element-form-modal';
import { ElementTable } from '../../modules/catalog/element-table';
import { PageTitle } from '../../ui/page-title';

export const ElementsPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { data, isPending, error } = useDataElements();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageTitle
        title={t('catalog.elements.title')}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate('/workspace/catalog')}>
              {t('catalog.back')}
            </Button>
            {isCatalogAdmin(me) && (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setCreating(true)}
                data-testid="element-create"
              >
                {t('catalog.elements.create')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('catalog.elements.intro')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
        <ElementTable elements={data ?? []} loading={isPending} />
      </Card>
      <ElementFormModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
};

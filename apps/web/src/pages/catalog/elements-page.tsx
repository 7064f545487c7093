import { ArrowLeftOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/auth';
import { BindingFormModal } from '../../modules/catalog/binding-form-modal';
import { type ElementRow, useDataElements } from '../../modules/catalog/catalog-api';
import { isCatalogAdmin } from '../../modules/catalog/catalog-policy';
import { ElementBindings } from '../../modules/catalog/element-bindings';
import { ElementFormModal } from '../../modules/catalog/element-form-modal';
import { ElementKeyModal } from '../../modules/catalog/element-key-modal';
import { ElementTable } from '../../modules/catalog/element-table';
import { PageTitle } from '../../ui/page-title';

export const ElementsPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { data, isPending, error } = useDataElements();
  const [creating, setCreating] = useState(false);
  const [binding, setBinding] = useState<ElementRow | null>(null);
  const [keying, setKeying] = useState<ElementRow | null>(null);
  const admin = isCatalogAdmin(me);
  return (
    <>
      <PageTitle
        title={t('catalog.elements.title')}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate('/workspace/catalog')}>
              {t('catalog.back')}
            </Button>
            <Button icon={<WarningOutlined aria-hidden />} onClick={() => navigate('/workspace/conflicts')}>
              {t('catalog.conflicts.title')}
            </Button>
            {admin && (
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
        <ElementTable
          elements={data ?? []}
          loading={isPending}
          expanded={(e) => (
            <ElementBindings element={e} admin={admin} onBind={setBinding} onSetKey={setKeying} />
          )}
        />
      </Card>
      <ElementFormModal open={creating} onClose={() => setCreating(false)} />
      <BindingFormModal element={binding} onClose={() => setBinding(null)} />
      <ElementKeyModal element={keying} onClose={() => setKeying(null)} />
    </>
  );
};

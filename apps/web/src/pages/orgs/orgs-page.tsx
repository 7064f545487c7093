import { PlusOutlined } from '@ant-design/icons';
import type { Org, OrgType } from '@shuzhi/contracts';
import { Alert, Button, Card, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../app/auth';
import { useOrgTypeOptions } from '../../modules/auth/roles';
import { useOrgList } from '../../modules/orgs/org-api';
import { OrgFormModal } from '../../modules/orgs/org-form-modal';
import { OrgTable } from '../../modules/orgs/org-table';
import { LoadMore } from '../../ui/load-more';
import { PageTitle } from '../../ui/page-title';

export const OrgsPage = () => {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const admin = hasAnyRole(me, ['platform_admin']);
  const [q, setQ] = useState('');
  const [type, setType] = useState<OrgType>();
  const [editing, setEditing] = useState<{ org?: Org } | null>(null);
  const list = useOrgList({ q, type });
  const typeOptions = useOrgTypeOptions();
  return (
    <>
      <PageTitle
        title={t('orgs.title')}
        extra={
          admin && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setEditing({})}
              data-testid="org-create"
            >
              {t('orgs.create')}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            aria-label={t('orgs.search')}
            placeholder={t('orgs.searchPlaceholder')}
            allowClear
            maxLength={50}
            style={{ maxWidth: 320 }}
            onSearch={(value) => setQ(value.trim())}
          />
          <Select<OrgType>
            aria-label={t('orgs.typeFilter')}
            placeholder={t('orgs.typeFilter')}
            allowClear
            virtual={false}
            style={{ minWidth: 180 }}
            options={typeOptions}
            value={type}
            onChange={(value) => setType(value ?? undefined)}
          />
        </Flex>
        {list.error && (
          <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />
        )}
        <OrgTable
          orgs={list.items}
          loading={list.isPending}
          onEdit={admin ? (org) => setEditing({ org }) : undefined}
        />
        <LoadMore
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoad={list.loadMore}
          shown={list.items.length}
        />
      </Card>
      <OrgFormModal open={!!editing} org={editing?.org} onClose={() => setEditing(null)} />
    </>
  );
};

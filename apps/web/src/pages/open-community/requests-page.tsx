import { PlusOutlined } from '@ant-design/icons';
import { DataRequestStatus } from '@shuzhi/contracts';
import { Alert, Button, Card, Checkbox, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/auth';
import { type RequestFilter, useRequests } from '../../modules/open-community/community-api';
import { RequestList } from '../../modules/open-community/request-list';
import { LoadMore } from '../../ui/load-more';
import { PageTitle } from '../../ui/page-title';
import { useDebounced } from '../../ui/use-debounced';

/** 数据需求: every public request and its answer, searchable, with the way to ask. */
export const RequestsPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState<Omit<RequestFilter, 'q'>>({});
  const list = useRequests({ ...filter, q: useDebounced(q.trim(), 300) });
  return (
    <div style={{ maxWidth: 1100, marginInline: 'auto' }}>
      <PageTitle
        title={t('openCommunity.requests.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => navigate('/open/requests/new')}
            data-testid="request-ask"
          >
            {t('openCommunity.requests.ask')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('openCommunity.requests.intro')}</Typography.Paragraph>
      <Card>
        <Flex vertical gap={12}>
          <Flex gap={12} wrap align="center">
            <Input.Search
              allowClear
              style={{ maxWidth: 360 }}
              placeholder={t('openCommunity.requests.search')}
              aria-label={t('openCommunity.requests.search')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              data-testid="request-search"
            />
            <Select
              aria-label={t('openCommunity.requests.status')}
              style={{ minWidth: 140 }}
              allowClear
              virtual={false}
              placeholder={t('openCommunity.requests.allStatuses')}
              value={filter.status}
              onChange={(status) => setFilter((f) => ({ ...f, status }))}
              options={DataRequestStatus.options
                .filter((s) => s !== 'rejected')
                .map((s) => ({ value: s, label: t(`openCommunity.requests.statuses.${s}`) }))}
            />
            <Checkbox
              checked={filter.overdue === true}
              onChange={(e) => setFilter((f) => ({ ...f, overdue: e.target.checked ? true : undefined }))}
            >
              {t('openCommunity.requests.onlyOverdue')}
            </Checkbox>
            {me && (
              <Checkbox
                checked={filter.mine === true}
                onChange={(e) => setFilter((f) => ({ ...f, mine: e.target.checked || undefined }))}
              >
                {t('openCommunity.requests.onlyMine')}
              </Checkbox>
            )}
          </Flex>
          {list.error && <Alert type="error" showIcon title={list.error.message} />}
          <RequestList requests={list.items} loading={list.isPending} />
          <LoadMore
            hasMore={!!list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoad={list.loadMore}
            shown={list.items.length}
          />
        </Flex>
      </Card>
    </div>
  );
};

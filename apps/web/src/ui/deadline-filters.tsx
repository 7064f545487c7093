import { ReloadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';

/** What an inbox of items with deadlines (complaints, applications, data requests) filters by. */
export type DeadlineFilter<S extends string> = { status?: S; overdue?: boolean };

/**
 * The filter bar every deadline inbox shares: a status, "only overdue", and a refresh button.
 * Labels come from the caller, whose vocabulary (申诉, 申请, 需求) they are.
 */
export function DeadlineFilters<S extends string>(props: {
  filter: DeadlineFilter<S>;
  onChange: (next: DeadlineFilter<S>) => void;
  statuses: readonly S[];
  statusLabel: (s: S) => string;
  labels: { status: string; allStatuses: string; onlyOverdue: string };
  onRefresh: () => void;
  refreshing: boolean;
  overdueTestId?: string;
}) {
  const { t } = useTranslation();
  const { filter, onChange } = props;
  return (
    <Flex gap={12} wrap align="center">
      <Select
        aria-label={props.labels.status}
        style={{ minWidth: 140 }}
        allowClear
        virtual={false}
        placeholder={props.labels.allStatuses}
        value={filter.status}
        onChange={(status: S | undefined) => onChange({ ...filter, status })}
        options={props.statuses.map((s) => ({ value: s, label: props.statusLabel(s) }))}
      />
      <Checkbox
        checked={filter.overdue === true}
        onChange={(e) => onChange({ ...filter, overdue: e.target.checked ? true : undefined })}
        data-testid={props.overdueTestId}
      >
        {props.labels.onlyOverdue}
      </Checkbox>
      <Button icon={<ReloadOutlined aria-hidden />} onClick={props.onRefresh} loading={props.refreshing}>
        {t('common.refresh')}
      </Button>
    </Flex>
  );
}

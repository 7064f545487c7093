import { Alert, Button, Card, Flex, InputNumber, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedHead } from './entry-detail';
import { EntryTable } from './entry-table';
import { pageOf, useLedgerPage, useLedgerSize } from './ledger-api';
import { actionLabel, asBody } from './ledger-format';

/** The auditors' view of the entries: newest first, 50 a page, filter and jump-to-index. */
export const EntriesPanel = ({ head }: { head: SignedHead | undefined }) => {
  const { t } = useTranslation();
  const live = useLedgerSize(true);
  const [page, setPage] = useState(1);
  // Past page 1 the pages stay where they were, however many entries arrive meanwhile.
  const [anchor, setAnchor] = useState<number>();
  const size = page === 1 || anchor === undefined ? live.data : anchor;
  const entries = useLedgerPage(size, page);
  const [action, setAction] = useState<string>();
  const [jumpTo, setJumpTo] = useState<number | null>(null);
  const [jumpError, setJumpError] = useState<string>();
  const [expanded, setExpanded] = useState<number[]>([]);
  const [focused, setFocused] = useState<number>();

  const rows = entries.data ?? [];
  const actions = useMemo(
    () => [...new Set(rows.map((row) => asBody(row.entry).action).filter((a): a is string => !!a))].sort(),
    [rows],
  );
  const shown = action ? rows.filter((row) => asBody(row.entry).action === action) : rows;

  const goToPage = (next: number) => {
    setAnchor(size);
    setPage(next);
  };
  const jump = () => {
    const total = live.data ?? 0;
    if (jumpTo === null || jumpTo < 0 || jumpTo >= total) {
      setJumpError(t('ledger.jumpOutOfRange', { max: Math.max(0, total - 1) }));
      return;
    }
    setJumpError(undefined);
    setAction(undefined);
    setAnchor(total);
    setPage(pageOf(total, jumpTo));
    setExpanded((keys) => [...new Set([...keys, jumpTo])]);
    setFocused(jumpTo);
  };

  const error = live.error ?? entries.error;
  return (
    <Card title={t('ledger.entries')}>
      <Flex gap={12} wrap justify="space-between" style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ minWidth: 220 }}
          placeholder={t('ledger.filterAction')}
          aria-label={t('ledger.filterAction')}
          value={action}
          onChange={setAction}
          options={actions.map((a) => ({ value: a, label: actionLabel(t, a) }))}
          data-testid="ledger-filter-action"
        />
        <Space.Compact>
          <InputNumber<number>
            min={0}
            precision={0}
            placeholder={t('ledger.jumpTo')}
            aria-label={t('ledger.jumpTo')}
            value={jumpTo}
            onChange={setJumpTo}
            onPressEnter={jump}
            status={jumpError ? 'error' : undefined}
            style={{ width: 160 }}
            data-testid="ledger-jump-input"
          />
          <Button onClick={jump} data-testid="ledger-jump">
            {t('ledger.jump')}
          </Button>
        </Space.Compact>
      </Flex>
      {jumpError && <Alert type="warning" showIcon title={jumpError} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <EntryTable
        rows={shown}
        loading={live.isLoading || entries.isLoading}
        head={head}
        total={size ?? 0}
        page={page}
        onPage={goToPage}
        expanded={expanded}
        onExpand={setExpanded}
        focused={focused}
      />
    </Card>
  );
};

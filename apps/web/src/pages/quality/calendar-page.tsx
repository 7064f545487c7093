import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { CalendarDay } from '@shuzhi/contracts';
import { Alert, Button, Card, Col, Flex, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { hasAnyRole, useMe } from '../../app/auth';
import { useCalendarYear } from '../../modules/quality/calendar-api';
import { CalendarDayModal } from '../../modules/quality/calendar-day-modal';
import { type DayKind, dayKind, weekdayKey, yearCounts } from '../../modules/quality/calendar-days';
import { CalendarMonth, useKindStyles } from '../../modules/quality/calendar-month';
import { PageTitle } from '../../ui/page-title';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
// The year in China (UTC+8), where the deadlines are counted.
const thisYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

const KINDS: DayKind[] = ['workday', 'weekend', 'holiday', 'makeup'];

/**
 * 工作日历: the year as twelve month grids (working days, weekends, statutory holidays, 调休 make-up
 * working days) that complaint deadlines count on. Everyone signed in reads it; the platform admin
 * changes a day by clicking it.
 */
export const CalendarPage = () => {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const admin = hasAnyRole(me, ['platform_admin']);
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= MIN_YEAR && asked <= MAX_YEAR ? asked : thisYear();
  const setYear = (y: number) => setParams({ year: String(y) }, { replace: true });
  const q = useCalendarYear(year);
  const [editing, setEditing] = useState<string | null>(null);
  const styles = useKindStyles();

  const entries = useMemo(
    () => new Map<string, CalendarDay>((q.data?.days ?? []).map((d) => [d.date, d])),
    [q.data],
  );
  const counts = useMemo(() => yearCounts(year, entries), [year, entries]);
  const years = [
    ...new Set([thisYear() - 2, thisYear() - 1, thisYear(), thisYear() + 1, thisYear() + 2, year]),
  ]
    .filter((y) => y >= MIN_YEAR && y <= MAX_YEAR)
    .sort((a, b) => a - b);

  return (
    <>
      <PageTitle
        title={t('quality.calendar.title')}
        extra={
          <Space.Compact>
            <Button
              icon={<LeftOutlined aria-hidden />}
              aria-label={t('quality.calendar.previousYear')}
              disabled={year <= MIN_YEAR}
              onClick={() => setYear(year - 1)}
              data-testid="calendar-prev"
            />
            <Select
              aria-label={t('quality.calendar.year')}
              value={year}
              onChange={setYear}
              virtual={false}
              style={{ width: 100 }}
              options={years.map((y) => ({ value: y, label: String(y) }))}
              data-testid="calendar-year"
            />
            <Button
              icon={<RightOutlined aria-hidden />}
              aria-label={t('quality.calendar.nextYear')}
              disabled={year >= MAX_YEAR}
              onClick={() => setYear(year + 1)}
              data-testid="calendar-next"
            />
          </Space.Compact>
        }
      />
      <Flex vertical gap={16} data-testid="calendar-page">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('quality.calendar.intro')}{' '}
          {admin ? t('quality.calendar.adminHint') : t('quality.calendar.readOnly')}{' '}
          <Link to="/workspace/quality/complaints">{t('quality.complaints.title')} →</Link>
        </Typography.Paragraph>
        {q.error && <Alert type="error" showIcon title={q.error.message} />}
        {q.data && !q.data.known && (
          <Alert
            type="warning"
            showIcon
            data-testid="calendar-unknown"
            title={t(admin ? 'quality.calendar.unknownAdmin' : 'quality.calendar.unknown', { year })}
          />
        )}
        <Flex gap={16} wrap align="center" aria-label={t('quality.calendar.legend')} role="group">
          {KINDS.map((k) => (
            <Flex key={k} gap={6} align="center">
              <span
                aria-hidden
                style={{
                  ...styles[k],
                  display: 'inline-block',
                  width: 16,
                  height: 16,
                  borderRadius: 3,
                  border: '1px solid rgba(0,0,0,0.15)',
                }}
              />
              <Typography.Text>{t(`quality.calendar.kinds.${k}`)}</Typography.Text>
            </Flex>
          ))}
          {q.data && (
            <Typography.Text type="secondary" data-testid="calendar-counts">
              {t('quality.calendar.counts', counts)}
            </Typography.Text>
          )}
        </Flex>
        <Row gutter={[12, 12]} data-testid="calendar-grid">
          {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
            <Col key={m} xs={24} md={12} xl={8} xxl={6}>
              <CalendarMonth
                year={year}
                month={m}
                entries={entries}
                onPick={admin ? setEditing : undefined}
              />
            </Col>
          ))}
        </Row>
        <Card size="small" title={t('quality.calendar.entries')}>
          <Table<CalendarDay>
            data-testid="calendar-entries"
            rowKey="date"
            size="small"
            loading={q.isPending}
            dataSource={q.data?.days ?? []}
            pagination={false}
            locale={{ emptyText: t('quality.calendar.noEntries') }}
            columns={[
              {
                key: 'date',
                title: t('quality.calendar.date'),
                render: (_, d) => `${d.date} ${t(`quality.calendar.weekdayNames.${weekdayKey(d.date)}`)}`,
              },
              {
                key: 'kind',
                title: t('quality.calendar.kind'),
                render: (_, d) => {
                  const kind = dayKind(d.date, d);
                  return (
                    <Tag color={kind === 'holiday' ? 'red' : 'orange'}>
                      {t(`quality.calendar.kinds.${kind}`)}
                    </Tag>
                  );
                },
              },
              { key: 'name', title: t('quality.calendar.name'), dataIndex: 'name' },
              ...(admin
                ? [
                    {
                      key: 'actions',
                      title: t('common.actions'),
                      render: (_: unknown, d: CalendarDay) => (
                        <Button
                          size="small"
                          onClick={() => setEditing(d.date)}
                          data-testid={`calendar-edit-${d.date}`}
                        >
                          {t('quality.calendar.edit')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </Flex>
      {admin && (
        <CalendarDayModal
          date={editing}
          entry={editing ? entries.get(editing) : undefined}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
};

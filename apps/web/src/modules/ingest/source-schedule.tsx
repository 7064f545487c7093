import {
  type PullSource,
  SCHEDULE_MIN_MINUTES,
  SCHEDULE_WEEKDAYS,
  type ScheduleWeekday,
  type SourceSchedule,
  type SourceScheduleInput,
} from '@shuzhi/contracts';
import { Flex, Form, Input, InputNumber, Select, Space, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';

/** The schedule part of the source form; `kind: 'off'` means no schedule at all. */
export type ScheduleValues = {
  kind: 'off' | SourceSchedule['kind'];
  every?: number;
  unit?: 'minutes' | 'hours';
  time?: string;
  weekday?: ScheduleWeekday;
  enabled?: boolean;
};

export const scheduleValues = (s: SourceSchedule | null): ScheduleValues => {
  const base = { every: 60, unit: 'minutes' as const, time: '02:00', weekday: 'mon' as const, enabled: true };
  return s ? { ...base, ...s } : { ...base, kind: 'off' };
};

export const scheduleBody = (v: ScheduleValues | undefined): SourceScheduleInput | null => {
  if (!v || v.kind === 'off') return null;
  const enabled = v.enabled ?? true;
  if (v.kind === 'interval')
    return { kind: 'interval', every: v.every ?? 0, unit: v.unit ?? 'minutes', enabled };
  const time = v.time?.trim() ?? '';
  if (v.kind === 'daily') return { kind: 'daily', time, enabled };
  return { kind: 'weekly', weekday: v.weekday ?? 'mon', time, enabled };
};

const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;

/** Edits when a source pulls by itself: every N minutes or hours, daily or weekly at a Beijing time. */
export const ScheduleFields = () => {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['schedule', 'kind'], form) as ScheduleValues['kind'] | undefined;
  const unit = Form.useWatch(['schedule', 'unit'], form) as ScheduleValues['unit'];
  const name = (k: keyof ScheduleValues) => ['schedule', k];
  const timeField = (
    <Form.Item
      name={name('time')}
      label={t('ingest.sources.schedule.time')}
      rules={[{ required: true, pattern: TIME, message: t('ingest.sources.schedule.timeInvalid') }]}
    >
      <Input style={{ width: 120 }} placeholder="07:30" data-testid="source-schedule-time" />
    </Form.Item>
  );
  return (
    <Form.Item
      label={t('ingest.sources.schedule.title')}
      extra={kind && kind !== 'off' ? t('ingest.sources.schedule.hint') : undefined}
    >
      <Flex vertical gap={8} data-testid="source-schedule">
        <Space wrap align="center">
          <Form.Item name={name('kind')} noStyle>
            <Select
              style={{ width: 220 }}
              data-testid="source-schedule-kind"
              options={(['off', 'interval', 'daily', 'weekly'] as const).map((k) => ({
                value: k,
                label:
                  k === 'off' ? t('ingest.sources.schedule.off') : t(`ingest.sources.schedule.kinds.${k}`),
              }))}
            />
          </Form.Item>
          {kind && kind !== 'off' && (
            <Form.Item name={name('enabled')} valuePropName="checked" noStyle>
              <Switch
                checkedChildren={t('ingest.sources.schedule.enabled')}
                unCheckedChildren={t('ingest.sources.schedule.paused')}
                data-testid="source-schedule-enabled"
              />
            </Form.Item>
          )}
        </Space>
        {kind === 'interval' && (
          <Space wrap align="start">
            <Form.Item
              name={name('every')}
              label={t('ingest.sources.schedule.every')}
              rules={[
                { required: true },
                {
                  type: 'number',
                  min: unit === 'hours' ? 1 : SCHEDULE_MIN_MINUTES,
                  max: unit === 'hours' ? 7 * 24 : 7 * 24 * 60,
                  message: t('ingest.sources.schedule.everyRange'),
                },
              ]}
            >
              <InputNumber precision={0} style={{ width: 120 }} data-testid="source-schedule-every" />
            </Form.Item>
            <Form.Item name={name('unit')} label=" ">
              <Select
                style={{ width: 110 }}
                options={(['minutes', 'hours'] as const).map((u) => ({
                  value: u,
                  label: t(`ingest.sources.schedule.units.${u}`),
                }))}
              />
            </Form.Item>
          </Space>
        )}
        {kind === 'daily' && timeField}
        {kind === 'weekly' && (
          <Space wrap align="start">
            <Form.Item name={name('weekday')} label={t('ingest.sources.schedule.weekday')}>
              <Select
                style={{ width: 110 }}
                options={SCHEDULE_WEEKDAYS.map((d) => ({
                  value: d,
                  label: t(`ingest.sources.schedule.weekdays.${d}`),
                }))}
              />
            </Form.Item>
            {timeField}
          </Space>
        )}
      </Flex>
    </Form.Item>
  );
};

const lastColors = { succeeded: 'success', failed: 'error', skipped: 'warning' } as const;

/** The list's view of a schedule: what it is, when it runs next, how its last run went. */
export const ScheduleCell = ({ source }: { source: PullSource }) => {
  const { t } = useTranslation();
  const s = source.schedule;
  if (!s) return <Typography.Text type="secondary">{t('ingest.sources.schedule.none')}</Typography.Text>;
  const what =
    s.kind === 'interval'
      ? t('ingest.sources.schedule.describe.interval', {
          every: s.every,
          unit: t(`ingest.sources.schedule.units.${s.unit}`),
        })
      : s.kind === 'daily'
        ? t('ingest.sources.schedule.describe.daily', { time: s.time })
        : t('ingest.sources.schedule.describe.weekly', {
            time: s.time,
            weekday: t(`ingest.sources.schedule.weekdays.${s.weekday}`),
          });
  const last = source.lastScheduledRun;
  return (
    <Flex vertical gap={2} data-testid={`source-schedule-${source.id}`}>
      <Space size={4}>
        <Typography.Text>{what}</Typography.Text>
        {!s.enabled && <Tag>{t('ingest.sources.schedule.paused')}</Tag>}
      </Space>
      {source.nextRunAt && (
        <Typography.Text type="secondary" data-testid={`source-next-run-${source.id}`}>
          {t('ingest.sources.schedule.next', { at: formatDateTime(source.nextRunAt) })}
        </Typography.Text>
      )}
      {last && (
        <Space size={4} data-testid={`source-last-scheduled-${source.id}`} data-status={last.status}>
          <Typography.Text type="secondary">
            {t('ingest.sources.schedule.last', { at: formatDateTime(last.at) })}
          </Typography.Text>
          <Tag color={lastColors[last.status]}>{t(`ingest.sources.schedule.statuses.${last.status}`)}</Tag>
        </Space>
      )}
      {last?.error && (
        <Typography.Text type="danger" style={{ maxWidth: 280 }} ellipsis={{ tooltip: last.error }}>
          {last.error}
        </Typography.Text>
      )}
    </Flex>
  );
};

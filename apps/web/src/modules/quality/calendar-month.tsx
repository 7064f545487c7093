import type { CalendarDay } from '@shuzhi/contracts';
import { Card, theme } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { type DayKind, dayKind, monthWeeks, WEEKDAY_KEYS, weekdayKey } from './calendar-days';

/** Colours per kind, from the theme's palette so dark mode and contrast stay right. */
export const useKindStyles = (): Record<DayKind, CSSProperties> => {
  const { token } = theme.useToken();
  return {
    workday: { background: token.colorBgContainer, color: token.colorText },
    weekend: { background: token.colorFillTertiary, color: token.colorTextSecondary },
    holiday: { background: token.colorErrorBg, color: token.colorErrorText },
    makeup: { background: token.colorWarningBg, color: token.colorWarningText },
  };
};

/** One month, Monday first; each day shows how it counts and, for the admin, opens the day's editor. */
export const CalendarMonth = ({
  year,
  month,
  entries,
  onPick,
}: {
  year: number;
  month: number;
  entries: ReadonlyMap<string, CalendarDay>;
  /** Given for the admin only: the days become buttons. */
  onPick?: (date: string) => void;
}) => {
  const { t } = useTranslation();
  const styles = useKindStyles();
  const { token } = theme.useToken();
  // English needs the month's name; the Chinese text only its number.
  const name = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, 1),
  );
  const title = t('quality.calendar.month', { month, name });
  const cell: CSSProperties = {
    width: '100%',
    minHeight: 40,
    padding: '2px 0',
    border: 0,
    borderRadius: token.borderRadiusSM,
    font: 'inherit',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    lineHeight: 1.2,
  };
  return (
    <Card size="small" title={title} data-testid={`calendar-month-${month}`}>
      <table style={{ width: '100%', borderCollapse: 'separate', borderSpacing: 2, tableLayout: 'fixed' }}>
        <caption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden' }}>
          {t('quality.calendar.monthOfYear', { year, month, name })}
        </caption>
        <thead>
          <tr>
            {WEEKDAY_KEYS.map((k) => (
              <th
                key={k}
                scope="col"
                abbr={t(`quality.calendar.weekdayNames.${k}`)}
                style={{ fontWeight: 500, fontSize: 12, color: token.colorTextSecondary }}
              >
                {t(`quality.calendar.weekdays.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(year, month).map((week) => (
            <tr key={week[0]?.key}>
              {week.map(({ key, date }) => {
                if (!date) return <td key={key} />;
                const entry = entries.get(date);
                const kind = dayKind(date, entry);
                const weekday = t(`quality.calendar.weekdayNames.${weekdayKey(date)}`);
                const label = [
                  t('quality.calendar.dayTitle', { date, weekday }),
                  t(`quality.calendar.kinds.${kind}`),
                  entry?.name,
                ]
                  .filter(Boolean)
                  .join(' · ');
                const mark =
                  kind === 'holiday' || kind === 'makeup' ? t(`quality.calendar.marks.${kind}`) : '';
                const content = (
                  <>
                    <span style={{ fontWeight: kind === 'workday' || kind === 'makeup' ? 500 : 400 }}>
                      {Number(date.slice(8))}
                    </span>
                    <span style={{ fontSize: 10, minHeight: 12 }} aria-hidden>
                      {mark}
                    </span>
                  </>
                );
                const common = {
                  'data-testid': `calendar-day-${date}`,
                  'data-kind': kind,
                  title: label,
                  'aria-label': label,
                  style: { ...cell, ...styles[kind] },
                };
                return (
                  <td key={date} style={{ padding: 0 }}>
                    {onPick ? (
                      <button
                        type="button"
                        {...common}
                        style={{ ...common.style, cursor: 'pointer' }}
                        onClick={() => onPick(date)}
                      >
                        {content}
                      </button>
                    ) : (
                      <div {...common}>{content}</div>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
};

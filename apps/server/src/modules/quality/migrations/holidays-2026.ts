/**
 * 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号, 4 November 2025): every day of
 * each break (weekend days within it included, so the calendar reads like the notice) and the
 * weekend days worked instead (调休上班). Later years are entered by the platform admin.
 */
const span = (from: string, to: string, name: string) => {
  const out: { date: string; kind: 'holiday' | 'workday'; name: string }[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  )
    out.push({ date: d.toISOString().slice(0, 10), kind: 'holiday', name });
  return out;
};
const worked = (date: string, name: string) => ({ date, kind: 'workday' as const, name: `${name}调休上班` });

export const HOLIDAYS_2026 = [
  ...span('2026-01-01', '2026-01-03', '元旦'),
  worked('2026-01-04', '元旦'),
  worked('2026-02-14', '春节'),
  ...span('2026-02-15', '2026-02-23', '春节'),
  worked('2026-02-28', '春节'),
  ...span('2026-04-04', '2026-04-06', '清明节'),
  ...span('2026-05-01', '2026-05-05', '劳动节'),
  worked('2026-05-09', '劳动节'),
  ...span('2026-06-19', '2026-06-21', '端午节'),
  worked('2026-09-20', '国庆节'),
  ...span('2026-09-25', '2026-09-27', '中秋节'),
  ...span('2026-10-01', '2026-10-07', '国庆节'),
  worked('2026-10-10', '国庆节'),
];

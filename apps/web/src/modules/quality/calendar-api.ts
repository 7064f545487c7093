import type { CalendarDay, CalendarYear, PutCalendarDayBody } from '@shuzhi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiGet } from '../../app/api';

export const calendarKeys = {
  all: ['quality', 'calendar'] as const,
  year: (year: number) => ['quality', 'calendar', year] as const,
};

/** The days of a year that differ from Monday–Friday (any signed-in user may read them). */
export const useCalendarYear = (year: number) =>
  useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: ({ signal }) => apiGet<CalendarYear>('/quality/calendar', { year }, signal),
  });

const useRefresh = () => {
  const qc = useQueryClient();
  // A change near the turn of the year matters to the deadlines of the next one too: refresh them all.
  return () => void qc.invalidateQueries({ queryKey: calendarKeys.all });
};

/** Makes a day a holiday or a make-up working day (the platform admin). */
export const usePutCalendarDay = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ date, body }: { date: string; body: PutCalendarDayBody }) =>
      api<CalendarDay>(`/quality/calendar/${date}`, { method: 'PUT', body }),
    onSuccess: refresh,
  });
};

/** Returns a day to the ordinary week (the platform admin). */
export const useDeleteCalendarDay = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ date, reason }: { date: string; reason: string }) =>
      api<void>(`/quality/calendar/${date}`, { method: 'DELETE', query: { reason } }),
    onSuccess: refresh,
  });
};

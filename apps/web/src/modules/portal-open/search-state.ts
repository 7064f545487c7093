import { PortalSearchQuery } from '@shuzhi/contracts';
import { useSearchParams } from 'react-router';
import type { SearchParams } from './portal-api';

export const FILTERS = ['organization', 'theme', 'format', 'openType', 'updateFrequency', 'level'] as const;
export type FilterName = (typeof FILTERS)[number];
const KEYS = ['q', ...FILTERS, 'sort', 'page', 'size'] as const;
type Key = (typeof KEYS)[number];

/**
 * The search lives in the address (shareable, back-button friendly). A value the API would refuse
 * (hand-edited URL) is dropped rather than shown as an error; `locked` values (an organisation's
 * page) are always applied and never written to the URL.
 */
export function useSearchState(locked: Partial<Record<FilterName, string>> = {}) {
  const [params, setParams] = useSearchParams();
  const state: SearchParams = {};
  for (const key of KEYS) {
    const raw = params.get(key);
    if (raw === null || raw === '') continue;
    const parsed = PortalSearchQuery.shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) (state as Record<string, unknown>)[key] = parsed.data;
  }
  Object.assign(state, locked);

  const update = (patch: Partial<Record<Key, string | number | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '' || k in locked) next.delete(k);
      else next.set(k, String(v));
    }
    // Another query or filter starts from its first page.
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const clearFilters = () => update(Object.fromEntries(FILTERS.map((f) => [f, undefined])));
  const hasFilters = FILTERS.some((f) => params.get(f) && !(f in locked));
  return { state, update, clearFilters, hasFilters };
}

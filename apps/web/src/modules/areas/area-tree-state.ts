import type { Area } from '@shuzhi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { fetchChildren, fetchPath } from './area-api';

type TreeState = {
  /** Every area seen so far, by code. */
  byCode: Record<string, Area>;
  /** Child codes of the areas whose children are loaded. */
  childrenOf: Record<string, string[]>;
  expanded: string[];
};

const empty: TreeState = { byCode: {}, childrenOf: {}, expanded: [] };

const withChildren = (state: TreeState, parent: string, children: Area[]): TreeState => {
  const byCode = { ...state.byCode };
  for (const child of children) byCode[child.code] = child;
  return { ...state, byCode, childrenOf: { ...state.childrenOf, [parent]: children.map((c) => c.code) } };
};

/** Lazily loaded area tree: children fetched on expand, and whole paths on reveal. */
export const useAreaTreeState = () => {
  const qc = useQueryClient();
  const [state, setState] = useState<TreeState>(empty);

  const setRoot = useCallback((root: Area) => {
    setState((s) => ({ ...s, byCode: { ...s.byCode, [root.code]: root } }));
  }, []);

  const loadChildren = useCallback(
    async (code: string) => {
      const children = await fetchChildren(qc, code);
      setState((s) => withChildren(s, code, children));
      return children;
    },
    [qc],
  );

  /** Loads every ancestor's children and expands them, so `code` becomes visible. */
  const reveal = useCallback(
    async (code: string) => {
      const path = await fetchPath(qc, code);
      const ancestors = path.slice(0, -1);
      const loaded = await Promise.all(ancestors.map((a) => fetchChildren(qc, a.code)));
      setState((s) => {
        let next = s;
        for (const area of path) next = { ...next, byCode: { ...next.byCode, [area.code]: area } };
        ancestors.forEach((a, i) => {
          next = withChildren(next, a.code, loaded[i] ?? []);
        });
        const expanded = new Set([...next.expanded, ...ancestors.map((a) => a.code)]);
        return { ...next, expanded: [...expanded] };
      });
      return path.at(-1);
    },
    [qc],
  );

  /** Re-reads children after a change (a new grid) and keeps the parent's count current. */
  const reload = useCallback(
    async (code: string) => {
      const area = state.byCode[code];
      await loadChildren(code);
      if (area?.parentCode) await loadChildren(area.parentCode);
      setState((s) => ({ ...s, expanded: [...new Set([...s.expanded, code])] }));
    },
    [loadChildren, state.byCode],
  );

  const setExpanded = useCallback((expanded: string[]) => setState((s) => ({ ...s, expanded })), []);

  return { state, setRoot, loadChildren, reveal, reload, setExpanded };
};

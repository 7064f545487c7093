/**
 * A small in-process cache of derived, slowly changing facts (an organisation's area, an area's
 * path). Never the only copy: entries expire after `ttlMs`, and the database stays authoritative.
 */
export function ttlCache<V>(ttlMs: number, maxEntries = 10_000) {
  const entries = new Map<string, { value: V; expires: number }>();
  return {
    async get(key: string, load: () => Promise<V>): Promise<V> {
      const hit = entries.get(key);
      if (hit && hit.expires > Date.now()) return hit.value;
      const value = await load();
      if (entries.size >= maxEntries) entries.clear();
      entries.set(key, { value, expires: Date.now() + ttlMs });
      return value;
    },
    clear(): void {
      entries.clear();
    },
  };
}

/**
 * A place in a JSON document, written as a JSON pointer (RFC 6901: `/data/items`, `~1` for `/`,
 * `~0` for `~`) or as a dotted path (`data.items`, `result.list.0`). Empty means the document.
 */
export function pathSegments(path: string): string[] {
  const p = path.trim();
  if (p === '' || p === '/') return [];
  if (p.startsWith('/'))
    return p
      .slice(1)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return p.split('.');
}

/** The value at a path: `found: false` names the first segment that was not there. */
export function valueAt(
  doc: unknown,
  path: string,
): { found: true; value: unknown } | { found: false; missing: string } {
  let here = doc;
  for (const seg of pathSegments(path)) {
    if (Array.isArray(here) && /^\d+$/.test(seg) && Number(seg) < here.length) here = here[Number(seg)];
    else if (here !== null && typeof here === 'object' && !Array.isArray(here) && Object.hasOwn(here, seg))
      here = (here as Record<string, unknown>)[seg];
    else return { found: false, missing: seg };
  }
  return { found: true, value: here };
}

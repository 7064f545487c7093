import type { RowResult, TabularFile } from './tabular.ts';

/** Feeds bytes in small pieces so parsers meet characters and records split across chunks. */
export async function* chunked(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export async function collect(file: TabularFile): Promise<RowResult[]> {
  const out: RowResult[] = [];
  for await (const r of file.rows) out.push(r);
  return out;
}

/** Rows as `rowNumber: values` or `rowNumber: !code`, compact enough to compare whole files at once. */
export function summary(rows: RowResult[]): string[] {
  return rows.map((r) =>
    r.ok ? `${r.rowNumber}: ${r.values.join('|')}` : `${r.rowNumber}: !${r.error.code}`,
  );
}

/** The rejection a promise settles with, so tests can assert on its code and message. */
export async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string; zh?: string }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { code?: string; zh?: string };
  }
  throw new Error('expected the promise to reject');
}

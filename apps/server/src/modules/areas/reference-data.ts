import { readFileSync } from 'node:fs';
import { AppError } from '../../platform/errors.ts';
import type { AreaTable } from './areas.tables.ts';

export type ReferenceArea = {
  code: string;
  name: string;
  level: AreaTable['level'];
  parent_code: string | null;
  path: string;
};

const levelByLength: Record<number, AreaTable['level']> = { 9: 'street', 12: 'community' };

/** The shipped extract of Hangzhou's divisions (see scripts/extract-areas.ts), or another file of the same shape. */
export function readReferenceAreas(
  file: string | URL = new URL('./data/hangzhou-areas.json', import.meta.url),
): ReferenceArea[] {
  let parsed: { city?: string; areas?: unknown };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AppError('bad_request', { reason: `${String(file)}: ${(e as Error).message}` });
  }
  if (!Array.isArray(parsed.areas) || typeof parsed.city !== 'string') {
    throw new AppError('bad_request', {
      reason: `${String(file)}: expected { city, areas: [[code, name, parent]] }`,
    });
  }
  const city = parsed.city;
  const paths = new Map<string, string>();
  const out: ReferenceArea[] = [];
  for (const [i, entry] of (parsed.areas as unknown[]).entries()) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') {
      throw new AppError('bad_request', { reason: `areas[${i}]: expected [code, name, parentCode]` });
    }
    const [code, name, parent] = entry as [string, string, string | null];
    const level = code === city ? 'city' : code.length === 6 ? 'district' : levelByLength[code.length];
    const parentPath = parent ? paths.get(parent) : '';
    if (!level || parentPath === undefined) {
      throw new AppError('bad_request', {
        reason: `areas[${i}] ${code}: unknown level or parent listed after child`,
      });
    }
    const path = parent ? `${parentPath}.${code}` : code;
    paths.set(code, path);
    out.push({ code, name, level, parent_code: parent, path });
  }
  return out;
}

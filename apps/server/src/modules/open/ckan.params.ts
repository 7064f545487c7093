import { AppError } from '../../platform/errors.ts';

/*
 * CKAN takes the same parameters from a query string (all text) and from a JSON body (typed):
 * these readers accept both forms, as CKAN's validators do, and refuse the rest with a Validation
 * Error naming the parameter.
 */
export type Params = Record<string, unknown>;

const invalid = (field: string, reason: string) => new AppError('ckan_param_invalid', { field, reason });

export function str(p: Params, key: string): string | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw invalid(key, 'must be text');
}

export function required(p: Params, key: string): string {
  const v = str(p, key);
  if (v === undefined || v.trim() === '')
    throw new AppError('ckan_param_invalid', { field: key, reason: 'Missing value' });
  return v.trim();
}

export function int(p: Params, key: string, dflt: number, min: number, max: number): number {
  const v = p[key];
  if (v === undefined || v === null || v === '') return dflt;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  if (!Number.isInteger(n)) throw invalid(key, 'Invalid integer');
  if (n < min) throw invalid(key, `Must be a natural number${min > 0 ? ` of at least ${min}` : ''}`);
  return Math.min(n, max);
}

export function bool(p: Params, key: string, dflt: boolean): boolean {
  const v = p[key];
  if (v === undefined || v === null || v === '') return dflt;
  if (typeof v === 'boolean') return v;
  const s = String(v).toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(s)) return true;
  if (['false', '0', 'no', 'off'].includes(s)) return false;
  throw invalid(key, 'Not a boolean');
}

/** A JSON value given either as JSON text (query strings) or as itself (JSON bodies). */
export function json(p: Params, key: string): unknown {
  const v = p[key];
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    throw invalid(key, 'not valid JSON');
  }
}

/** A list of names: a JSON list, or CKAN's comma-separated text. */
export function names(p: Params, key: string): string[] | undefined {
  const v = p[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.startsWith('[')) {
      const parsed = json(p, key);
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed;
      throw invalid(key, 'must be a list of names');
    }
    return t
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  }
  throw invalid(key, 'must be a list of names');
}

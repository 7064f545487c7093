import { AppError } from '../../platform/errors.ts';
import { LICENSE } from './open.names.ts';
import type { Clause, PackageSort } from './open.repo.ts';

/**
 * The subset of CKAN's Solr query syntax that package_search understands: free-text terms, quoted
 * phrases, `field:value` and `field:"a phrase"`, an optional leading `+`, `AND` between clauses and
 * `*:*` for everything. Every clause must hold. Anything else (OR, NOT, ranges, wildcards, grouping)
 * is refused with a Search Query Error rather than answered with a different meaning.
 */
const TOKEN = /\s*(\+?)(?:([A-Za-z_]+):)?(?:"([^"]*)"|([^\s"]+))/y;
const FIELDS = new Set([
  'text',
  'name',
  'title',
  'notes',
  'tags',
  'organization',
  'groups',
  'res_format',
  'license_id',
  'id',
]);

function refuse(reason: string): never {
  throw new AppError('ckan_search_query', { reason });
}

/** Parses a q or fq string into clauses. */
export function parseQuery(input: string): { clauses: Clause[]; firstTerm?: string } {
  const clauses: Clause[] = [];
  let firstTerm: string | undefined;
  const s = input.trim();
  if (s === '' || s === '*:*') return { clauses };
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < s.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(s);
    if (!m || m.index !== start) refuse(`cannot read "${s.slice(start).trim()}"`);
    const field = m[2]?.toLowerCase();
    const quoted = m[3];
    const value = quoted ?? (m[4] as string);
    if (field === undefined && quoted === undefined) {
      if (value === 'AND') continue;
      if (value === 'OR' || value === 'NOT' || value === '||' || value === '&&')
        refuse(`operator ${value} is not supported; clauses are always combined with AND`);
      if (/[()[\]{}*?~^\\]/.test(value) || value.startsWith('-') || value.startsWith('!'))
        refuse(`"${value}": grouping, negation, ranges and wildcards are not supported`);
    }
    if (field !== undefined && !FIELDS.has(field)) refuse(`unknown field "${field}"`);
    if (quoted === undefined && /[()[\]{}*?~^\\]/.test(value) && value !== '*')
      refuse(`"${value}": grouping, ranges and wildcards are not supported`);
    if (value === '*' && field !== undefined) continue; // field:* — any value; every open dataset has all fields
    if (value.trim() === '') continue;
    const clause = toClause(field ?? 'text', value);
    if (clause) clauses.push(clause);
    if ((field === undefined || field === 'text') && firstTerm === undefined) firstTerm = value;
  }
  return { clauses, firstTerm };
}

/** A clause, or null when it holds for every open dataset (each has one CSV resource and one licence). */
function toClause(field: string, value: string): Clause | null {
  switch (field) {
    case 'text':
    case 'title':
    case 'notes':
      return { field, value };
    case 'name':
    case 'id':
    case 'tags':
      return { field, value };
    case 'groups':
      return { field: 'theme', value: value.replace(/-/g, '_') };
    case 'organization':
      // An organisation's CKAN name; the service turns it into the organisation's id.
      return { field: 'org', value: value.toLowerCase() };
    case 'res_format':
      return value.toUpperCase() === 'CSV' ? null : { field: 'none' };
    default:
      return value === LICENSE.id ? null : { field: 'none' };
  }
}

const SORT_KEYS: Record<string, PackageSort['key']> = {
  metadata_modified: 'modified',
  metadata_created: 'created',
  title_string: 'title',
  title: 'title',
  name: 'name',
  score: 'score',
};

/** CKAN's sort: comma-separated `field [asc|desc]`; the default is `score desc, metadata_modified desc`. */
export function parseSort(input: string | undefined): PackageSort[] {
  const s = (input ?? '').trim();
  if (s === '')
    return [
      { key: 'score', dir: 'desc' },
      { key: 'modified', dir: 'desc' },
    ];
  return s.split(',').map((part) => {
    const [f = '', d = 'asc', ...rest] = part.trim().split(/\s+/);
    const key = SORT_KEYS[f];
    if (!key || rest.length > 0 || (d !== 'asc' && d !== 'desc')) refuse(`cannot sort by "${part.trim()}"`);
    return { key, dir: d };
  });
}

export const FACETS = ['organization', 'groups', 'tags', 'res_format', 'license_id'] as const;
export type Facet = (typeof FACETS)[number];

/** `facet.field` is a JSON list of field names, as CKAN takes it. */
export function parseFacetFields(input: unknown): Facet[] {
  if (input === undefined || input === '') return [];
  let list = input;
  if (typeof input === 'string') {
    try {
      list = JSON.parse(input);
    } catch {
      throw new AppError('ckan_param_invalid', { field: 'facet.field', reason: 'not a JSON list' });
    }
  }
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string'))
    throw new AppError('ckan_param_invalid', { field: 'facet.field', reason: 'not a JSON list of names' });
  for (const f of list)
    if (!(FACETS as readonly string[]).includes(f))
      refuse(`cannot facet on "${f}" (only ${FACETS.join(', ')})`);
  return list as Facet[];
}

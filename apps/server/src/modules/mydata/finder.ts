import type { Dataset, DatasetField, SubjectType } from '@shuzhi/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { ttlCache } from '../../platform/ttl-cache.ts';
import { ident, selectList, tableOf } from '../datastore/index.ts';
import { KEY_TYPE } from './subject.ts';

/** A field of a dataset holding a kind of subject's identifier, and whether rows can be found by it. */
export type Match = { ds: Dataset; field: DatasetField; searchable: boolean };
export type Row = Record<string, unknown>;

const UNDEFINED_TABLE = '42P01';
/** Records shown per dataset; a dataset with more says so. */
export const ROWS_PER_DATASET = 50;

/**
 * Finds what the platform holds about a person or an enterprise: the published datasets with a field of
 * their identifier's type (公民身份号码, 统一社会信用代码), searched where the field is the key's first
 * column or marked 筛选索引 — a scan of an unindexed field on a city-sized table is not done per citizen.
 */
export function createFinder(deps: { db: Db; listPublished: () => Promise<Dataset[]> }) {
  const { db } = deps;
  const published = ttlCache<Dataset[]>(30_000);

  async function matches(type: SubjectType): Promise<Match[]> {
    const all = await published.get('all', deps.listPublished);
    const out: Match[] = [];
    for (const ds of all) {
      const first = ds.fields.find((f) => f.key);
      for (const field of ds.fields)
        if (field.personalType === KEY_TYPE[type])
          out.push({ ds, field, searchable: field === first || field.indexed === true });
    }
    return out;
  }

  async function rows(
    m: Match,
    key: string,
    fields: DatasetField[] = m.ds.fields,
    limit = ROWS_PER_DATASET + 1,
  ) {
    try {
      const res = await sql<Row>`select ${selectList(fields)} from ${sql.raw(tableOf(m.ds.code))}
        where ${sql.raw(ident(m.field.name))} = ${key} order by _seq limit ${limit}`.execute(db);
      return res.rows;
    } catch (err) {
      if ((err as { code?: string }).code === UNDEFINED_TABLE) return [];
      throw err;
    }
  }

  /** Values of fields of a personal-data type in the rows about a subject (their phones on record). */
  async function valuesOf(type: SubjectType, key: string, personalType: string): Promise<string[]> {
    const out = new Set<string>();
    for (const m of (await matches(type)).filter((x) => x.searchable)) {
      const wanted = m.ds.fields.filter((f) => f.personalType === personalType);
      if (wanted.length === 0) continue;
      for (const r of await rows(m, key, wanted, 20))
        for (const f of wanted)
          if (r[f.name] !== null && r[f.name] !== undefined) out.add(String(r[f.name]).trim());
    }
    return [...out];
  }

  return {
    matches,
    rows,
    /** The mobile numbers on record for a person. */
    phonesOf: (idNumber: string) => valuesOf('person', idNumber, 'mobile'),
    /** The resident ID numbers recorded with an enterprise (its legal representative's among them). */
    peopleOf: (creditCode: string) => valuesOf('enterprise', creditCode, 'resident_id'),
    /** Whether a record (by its key) of a dataset is about the subject. */
    async isAbout(m: Match, key: string, recordKey: Record<string, string>): Promise<boolean> {
      const keys = m.ds.fields.filter((f) => f.key);
      const cond = sql.join(
        keys.map((k) => sql`${sql.raw(ident(k.name))}::text = ${recordKey[k.name] ?? ''}`),
        sql` and `,
      );
      try {
        const res = await sql<{ n: number }>`select count(*)::int as n from ${sql.raw(tableOf(m.ds.code))}
          where ${cond} and ${sql.raw(ident(m.field.name))} = ${key}`.execute(db);
        return (res.rows[0]?.n ?? 0) > 0;
      } catch (err) {
        if ((err as { code?: string }).code === UNDEFINED_TABLE) return false;
        throw err;
      }
    },
  };
}

export type Finder = ReturnType<typeof createFinder>;

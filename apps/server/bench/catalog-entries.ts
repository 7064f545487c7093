import { Level, ShareType, Theme, UpdateFrequency } from '@shuzhi/contracts';
import { sql } from 'kysely';
import type { Db } from '../src/db/connection.ts';
import { searchText } from '../src/modules/catalog/catalog.service.ts';
import { newId } from '../src/platform/ids.ts';

/** A deterministic pseudo-random stream, so that runs compare. */
export function randomStream(seed = 42) {
  let state = seed;
  const rnd = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T;
  return { rnd, pick };
}

export const subjects = [
  '户籍人口',
  '婚姻登记',
  '出生医学证明',
  '社保参保',
  '企业登记',
  '不动产登记',
  '学籍',
  '车辆登记',
  '医保结算',
  '公积金缴存',
  '低保救助',
  '残疾人',
  '养老服务',
  '食品经营许可',
  '建设工程',
  '排污许可',
  '公交线路',
  '停车泊位',
  '垃圾分类',
  '消防检查',
];
export const qualifiers = ['基本信息', '变更记录', '统计', '明细', '汇总', '台账', '名录', '办理结果'];

/**
 * Writes a city-sized catalog straight into catalog.dataset (the catalog's own rules are tested
 * elsewhere; a benchmark needs the volume). `open` makes every entry a published, unconditionally
 * open one of level L1–L3, as the open-data portal sees them; otherwise types and levels vary and
 * 85% are published.
 */
export async function insertCatalogEntries(
  db: Db,
  opts: { entries: number; open: boolean; rnd: () => number; pick: <T>(a: readonly T[]) => T },
): Promise<{ districts: string[]; orgIds: string[] }> {
  const { rnd, pick } = opts;
  const orgIds = (await db.selectFrom('orgs.org').select('id').execute()).map((o) => o.id);
  const districts = (
    await db.selectFrom('areas.area').select('name').where('level', '=', 'district').execute()
  ).map((a) => a.name);
  for (let i = 0; i < opts.entries; i += 500) {
    const rows = Array.from({ length: Math.min(500, opts.entries - i) }, (_, j) => {
      const n = i + j;
      const fields = [
        {
          name: 'record_id',
          title: '记录编号',
          type: 'string' as const,
          sensitivity: 'none' as const,
          key: true,
        },
        {
          name: 'area_name',
          title: `${pick(districts)}区划`,
          type: 'string' as const,
          sensitivity: 'none' as const,
          key: false,
        },
        {
          name: 'subject',
          title: pick(subjects),
          type: 'string' as const,
          sensitivity: 'low' as const,
          key: false,
        },
      ];
      const row = {
        id: newId(),
        code: `BENCH-${String(n).padStart(6, '0')}`,
        name: `${pick(districts)}${pick(subjects)}${pick(qualifiers)}`,
        name_en: null,
        description: `${pick(subjects)}相关数据，${pick(qualifiers)}，由${pick(districts)}归集`,
        owner_org_id: pick(orgIds),
        source_system: '业务系统',
        theme: pick(Theme.options),
        update_frequency: pick(UpdateFrequency.options),
        share_type: pick(ShareType.options),
        open_type: opts.open ? ('unconditional' as const) : pick(ShareType.options),
        level: opts.open ? pick(['L1', 'L2', 'L3'] as const) : pick(Level.options),
        tags: [pick(subjects)],
        contact: { name: '', phone: '', email: '' },
        fields,
        status: opts.open || rnd() < 0.85 ? ('published' as const) : ('draft' as const),
        version: 1,
        review_comment: null,
        published_at: opts.open ? new Date() : null,
      };
      return {
        ...row,
        search_text: searchText(row),
        tags: JSON.stringify(row.tags),
        contact: JSON.stringify(row.contact),
        fields: JSON.stringify(row.fields),
      };
    });
    await db.insertInto('catalog.dataset').values(rows).execute();
  }
  // What autovacuum leaves after a bulk insert on a production server (this machine's server runs
  // without it): statistics, the search index's pending list merged, pages marked all-visible. Without
  // it the planner shuns the bigram index and text searches scan every entry.
  await sql`vacuum analyze catalog.dataset, catalog.dataset_facet`.execute(db);
  return { districts, orgIds };
}

/** p50 and p95 of the given timings, in ms with two decimals. */
export function percentiles(ms: number[]): { p50_ms: number; p95_ms: number; p99_ms: number } {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => Number((s[Math.floor(p * (s.length - 1))] ?? 0).toFixed(2));
  return { p50_ms: q(0.5), p95_ms: q(0.95), p99_ms: q(0.99) };
}

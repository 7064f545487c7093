import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { searchText } from './catalog.service.ts';

let t: TestContext;
let admin: string;
let viewer: string;
let viewerOrg: string;

type Entry = {
  id: string;
  name: string;
  status: 'draft' | 'submitted' | 'published' | 'retired';
  owner_org_id: string;
  theme: string;
  level: string;
  share_type: string;
  open_type: string;
  update_frequency: string;
  search_text: string;
  updated_at: Date;
};
const FACETS = {
  org: 'owner_org_id',
  theme: 'theme',
  level: 'level',
  shareType: 'share_type',
  openType: 'open_type',
  updateFrequency: 'update_frequency',
} as const;
type Query = {
  q?: string;
  view?: 'resource' | 'share' | 'open';
  sort?: 'relevance' | 'name' | 'updated';
  theme?: string;
  level?: string;
  org?: string;
  status?: string;
};

// Texts chosen so that bigrams alone would mislead: 人口基 has the bigrams 人口 and 口基, which
// 人口与口基 contains without containing 人口基.
const names = [
  '户籍人口基数',
  '人口与口基',
  'GIS地图服务',
  '婚姻登记',
  '地名地址',
  '道路图层',
  '人口普查汇总',
];
const words = ['明细', '统计', '台账', '人口基础', '图'];

/** Entries written straight to the table, as the bench does, in every status and several orgs. */
async function load(): Promise<void> {
  const orgIds = (
    await t.handle.db.selectFrom('orgs.org').select('id').orderBy('code').limit(4).execute()
  ).map((o) => o.id);
  const pick = <T>(a: readonly T[], i: number) => a[i % a.length] as T;
  const statuses = ['published', 'published', 'draft', 'submitted', 'retired'] as const;
  const rows = Array.from({ length: 70 }, (_, i) => {
    const row = {
      id: newId(),
      code: `SRCH-${String(i).padStart(3, '0')}`,
      name: `${pick(names, i)}${i % 3 === 0 ? pick(words, i) : ''}`,
      name_en: null,
      description: `${pick(words, i * 7)}，${pick(names, i * 5)}`,
      owner_org_id: i % 6 === 0 ? viewerOrg : pick(orgIds, i),
      source_system: '',
      theme: pick(['population', 'urban', 'health'], i),
      update_frequency: pick(['daily', 'monthly'], i * 3),
      share_type: pick(['unconditional', 'conditional', 'none'], i * 2),
      open_type: pick(['unconditional', 'none'], i * 5),
      level: pick(['L1', 'L2', 'L3', 'L4'], i),
      tags: [pick(words, i + 2)],
      contact: { name: '', phone: '', email: '' },
      fields: [
        {
          name: 'k',
          title: pick(names, i + 3),
          type: 'string' as const,
          sensitivity: 'none' as const,
          key: true,
        },
      ],
      status: pick(statuses, i * 3),
      version: 1,
      review_comment: null,
      published_at: null,
      // Every third shares its timestamp with the next, so that ties fall to the id.
      updated_at: new Date(Date.UTC(2026, 0, 1, 0, 0, Math.floor(i / 3) * 3 + (i % 3 === 0 ? 1 : 0))),
    };
    return {
      ...row,
      search_text: searchText(row),
      tags: JSON.stringify(row.tags),
      contact: JSON.stringify(row.contact),
      fields: JSON.stringify(row.fields),
    };
  });
  await t.handle.db.insertInto('catalog.dataset').values(rows).execute();
}

/** What a search must answer, worked out from every entry without the database's help. */
function expected(all: Entry[], who: 'admin' | 'viewer' | 'anonymous', q: Query) {
  const view = q.view ?? 'resource';
  const terms = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const hits = all.filter(
    (e) =>
      (who === 'admin' || e.status === 'published' || (who === 'viewer' && e.owner_org_id === viewerOrg)) &&
      (view !== 'share' || (e.share_type !== 'none' && e.status === 'published')) &&
      (view !== 'open' || (e.open_type !== 'none' && e.status === 'published')) &&
      terms.every((w) => e.search_text.includes(w)) &&
      (!q.theme || e.theme === q.theme) &&
      (!q.level || e.level === q.level) &&
      (!q.org || e.owner_org_id === q.org) &&
      (!q.status || e.status === q.status),
  );
  const first = terms[0];
  const rank = (e: Entry) => (q.sort !== 'name' && first && e.name.toLowerCase().includes(first) ? 1 : 0);
  const ordered = [...hits].sort(
    (a, b) => rank(b) - rank(a) || b.updated_at.getTime() - a.updated_at.getTime() || (a.id < b.id ? -1 : 1),
  );
  const facets = Object.fromEntries(
    Object.entries(FACETS).map(([facet, col]) => {
      const counts: Record<string, number> = {};
      for (const e of hits) counts[e[col]] = (counts[e[col]] ?? 0) + 1;
      return [facet, counts];
    }),
  );
  return { ids: ordered.map((e) => e.id), total: hits.length, facets };
}

/** Every page of a search, 7 at a time, through the HTTP API. */
async function searchAll(cookie: string | null, q: Query) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let first: { total: number; facets: Record<string, { value: string; count: number }[]> } | undefined;
  do {
    const params = new URLSearchParams({ ...(q as Record<string, string>), limit: '7' });
    if (cursor) params.set('cursor', cursor);
    const res = await t.app.inject({
      url: `/api/v1/catalog/datasets?${params}`,
      headers: cookie ? { cookie } : {},
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    first ??= page;
    ids.push(...page.items.map((d: { id: string }) => d.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const facets = Object.fromEntries(
    Object.entries(first?.facets ?? {}).map(([k, list]) => [
      k,
      Object.fromEntries(list.map((f) => [f.value, f.count])),
    ]),
  );
  return { ids, total: first?.total, facets };
}

beforeAll(async () => {
  t = await createTestContext();
  [admin, viewer] = await Promise.all([t.login('admin'), t.login('viewer')]);
  const row = await t.handle.db
    .selectFrom('auth.grants')
    .innerJoin('auth.users', 'auth.users.id', 'auth.grants.user_id')
    .select('auth.grants.org_id')
    .where('auth.users.username', '=', 'viewer')
    .executeTakeFirstOrThrow();
  viewerOrg = row.org_id;
  await load();
});
afterAll(() => t.close());

describe('catalog search answers', () => {
  const queries: [string, 'admin' | 'viewer' | 'anonymous', Query][] = [
    ['a listing', 'viewer', {}],
    ['a listing by name', 'admin', { sort: 'name' }],
    ['a filtered listing', 'viewer', { theme: 'urban', level: 'L1' }],
    ['the share view', 'viewer', { view: 'share', sort: 'updated' }],
    ['the public open view', 'anonymous', { view: 'open' }],
    ['a two-character term (its one bigram decides)', 'viewer', { q: '人口' }],
    ['a longer term whose bigrams appear apart', 'admin', { q: '人口基' }],
    ['two terms, one in Latin capitals in the name', 'admin', { q: 'gis 地图' }],
    ['a one-character term (no bigram)', 'viewer', { q: '图' }],
    ['text with facet filters in the share view', 'viewer', { q: '统计', view: 'share', theme: 'health' }],
    ['text by status for the admin', 'admin', { q: '地', status: 'draft' }],
    ['text sorted by name', 'viewer', { q: '人口', sort: 'name' }],
    ['a term nothing contains', 'viewer', { q: '不存在的词' }],
  ];
  it.each(queries)(
    '%s: the same entries, order, total and facets as a reading of every entry',
    async (_, who, q) => {
      const all = (await t.handle.db
        .selectFrom('catalog.dataset')
        .select([
          'id',
          'name',
          'status',
          'owner_org_id',
          'theme',
          'level',
          'share_type',
          'open_type',
          'update_frequency',
          'search_text',
          'updated_at',
        ])
        .execute()) as Entry[];
      const want = expected(all, who, q);
      const got = await searchAll(who === 'admin' ? admin : who === 'viewer' ? viewer : null, q);
      expect(got.total).toBe(want.total);
      expect(got.facets).toEqual(want.facets);
      if (q.sort === 'name') {
        // Names order by the database's collation: check the pages against it, not against JavaScript's.
        const byName =
          want.ids.length === 0
            ? []
            : (
                await t.handle.db
                  .selectFrom('catalog.dataset')
                  .select('id')
                  .where('id', 'in', want.ids)
                  .orderBy('name')
                  .orderBy('id')
                  .execute()
              ).map((r) => r.id);
        expect(got.ids).toEqual(byName);
      } else {
        expect(got.ids).toEqual(want.ids);
      }
    },
  );

  it('finds some entries in most of these searches, so that they test something', async () => {
    const viewerHits = await searchAll(viewer, { q: '人口' });
    expect(viewerHits.total).toBeGreaterThan(10);
    expect((await searchAll(admin, { q: '人口基' })).total).toBeGreaterThan(0);
    expect((await searchAll(admin, { q: '人口与口基' })).total).toBeGreaterThan(0);
  });
});

describe('the narrow copy that facet counts read', () => {
  const copy = () =>
    sql<{ n: number }>`select count(*)::int as n from (
      (select id, status, owner_org_id, theme, level, share_type, open_type, update_frequency, tags
         from catalog.dataset
       except all
       select * from catalog.dataset_facet)
      union all
      (select * from catalog.dataset_facet
       except all
       select id, status, owner_org_id, theme, level, share_type, open_type, update_frequency, tags
         from catalog.dataset)) d`.execute(t.handle.db);
  const size = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from catalog.dataset_facet`.execute(t.handle.db))
      .rows[0]?.n;

  it('follows every insert, update, delete and truncation of the entries', async () => {
    const db = t.handle.db;
    expect((await copy()).rows[0]?.n).toBe(0);
    expect(await size()).toBeGreaterThanOrEqual(70);

    await db
      .updateTable('catalog.dataset')
      .set({ theme: 'transport' })
      .where('code', 'like', 'SRCH-00%')
      .execute();
    await db
      .updateTable('catalog.dataset')
      .set({ status: 'retired' })
      .where('code', '=', 'SRCH-010')
      .execute();
    expect((await copy()).rows[0]?.n).toBe(0);
    const listed = await searchAll(admin, { theme: 'transport' });
    expect(listed.total).toBe(10);

    await db.deleteFrom('catalog.dataset').where('code', 'like', 'SRCH-01%').execute();
    expect((await copy()).rows[0]?.n).toBe(0);
    expect((await searchAll(admin, {})).total).toBe(await size());

    await sql`truncate catalog.dataset`.execute(db);
    expect(await size()).toBe(0);
    expect((await searchAll(admin, {})).total).toBe(0);
  });
});

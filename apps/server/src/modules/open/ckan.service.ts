import type { Org, Theme } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { OrgsService } from '../orgs/index.ts';
import { type KeyUse, keyDetails } from './access/key-use.ts';
import type { RecordsService } from './access/records.service.ts';
import { groupDict, organizationDict, packageDict, resourceDict, tagDict } from './ckan.dicts.ts';
import { bool, int, json, names, type Params, required, str } from './ckan.params.ts';
import { FACETS, type Facet, parseFacetFields, parseQuery, parseSort } from './ckan.query.ts';
import { ROWS_MAX, searchRecords, TOTAL_ESTIMATION_THRESHOLD } from './open.datastore.ts';
import { gated, LICENSE, orgSlugOf, type ReleaseCheck, resourceIdOf, themeTitles } from './open.names.ts';
import * as repo from './open.repo.ts';
import { searchSql } from './open.sql.ts';

export type CallContext = {
  actor: Actor;
  base: string;
  path: string;
  /** Counts an API call of a dataset for the usage statistics. */
  count?: (d: repo.OpenDatasetRow) => Promise<void>;
  /** The API key the call carried: record reads name it in the ledger. */
  key?: KeyUse;
};
type Action = { doc: string; run: (p: Params, c: CallContext) => Promise<unknown> };

/**
 * The CKAN Action API v3 over open data: the read actions CKAN clients and harvesters use. Only
 * published datasets open unconditionally exist here; everything else answers Not Found, as if it
 * were not there. Reads of records (datastore_*) are written to the ledger.
 */
export function createCkanService(deps: {
  db: Db;
  orgs: OrgsService;
  ledger: Ledger;
  siteTitle: string;
  release: ReleaseCheck;
  /** Conditionally open datasets, for the API keys of approved applicants (datastore_search only). */
  conditional?: Pick<RecordsService, 'grant'>;
}) {
  const { db, orgs, ledger } = deps;

  async function orgsById(ids: string[]): Promise<Map<string, Org>> {
    return new Map((await orgs.findOrgs(ids)).map((o) => [o.id, o]));
  }

  async function toPackages(base: string, rows: repo.OpenDatasetRow[]) {
    const [byId, stats] = await Promise.all([
      orgsById(rows.map((r) => r.owner_org_id)),
      repo.tableStatsOf(
        db,
        rows.map((r) => r.code),
      ),
    ]);
    return rows.map((r) =>
      packageDict(base, r, byId.get(r.owner_org_id) as Org, stats.get(r.code) as repo.TableStats),
    );
  }

  async function getPackage(idOrName: string) {
    const d = await repo.findOpenDataset(db, idOrName);
    if (!d) throw notFound('dataset', idOrName);
    return d;
  }

  /** A resource by its id or, as CKAN's DataStore aliases allow, by its dataset's CKAN name. */
  /*
   * Resource ids are name-based UUIDs of dataset ids, which cannot be reversed: a map from resource
   * to dataset id, rebuilt when an id is not in it (a dataset opened since; the API's rate limit
   * bounds how often unknown ids can make it), saves hashing every open dataset's id on every call.
   * It only points: the dataset is then read through the open-only rule, so a dataset closed since the
   * map was built is not found.
   */
  let resourceIndex = new Map<string, string>();
  async function datasetOfResource(key: string): Promise<string | undefined> {
    if (!resourceIndex.has(key)) {
      resourceIndex = new Map((await repo.listOpenDatasetIds(db, 'listed')).map((d) => [resourceIdOf(d), d]));
    }
    return resourceIndex.get(key);
  }

  async function getResource(id: string, v: repo.Visibility = 'open') {
    const key = id.toLowerCase();
    const datasetId = /^[0-9a-f-]{36}$/.test(key) ? await datasetOfResource(key) : undefined;
    const byId = datasetId ? await repo.findOpenDataset(db, datasetId, v) : undefined;
    // A package id is not a resource id: only names stand in for resources.
    const d = byId ?? (/^[0-9a-f-]{36}$/.test(key) ? undefined : await repo.findOpenDataset(db, key, v));
    if (!d) throw notFound('open_resource', id);
    return d;
  }

  /**
   * A resource to read records of: an unconditionally open one, or, for a call with an API key, a
   * conditionally open one with what the key's approved applications allow (their refusals are 403s,
   * as on the records API). Anyone else finds no conditionally open resource.
   */
  async function readableResource(id: string, c: CallContext) {
    try {
      return { d: await getResource(id), grant: undefined };
    } catch (e) {
      if (!c.key || !deps.conditional || !(e instanceof AppError && e.code === 'not_found')) throw e;
      const d = await getResource(id, 'listed');
      return { d, grant: await deps.conditional.grant(c.key, d.code) };
    }
  }

  /** The organisations publishing open data, with their counts. */
  async function publishingOrgs() {
    const counts = await repo.countsByOrg(db);
    const list = await orgs.findOrgs([...counts.keys()]);
    return list.map((o) => ({ org: o, count: counts.get(o.id) ?? 0 }));
  }

  async function orgBySlug(slug: string): Promise<Org | undefined> {
    const o = /^[0-9a-f-]{36}$/i.test(slug)
      ? (await orgs.findOrgs([slug.toLowerCase()]))[0]
      : await orgs.findOrgByCode(slug.toUpperCase());
    return o;
  }

  function listSort<T>(
    items: T[],
    sort: string | undefined,
    name: (t: T) => string,
    title: (t: T) => string,
    count: (t: T) => number,
  ) {
    const [key = 'name', dir = 'asc'] = (sort ?? 'name asc').trim().split(/\s+/);
    const by: Record<string, (a: T, b: T) => number> = {
      name: (a, b) => name(a).localeCompare(name(b)),
      title: (a, b) => title(a).localeCompare(title(b), 'zh-CN'),
      package_count: (a, b) => count(a) - count(b),
    };
    const cmp = by[key];
    if (!cmp || (dir !== 'asc' && dir !== 'desc'))
      throw new AppError('ckan_param_invalid', { field: 'sort', reason: `cannot sort by "${sort}"` });
    return [...items].sort((a, b) => (dir === 'desc' ? -cmp(a, b) : cmp(a, b)));
  }

  function page<T>(items: T[], p: Params, dfltLimit?: number) {
    const offset = int(p, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const limit =
      p.limit === undefined && dfltLimit === undefined
        ? items.length
        : int(p, 'limit', dfltLimit ?? items.length, 0, 1000);
    return items.slice(offset, offset + limit);
  }

  const actions: Record<string, Action> = {
    status_show: {
      doc: 'status_show: 站点状态 / site status: CKAN version emulated, extensions, site title.',
      run: async (_p, c) => ({
        site_title: deps.siteTitle,
        site_description: '开放数据 / Open data',
        site_url: c.base,
        ckan_version: '2.10.0',
        error_emails_to: null,
        locale_default: 'zh_Hans_CN',
        extensions: ['datastore', 'dcat'],
      }),
    },
    site_read: {
      doc: 'site_read: 站点可读 / whether the site can be read: always true.',
      run: async () => true,
    },
    help_show: {
      doc: 'help_show(name): 接口说明 / the documentation of an action.',
      run: async (p) => {
        const name = required(p, 'name');
        const a = actions[name];
        if (!a) throw notFound('open_resource', `Action function not found: ${name}`);
        return `${a.doc}\n\n完整说明 / full documentation: docs/open-data.md`;
      },
    },
    package_list: {
      doc: 'package_list(limit, offset): 开放数据集名称列表 / names of the open datasets, sorted.',
      run: async (p) => {
        const offset = int(p, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
        const limit = p.limit === undefined ? undefined : int(p, 'limit', 0, 0, 100_000);
        return repo.listOpenNames(db, offset, limit);
      },
    },
    package_show: {
      doc: 'package_show(id): 按 id 或名称取数据集 / one open dataset by id or name.',
      run: async (p, c) => {
        const d = await getPackage(required(p, 'id'));
        await c.count?.(d);
        return (await toPackages(c.base, [d]))[0];
      },
    },
    package_search: {
      doc: 'package_search(q, fq, rows, start, sort, facet.field, facet.limit, facet.mincount): 检索开放数据集 / search open datasets.',
      run: async (p, c) => {
        const q = parseQuery(str(p, 'q') ?? '');
        const fq = parseQuery(str(p, 'fq') ?? '');
        const clauses = await resolveOrgs([...q.clauses, ...fq.clauses]);
        const rows = int(p, 'rows', 10, 0, 1000);
        const start = int(p, 'start', 0, 0, Number.MAX_SAFE_INTEGER);
        const sort = parseSort(str(p, 'sort'));
        const facetFields = parseFacetFields(p['facet.field']);
        const facetLimit = int(p, 'facet.limit', 50, -1, 10_000);
        const minCount = int(p, 'facet.mincount', 1, 0, Number.MAX_SAFE_INTEGER);
        // The page, the count and the facets are independent: on a server they run side by side.
        const [found, count, { facets, search_facets }] = await Promise.all([
          rows === 0 ? [] : repo.searchPackages(db, clauses, sort, q.firstTerm, start, rows),
          repo.countPackages(db, clauses),
          countFacets(clauses, facetFields, facetLimit, minCount),
        ]);
        return {
          count,
          sort: str(p, 'sort') ?? 'score desc, metadata_modified desc',
          facets,
          search_facets,
          results: await toPackages(c.base, found),
        };
      },
    },
    resource_show: {
      doc: 'resource_show(id): 取资源 / one resource by id.',
      run: async (p, c) => {
        const d = await getResource(required(p, 'id'));
        await c.count?.(d);
        return resourceDict(c.base, d, await repo.tableStats(db, d.code));
      },
    },
    organization_list: {
      doc: 'organization_list(sort, limit, offset, all_fields): 发布开放数据的机构 / organisations that publish open data.',
      run: async (p) => {
        const list = listSort(
          await publishingOrgs(),
          str(p, 'sort'),
          (x) => orgSlugOf(x.org.code),
          (x) => x.org.name,
          (x) => x.count,
        );
        const all = bool(p, 'all_fields', false);
        return page(list, p).map((x) => (all ? organizationDict(x.org, x.count) : orgSlugOf(x.org.code)));
      },
    },
    organization_show: {
      doc: 'organization_show(id, include_datasets): 取机构 / one organisation by id or name.',
      run: async (p, c) => {
        const id = required(p, 'id');
        const org = await orgBySlug(id);
        const count = org ? ((await repo.countsByOrg(db)).get(org.id) ?? 0) : 0;
        if (!org || count === 0) throw notFound('org', id);
        const out: Record<string, unknown> = {
          ...organizationDict(org, count),
          users: [],
          extras: [],
          groups: [],
          tags: [],
        };
        if (bool(p, 'include_datasets', false)) {
          const rows = await repo.searchPackages(
            db,
            [{ field: 'org', value: org.id }],
            [{ key: 'name', dir: 'asc' }],
            undefined,
            0,
            1000,
          );
          out.packages = await toPackages(c.base, rows);
        }
        return out;
      },
    },
    group_list: {
      doc: 'group_list(sort, limit, offset, all_fields): 主题（CKAN 分组）/ themes as CKAN groups.',
      run: async (p) => {
        const counts = await repo.countsByTheme(db);
        const list = listSort(
          [...counts.entries()],
          str(p, 'sort'),
          ([t]) => t,
          ([t]) => themeTitles[t as Theme].zh,
          ([, n]) => n,
        );
        const all = bool(p, 'all_fields', false);
        return page(list, p).map(([t, n]) => (all ? groupDict(t as Theme, n) : t));
      },
    },
    group_show: {
      doc: 'group_show(id): 取主题 / one theme.',
      run: async (p) => {
        const id = required(p, 'id');
        const n = (await repo.countsByTheme(db)).get(id.replace(/-/g, '_'));
        if (!n) throw notFound('open_group', id);
        return groupDict(id.replace(/-/g, '_') as Theme, n);
      },
    },
    tag_list: {
      doc: 'tag_list(query, all_fields): 开放数据集的标签 / tags of open datasets.',
      run: async (p) => {
        const query = str(p, 'query')?.toLowerCase();
        const tags = (await repo.listTags(db)).filter((t) => !query || t.toLowerCase().includes(query));
        return bool(p, 'all_fields', false) ? tags.map(tagDict) : tags;
      },
    },
    datastore_search: {
      doc: 'datastore_search(resource_id, filters, q, fields, sort, limit, offset, include_total): 查询资源记录 / records of a resource.',
      run: async (p, c) => {
        const resourceId = required(p, 'resource_id');
        const { d, grant } = await readableResource(resourceId, c);
        await deps.release(gated(d));
        const filters = json(p, 'filters') ?? {};
        if (typeof filters !== 'object' || Array.isArray(filters))
          throw new AppError('ckan_param_invalid', { field: 'filters', reason: 'must be a JSON object' });
        const format = str(p, 'records_format') ?? 'objects';
        if (format !== 'objects')
          throw new AppError('ckan_param_invalid', {
            field: 'records_format',
            reason: 'only "objects" is supported',
          });
        // q is text, or (CKAN's per-field form) an object, given as JSON text in a query string.
        const qValue = typeof p.q === 'string' && !p.q.trim().startsWith('{') ? p.q : json(p, 'q');
        if (
          qValue !== undefined &&
          typeof qValue !== 'string' &&
          (typeof qValue !== 'object' || Array.isArray(qValue))
        )
          throw new AppError('ckan_param_invalid', {
            field: 'q',
            reason: 'must be text or an object of field: text',
          });
        const limit = int(p, 'limit', 100, 0, ROWS_MAX);
        const offset = int(p, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
        const includeTotal = bool(p, 'include_total', bool(p, 'total', true));
        const totalEstimationThreshold =
          p.total_estimation_threshold === null
            ? null
            : int(p, 'total_estimation_threshold', TOTAL_ESTIMATION_THRESHOLD, 0, Number.MAX_SAFE_INTEGER);
        const r = await searchRecords(
          db,
          d,
          {
            filters: filters as Record<string, unknown>,
            q: qValue as string | Record<string, string> | undefined,
            fields: names(p, 'fields'),
            sort: str(p, 'sort'),
            limit,
            offset,
            includeTotal,
            totalEstimationThreshold,
          },
          grant?.shape,
        );
        const shown = r.fields.map((f) => f.id);
        await ledger.record({
          actor: c.actor,
          action: 'open.datastore_search',
          result: 'ok',
          dataset: d.code,
          ...(grant
            ? { purpose: grant.purpose, fields: shown, subjects: grant.subjects(shown, r.records) }
            : {}),
          details: {
            resource_id: resourceIdOf(d.id),
            records: r.records.length,
            offset,
            limit,
            ...(grant ? grant.details : keyDetails(c.key)),
          },
        });
        await c.count?.(d);
        const links = (extra: Record<string, string>) => {
          const u = new URLSearchParams();
          for (const [k, v] of Object.entries(p))
            if (k !== 'offset' && v !== undefined) u.set(k, typeof v === 'string' ? v : JSON.stringify(v));
          for (const [k, v] of Object.entries(extra)) u.set(k, v);
          return `${c.path}?${u.toString()}`;
        };
        return {
          include_total: includeTotal,
          resource_id: resourceIdOf(d.id),
          fields: r.fields,
          records_format: 'objects',
          records: grant ? r.records.map(grant.mask) : r.records,
          limit,
          ...(offset ? { offset } : {}),
          ...(p.filters !== undefined ? { filters } : {}),
          ...(qValue !== undefined ? { q: qValue } : {}),
          ...(p.sort !== undefined ? { sort: str(p, 'sort') } : {}),
          _links: { start: links({}), next: links({ offset: String(offset + limit) }) },
          ...(r.total !== undefined ? { total: r.total, total_was_estimated: r.totalWasEstimated } : {}),
        };
      },
    },
    datastore_search_sql: {
      doc: `datastore_search_sql(sql): 只读 SQL，仅限开放资源，超时 / read-only SQL over open resources, with a timeout.`,
      run: async (p, c) => {
        const statement = required(p, 'sql');
        const r = await searchSql(db, statement, await repo.listOpenDatasets(db), (d) =>
          deps.release(gated(d)),
        );
        for (const d of r.used) {
          await ledger.record({
            actor: c.actor,
            action: 'open.datastore_search_sql',
            result: 'ok',
            dataset: d.code,
            details: { resource_id: resourceIdOf(d.id), records: r.records.length, ...keyDetails(c.key) },
          });
          await c.count?.(d);
        }
        return {
          sql: statement,
          records: r.records,
          fields: r.fields,
          ...(r.truncated ? { records_truncated: true } : {}),
        };
      },
    },
  };

  /** Turns organisation names in clauses into ids (an unknown name matches nothing). */
  async function resolveOrgs(clauses: repo.Clause[]): Promise<repo.Clause[]> {
    return Promise.all(
      clauses.map(async (c): Promise<repo.Clause> => {
        if (c.field !== 'org') return c;
        const o = await orgBySlug(c.value);
        return o ? { field: 'org', value: o.id } : { field: 'none' };
      }),
    );
  }

  async function countFacets(clauses: repo.Clause[], fields: Facet[], limit: number, minCount: number) {
    const facets: Record<string, Record<string, number>> = {};
    const search_facets: Record<
      string,
      { title: string; items: { name: string; display_name: string; count: number }[] }
    > = {};
    if (fields.length === 0) return { facets, search_facets };
    const counted = await repo.facetCounts(db, clauses, fields.includes('tags'));
    const byOrg = await orgsById([...counted.orgs.keys()]);
    for (const f of fields) {
      const counts = new Map<string, { display: string; n: number }>();
      if (f === 'organization')
        for (const [id, n] of counted.orgs) {
          const o = byOrg.get(id);
          if (o) counts.set(orgSlugOf(o.code), { display: o.name, n });
        }
      else if (f === 'groups')
        for (const [theme, n] of counted.themes)
          counts.set(theme, { display: themeTitles[theme as Theme].zh, n });
      else if (f === 'tags') for (const [tag, n] of counted.tags) counts.set(tag, { display: tag, n });
      else if (counted.total > 0) {
        // Every open dataset has one CSV resource under the one licence.
        if (f === 'res_format') counts.set('CSV', { display: 'CSV', n: counted.total });
        else counts.set(LICENSE.id, { display: LICENSE.title, n: counted.total });
      }
      const items = [...counts.entries()]
        .filter(([, e]) => e.n >= minCount)
        .sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))
        .slice(0, limit < 0 ? undefined : limit);
      facets[f] = Object.fromEntries(items.map(([k, e]) => [k, e.n]));
      search_facets[f] = {
        title: f,
        items: items.map(([k, e]) => ({ name: k, display_name: e.display, count: e.n })),
      };
    }
    return { facets, search_facets };
  }

  return {
    /** The actions this API serves, with their one-line documentation. */
    actions: Object.fromEntries(Object.entries(actions).map(([k, a]) => [k, a.doc])) as Record<
      string,
      string
    >,
    has: (name: string) => Object.hasOwn(actions, name),
    /** Runs an action; throws AppError for CKAN's error kinds. */
    call: (name: string, p: Params, c: CallContext) => (actions[name] as Action).run(p, c),
    facets: FACETS,
  };
}

export type CkanService = ReturnType<typeof createCkanService>;

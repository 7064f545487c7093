import type { Area, AreaLevel, AreaNode, AreaWithPath, Job } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireRole } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { JobsService } from '../jobs/index.ts';
import { assertCoversCommunity, assertMayDrawGrids } from './areas.policy.ts';
import * as repo from './areas.repo.ts';
import { type ReferenceArea, readReferenceAreas } from './reference-data.ts';

const toArea = (r: repo.AreaRow): Area => ({
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parent_code,
  childCount: r.child_count,
});

export type ProgressFn = (done: number, total: number) => void | Promise<void>;

/** The administrative tree: reads for everyone, grids drawn by those responsible for an area. */
export function createAreasService(deps: { db: Db; jobs: JobsService }) {
  const { db, jobs } = deps;

  async function getRow(code: string): Promise<repo.AreaRow> {
    const row = await repo.findArea(db, code);
    if (!row) throw notFound('area', code);
    return row;
  }

  async function getPath(code: string): Promise<Area[]> {
    const row = await getRow(code);
    const codes = row.path.split('.');
    const rows = await repo.listAreasByCodes(db, codes);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    return codes.flatMap((c) => (byCode.has(c) ? [toArea(byCode.get(c) as repo.AreaRow)] : []));
  }

  const service = {
    async getArea(code: string): Promise<Area> {
      return toArea(await getRow(code));
    },

    /** The code path (`330100.330106.…`) of an area, for scope checks in other modules. */
    async getAreaPath(code: string): Promise<string> {
      return (await getRow(code)).path;
    },

    /** Names of the given areas; unknown codes are left out. */
    async findNames(codes: string[]): Promise<Map<string, string>> {
      const rows = await repo.listAreasByCodes(db, [...new Set(codes)]);
      return new Map(rows.map((r) => [r.code, r.name]));
    },

    async listChildren(code: string): Promise<Area[]> {
      await getRow(code);
      return (await repo.listChildAreas(db, [code])).map(toArea);
    },

    getPath,

    async tree(rootCode: string, depth: number): Promise<AreaNode> {
      const root: AreaNode = toArea(await getRow(rootCode));
      let level: AreaNode[] = [root];
      for (let d = 0; d < depth && level.length > 0; d++) {
        const children = await repo.listChildAreas(
          db,
          level.map((n) => n.code),
        );
        const byParent = new Map<string, AreaNode[]>();
        for (const c of children) {
          const list = byParent.get(c.parent_code as string) ?? [];
          list.push(toArea(c));
          byParent.set(c.parent_code as string, list);
        }
        for (const n of level) n.children = byParent.get(n.code) ?? [];
        level = level.flatMap((n) => n.children ?? []);
      }
      return root;
    },

    async search(q: {
      q: string;
      level?: AreaLevel;
      under?: string;
      limit: number;
    }): Promise<AreaWithPath[]> {
      const underPath = q.under ? (await getRow(q.under)).path : undefined;
      const rows = await repo.searchAreas(db, { text: q.q, level: q.level, underPath, limit: q.limit });
      const ancestorCodes = rows.flatMap((r) => r.path.split('.'));
      const names = new Map(
        (await repo.listAreasByCodes(db, [...new Set(ancestorCodes)])).map((r) => [r.code, r.name]),
      );
      return rows.map((r) => ({ ...toArea(r), pathNames: r.path.split('.').map((c) => names.get(c) ?? c) }));
    },

    async createGrid(actor: Actor, communityCode: string, name: string): Promise<Area> {
      const a = assertMayDrawGrids(actor);
      return db.transaction().execute(async (trx) => {
        // Lock the community so concurrent creations number their grids one after another.
        const community = await trx
          .selectFrom('areas.area')
          .selectAll()
          .where('code', '=', communityCode)
          .forUpdate()
          .executeTakeFirst();
        if (!community) throw notFound('area', communityCode);
        assertCoversCommunity(a, community);
        if (community.level !== 'community') {
          throw new AppError('grid_parent_not_community', { code: community.code, level: community.level });
        }
        const max = await repo.maxChildCode(trx, communityCode);
        const next = (max ? Number(max.slice(-3)) : 0) + 1;
        if (next > 999) throw new AppError('conflict', { resource: 'area', id: `${communityCode}999` });
        const code = `${communityCode}${String(next).padStart(3, '0')}`;
        await repo.insertArea(trx, {
          code,
          name,
          level: 'grid',
          parent_code: communityCode,
          path: `${community.path}.${code}`,
          created_by: a.id,
        });
        return { code, name, level: 'grid', parentCode: communityCode, childCount: 0 };
      });
    },

    /** Queues a re-import of the reference divisions (platform admin only). */
    async startImport(actor: Actor): Promise<Job> {
      return jobs.enqueue(requireRole(actor, 'platform_admin'), 'areas.import', {});
    },

    async countAreas(): Promise<number> {
      return repo.countAreas(db);
    },

    /** Loads (or refreshes) the shipped Hangzhou divisions; user-drawn grids are kept. */
    async importReference(onProgress?: ProgressFn, source?: ReferenceArea[]): Promise<{ imported: number }> {
      const areas = source ?? readReferenceAreas();
      const batch = 500;
      // Batches are separate statements, not one transaction: the upsert is idempotent, so an
      // interrupted import is finished by running it again, and progress writes are never blocked.
      for (let i = 0; i < areas.length; i += batch) {
        await repo.upsertReferenceAreas(db, areas.slice(i, i + batch));
        await onProgress?.(Math.min(i + batch, areas.length), areas.length);
      }
      return { imported: areas.length };
    },
  };
  jobs.register(
    'areas.import',
    async (ctx) => service.importReference((done, total) => ctx.progress(done, total)),
    {
      maxAttempts: 2,
    },
  );
  return service;
}

export type AreasService = ReturnType<typeof createAreasService>;

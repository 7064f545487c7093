import type { CreateOrgBody, Org, OrgType, UpdateOrgBody } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireRole } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { isValidCreditCode } from '../../platform/formats.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import type { AreasService } from '../areas/index.ts';
import * as repo from './orgs.repo.ts';
import { cityDepartments, districtEnglish, organCode } from './seed-data.ts';

const CITY = '330100';

/** Organisations: public to read (the portal lists them), changed by the platform admin. */
export function createOrgsService(deps: { db: Db; areas: AreasService }) {
  const { db, areas } = deps;

  async function toOrgs(rows: repo.OrgRow[]): Promise<Org[]> {
    const names = await areas.findNames(rows.map((r) => r.area_code));
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      nameEn: r.name_en,
      type: r.type,
      parentId: r.parent_id,
      areaCode: r.area_code,
      areaName: names.get(r.area_code) ?? r.area_code,
    }));
  }

  async function getRow(id: string): Promise<repo.OrgRow> {
    const row = await repo.findOrg(db, id);
    if (!row) throw notFound('org', id);
    return row;
  }

  async function assertParent(parentId: string | undefined, selfId?: string): Promise<void> {
    if (!parentId) return;
    // Walk up from the new parent: meeting ourselves would close a cycle.
    let cursor: string | null = parentId;
    for (let depth = 0; cursor; depth++) {
      if (cursor === selfId || depth > 50) throw new AppError('invalid_parent', { reason: 'cycle' });
      const row: repo.OrgRow | undefined = await repo.findOrg(db, cursor);
      if (!row) throw notFound('org', cursor);
      cursor = row.parent_id;
    }
  }

  return {
    async getOrg(id: string): Promise<Org> {
      return (await toOrgs([await getRow(id)]))[0] as Org;
    },

    /** The organisations with these ids; unknown ids are left out. */
    async findOrgs(ids: string[]): Promise<Org[]> {
      return toOrgs(await repo.listOrgsByIds(db, [...new Set(ids)]));
    },

    async findOrgByCode(code: string): Promise<Org | undefined> {
      const row = await repo.findOrgByCode(db, code);
      return row ? ((await toOrgs([row]))[0] as Org) : undefined;
    },

    async listOrgs(q: { q?: string; type?: OrgType; areaCode?: string; cursor?: string; limit: number }) {
      const after = decodeCursor(q.cursor, 2) as [string, string] | null;
      const rows = await repo.listOrgs(db, {
        text: q.q,
        type: q.type,
        areaCode: q.areaCode,
        after,
        limit: q.limit,
      });
      const page = toPage(rows, q.limit, (r) => [r.code, r.id]);
      return { items: await toOrgs(page.items), nextCursor: page.nextCursor };
    },

    async createOrg(actor: Actor, body: CreateOrgBody): Promise<Org> {
      requireRole(actor, 'platform_admin');
      if (!isValidCreditCode(body.code)) throw new AppError('invalid_credit_code', { code: body.code });
      await areas.getArea(body.areaCode);
      await assertParent(body.parentId);
      if (await repo.findOrgByCode(db, body.code))
        throw new AppError('conflict', { resource: 'org_code', id: body.code });
      const row = await repo.insertOrg(db, {
        id: newId(),
        code: body.code,
        name: body.name,
        name_en: body.nameEn ?? null,
        type: body.type,
        parent_id: body.parentId ?? null,
        area_code: body.areaCode,
      });
      return (await toOrgs([row]))[0] as Org;
    },

    async updateOrg(actor: Actor, id: string, body: UpdateOrgBody): Promise<Org> {
      requireRole(actor, 'platform_admin');
      await getRow(id);
      if (body.areaCode) await areas.getArea(body.areaCode);
      await assertParent(body.parentId, id);
      const row = await repo.updateOrg(db, id, {
        name: body.name,
        name_en: body.nameEn,
        type: body.type,
        parent_id: body.parentId,
        area_code: body.areaCode,
      });
      return (await toOrgs([row as repo.OrgRow]))[0] as Org;
    },

    /** Creates the city's departments and district governments if missing; safe to run again. */
    async seedDefaults(): Promise<number> {
      const districts = await areas.listChildren(CITY);
      const rows = [
        ...cityDepartments.map((d, i) => ({
          id: newId(),
          code: organCode(CITY, i + 1),
          name: d.name,
          name_en: d.nameEn,
          type: d.type,
          parent_id: null,
          area_code: CITY,
        })),
        ...districts.map((d) => ({
          id: newId(),
          code: organCode(d.code, 1),
          name: `${d.name}人民政府`,
          name_en: districtEnglish[d.code] ? `${districtEnglish[d.code]} People's Government` : null,
          type: 'government' as const,
          parent_id: null,
          area_code: d.code,
        })),
      ];
      return repo.insertOrgsIfMissing(db, rows);
    },
  };
}

export type OrgsService = ReturnType<typeof createOrgsService>;

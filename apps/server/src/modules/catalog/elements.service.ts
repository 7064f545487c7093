import type {
  CreateDataElementBody,
  CreateElementBindingBody,
  DataElement,
  ElementBinding,
  UpdateDataElementBody,
} from '@shuzhi/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireRole, requireSignedIn } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { OrgsService } from '../orgs/index.ts';
import * as repo from './catalog.repo.ts';
import * as elements from './elements.repo.ts';
import { assertComparable, defaultKeyField, fieldOf, subjectKeyOf } from './elements.rules.ts';

type CreateBody = z.infer<typeof CreateDataElementBody>;
type BindingBody = z.infer<typeof CreateElementBindingBody>;
type UpdateBody = z.infer<typeof UpdateDataElementBody>;

/**
 * Data elements (一数一源): each element, such as 婚姻状况, has exactly one authoritative dataset and
 * field, and a subject key (resident ID number, credit code) identifying whom a value is about. Other
 * datasets that carry the element are bound to it, so the conflict check can compare them. Declared
 * by the platform admin; every declaration is written to the ledger.
 */
export function createElementsService(deps: { db: Db; orgs: OrgsService; ledger: Ledger }) {
  const { db, orgs, ledger } = deps;

  async function datasetsById(ids: string[]) {
    const rows = await Promise.all([...new Set(ids)].map((id) => repo.findDataset(db, id)));
    const present = rows.filter((r): r is repo.DatasetRow => !!r);
    const orgNames = new Map(
      (await orgs.findOrgs(present.map((r) => r.owner_org_id))).map((o) => [o.id, o.name]),
    );
    return new Map(present.map((r) => [r.id, { row: r, orgName: orgNames.get(r.owner_org_id) ?? '' }]));
  }

  async function toElements(rows: elements.ElementRow[]): Promise<DataElement[]> {
    const bindings = await elements.listBindings(
      db,
      rows.map((r) => r.code),
    );
    const ds = await datasetsById([
      ...rows.map((r) => r.authoritative_dataset_id),
      ...bindings.map((b) => b.dataset_id),
    ]);
    const toBinding = (b: elements.BindingRow): ElementBinding => {
      const d = ds.get(b.dataset_id);
      return {
        id: b.id,
        elementCode: b.element_code,
        datasetId: b.dataset_id,
        datasetCode: d?.row.code ?? '',
        datasetName: d?.row.name ?? '',
        ownerOrgId: d?.row.owner_org_id ?? b.dataset_id,
        ownerOrgName: d?.orgName ?? '',
        valueField: b.value_field,
        keyField: b.key_field,
        valueMap: b.value_map,
        createdAt: b.created_at.toISOString(),
        lastCheck:
          b.last_checked_at && b.last_stats
            ? { checkedAt: b.last_checked_at.toISOString(), ...b.last_stats }
            : null,
        lastError: b.last_error,
      };
    };
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      description: r.description,
      authoritativeDatasetId: r.authoritative_dataset_id,
      authoritativeDatasetName: ds.get(r.authoritative_dataset_id)?.row.name ?? '',
      fieldName: r.field_name,
      keyField: r.key_field,
      keyType: r.key_type,
      bindings: bindings.filter((b) => b.element_code === r.code).map(toBinding),
    }));
  }

  async function getElementRow(code: string): Promise<elements.ElementRow> {
    const row = await repo.findElement(db, code);
    if (!row) throw notFound('element', code);
    return row;
  }

  async function getDatasetRow(id: string): Promise<repo.DatasetRow> {
    const row = await repo.findDataset(db, id);
    if (!row) throw notFound('dataset', id);
    return row;
  }

  const one = async (row: elements.ElementRow) => (await toElements([row]))[0] as DataElement;

  return {
    async listElements(actor: Actor) {
      requireSignedIn(actor);
      return { items: await toElements(await repo.listElements(db)) };
    },

    async getElement(actor: Actor, code: string): Promise<DataElement> {
      requireSignedIn(actor);
      return one(await getElementRow(code));
    },

    async createElement(actor: Actor, body: CreateBody): Promise<DataElement> {
      const a = requireRole(actor, 'platform_admin');
      const ds = await getDatasetRow(body.authoritativeDatasetId);
      fieldOf(ds, body.fieldName);
      const keyField = defaultKeyField(ds, body.keyField);
      if (await repo.findElement(db, body.code))
        throw new AppError('conflict', { resource: 'element', id: body.code });
      const row = await db.transaction().execute(async (trx) => {
        const r = await repo.insertElement(trx, {
          code: body.code,
          name: body.name,
          description: body.description,
          authoritative_dataset_id: ds.id,
          field_name: body.fieldName,
          key_field: keyField,
          key_type: body.keyType,
        });
        await ledger.record(
          {
            actor: a,
            action: 'catalog.element_create',
            result: 'ok',
            dataset: ds.code,
            details: { element: body.code, field: body.fieldName, keyField, keyType: body.keyType },
          },
          trx,
        );
        return r;
      });
      return one(row);
    },

    /** Names, description and the subject key of an element; its authoritative source stays. */
    async updateElement(actor: Actor, code: string, body: UpdateBody): Promise<DataElement> {
      const a = requireRole(actor, 'platform_admin');
      const el = await getElementRow(code);
      if (body.keyField) subjectKeyOf(await getDatasetRow(el.authoritative_dataset_id), body.keyField);
      const row = await db.transaction().execute(async (trx) => {
        const r = await elements.updateElement(trx, code, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(body.keyField !== undefined ? { key_field: body.keyField } : {}),
          ...(body.keyType !== undefined ? { key_type: body.keyType } : {}),
        });
        await ledger.record(
          { actor: a, action: 'catalog.element_update', result: 'ok', details: { element: code, ...body } },
          trx,
        );
        return r;
      });
      return one(row);
    },

    /** Declares that another dataset carries the element, with its value and subject key fields. */
    async addBinding(actor: Actor, code: string, body: BindingBody): Promise<ElementBinding> {
      const a = requireRole(actor, 'platform_admin');
      const el = await getElementRow(code);
      const bound = await getDatasetRow(body.datasetId);
      const authoritative = await getDatasetRow(el.authoritative_dataset_id);
      assertComparable({
        element: el,
        authoritative,
        bound,
        valueField: body.valueField,
        keyField: body.keyField,
      });
      if (await elements.findBindingOf(db, code, bound.id))
        throw new AppError('conflict', { resource: 'binding', id: `${code} → ${bound.code}` });
      await db.transaction().execute(async (trx) => {
        await elements.insertBinding(trx, {
          id: newId(),
          element_code: code,
          dataset_id: bound.id,
          value_field: body.valueField,
          key_field: body.keyField,
          value_map: body.valueMap,
          created_by: a.id,
          created_by_name: a.name,
        });
        await ledger.record(
          {
            actor: a,
            action: 'catalog.element_bind',
            result: 'ok',
            dataset: bound.code,
            details: { element: code, valueField: body.valueField, keyField: body.keyField },
          },
          trx,
        );
      });
      const after = await one(el);
      return after.bindings.find((b) => b.datasetId === bound.id) as ElementBinding;
    },

    /** Removes a binding; the conflicts found through it go with it. */
    async removeBinding(actor: Actor, code: string, bindingId: string): Promise<void> {
      const a = requireRole(actor, 'platform_admin');
      const b = await elements.findBinding(db, bindingId);
      if (!b || b.element_code !== code) throw notFound('binding', bindingId);
      const ds = await repo.findDataset(db, b.dataset_id);
      await db.transaction().execute(async (trx) => {
        const conflicts = await elements.deleteBinding(trx, b);
        await ledger.record(
          {
            actor: a,
            action: 'catalog.element_unbind',
            result: 'ok',
            dataset: ds?.code ?? b.dataset_id,
            details: { element: code, conflictsRemoved: conflicts },
          },
          trx,
        );
      });
    },
  };
}

export type ElementsService = ReturnType<typeof createElementsService>;

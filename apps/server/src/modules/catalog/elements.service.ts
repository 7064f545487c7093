import type { Db } from '../../db/connection.ts';
import { type Actor, requireRole, requireSignedIn } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import * as repo from './catalog.repo.ts';

/**
 * Data elements (一数一源): each element, such as 婚姻状况, has exactly one authoritative dataset and
 * field. Declared by the platform admin; the conflict check compares loaded data (see ingest).
 */
export function createElementsService(deps: { db: Db }) {
  const { db } = deps;
  return {
    async listElements(actor: Actor) {
      requireSignedIn(actor);
      const rows = await repo.listElements(db);
      const names = new Map<string, string>();
      for (const r of rows) {
        if (!names.has(r.authoritative_dataset_id)) {
          names.set(
            r.authoritative_dataset_id,
            (await repo.findDataset(db, r.authoritative_dataset_id))?.name ?? '',
          );
        }
      }
      return {
        items: rows.map((r) => ({
          code: r.code,
          name: r.name,
          description: r.description,
          authoritativeDatasetId: r.authoritative_dataset_id,
          authoritativeDatasetName: names.get(r.authoritative_dataset_id) ?? '',
          fieldName: r.field_name,
        })),
      };
    },

    async createElement(
      actor: Actor,
      body: {
        code: string;
        name: string;
        description: string;
        authoritativeDatasetId: string;
        fieldName: string;
      },
    ) {
      requireRole(actor, 'platform_admin');
      const ds = await repo.findDataset(db, body.authoritativeDatasetId);
      if (!ds) throw notFound('dataset', body.authoritativeDatasetId);
      if (!ds.fields.some((f) => f.name === body.fieldName))
        throw notFound('field', `${ds.code}.${body.fieldName}`);
      if (await repo.findElement(db, body.code))
        throw new AppError('conflict', { resource: 'element', id: body.code });
      const r = await repo.insertElement(db, {
        code: body.code,
        name: body.name,
        description: body.description,
        authoritative_dataset_id: ds.id,
        field_name: body.fieldName,
      });
      return {
        code: r.code,
        name: r.name,
        description: r.description,
        authoritativeDatasetId: ds.id,
        authoritativeDatasetName: ds.name,
        fieldName: r.field_name,
      };
    },
  };
}

export type ElementsService = ReturnType<typeof createElementsService>;

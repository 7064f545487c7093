import type { ConflictStatus, ConflictSummary, ElementConflict, Job } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireRole, requireSignedIn, type SignedInActor } from '../../platform/actor.ts';
import { AppError, notFound, renderMessage } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import type { JobContext, JobsService } from '../jobs/index.ts';
import type { OrgsService } from '../orgs/index.ts';
import * as repo from './catalog.repo.ts';
import { checkPair, tableExists } from './conflicts.check.ts';
import { conflictFields, maskConflict } from './conflicts.mask.ts';
import { canSeeConflict, isInvolvedOfficer, seesAllConflicts } from './conflicts.policy.ts';
import * as conflicts from './conflicts.repo.ts';
import * as elements from './elements.repo.ts';
import { assertComparable, fieldOf, subjectKeyOf } from './elements.rules.ts';

/** The job kind of a conflict check: one element, all its bindings or the one of `datasetId`. */
export const CONFLICT_CHECK_JOB = 'catalog.conflict_check';
type CheckPayload = { element: string; datasetId?: string };

/**
 * Single-source (一数一源) conflicts: finds them by comparing every bound dataset with the element's
 * authoritative one (as a background job), reports them to the owners of both datasets, and lets
 * either owner's data officer settle one with a note. Subject keys and values are personal data: every
 * read is written to the ledger, and they leave through the masking policy — whole to the owners' data
 * officers, who hold them anyway, masked by their grading for everyone else.
 */
export function createConflictsService(deps: {
  db: Db;
  orgs: OrgsService;
  ledger: Ledger;
  jobs: JobsService;
  salt: string;
}) {
  const { db, orgs, ledger, jobs } = deps;

  /** Compares each binding in turn; a binding that cannot be compared is noted on it and skipped. */
  async function runCheck(payload: CheckPayload, progress: JobContext<CheckPayload>['progress']) {
    const el = await repo.findElement(db, payload.element);
    if (!el) throw notFound('element', payload.element);
    const bindings = (await elements.listBindings(db, [el.code])).filter(
      (b) => !payload.datasetId || b.dataset_id === payload.datasetId,
    );
    const authoritative = await repo.findDataset(db, el.authoritative_dataset_id);
    const results: Record<string, unknown>[] = [];
    for (const [i, b] of bindings.entries()) {
      await progress(
        i,
        bindings.length,
        `已比对 ${i}/${bindings.length} / ${i} of ${bindings.length} compared`,
      );
      const bound = await repo.findDataset(db, b.dataset_id);
      try {
        if (!authoritative) throw notFound('dataset', el.authoritative_dataset_id);
        if (!bound) throw notFound('dataset', b.dataset_id);
        const other = assertComparable({
          element: el,
          authoritative,
          bound,
          valueField: b.value_field,
          keyField: b.key_field,
        });
        for (const ds of [authoritative, bound])
          if (!(await tableExists(db, ds.code))) throw new AppError('dataset_no_table', { dataset: ds.code });
        const stats = await checkPair(db, {
          element: el.code,
          keyType: el.key_type,
          authoritativeId: authoritative.id,
          authoritative: {
            code: authoritative.code,
            key: subjectKeyOf(authoritative, el.key_field as string),
            value: fieldOf(authoritative, el.field_name),
          },
          otherId: bound.id,
          other: { code: bound.code, ...other },
          valueMap: b.value_map,
          checkId: newId(),
        });
        await elements.recordCheck(db, b.id, stats, null);
        results.push({ dataset: bound.code, ...stats });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const error = `${renderMessage(e, 'zh-CN')} / ${renderMessage(e, 'en')}`;
        await elements.recordCheck(db, b.id, null, error);
        results.push({ dataset: bound?.code ?? b.dataset_id, error });
      }
    }
    await progress(bindings.length, bindings.length, `比对完成 / compared`);
    return { element: el.code, bindings: results };
  }

  jobs.register<CheckPayload>(CONFLICT_CHECK_JOB, (ctx) => runCheck(ctx.payload, ctx.progress), {
    maxAttempts: 3,
  });

  async function toConflicts(
    a: SignedInActor,
    rows: conflicts.ConflictListRow[],
  ): Promise<ElementConflict[]> {
    const names = new Map(
      (await orgs.findOrgs(rows.flatMap((r) => [r.auth_owner, r.other_owner]))).map((o) => [o.id, o.name]),
    );
    return rows.map((r) => {
      const clear = isInvolvedOfficer(a, [r.auth_owner, r.other_owner]);
      const shown = maskConflict(r, clear ? 'source' : 'masked', deps.salt);
      return {
        id: r.id,
        elementCode: r.element_code,
        elementName: r.element_name,
        authoritative: {
          datasetId: r.auth_id,
          datasetCode: r.auth_code,
          datasetName: r.auth_name,
          ownerOrgId: r.auth_owner,
          ownerOrgName: names.get(r.auth_owner) ?? '',
          value: shown.authoritativeValue ?? '',
        },
        other: {
          datasetId: r.other_id,
          datasetCode: r.other_code,
          datasetName: r.other_name,
          ownerOrgId: r.other_owner,
          ownerOrgName: names.get(r.other_owner) ?? '',
          value: shown.otherValue ?? '',
        },
        subjectKey: shown.subjectKey ?? '',
        keyMasked: !clear,
        status: r.status,
        resolution: r.resolution,
        note: r.note,
        resolvedBy: r.resolved_by_name,
        resolvedAt: r.resolved_at?.toISOString() ?? null,
        firstSeenAt: r.first_seen_at.toISOString(),
        lastSeenAt: r.last_seen_at.toISOString(),
        canResolve: clear && r.status === 'open',
      };
    });
  }

  const scopeOf = (a: SignedInActor, q: { element?: string; dataset?: string }) => ({
    orgId: seesAllConflicts(a) ? null : a.orgId,
    element: q.element,
    dataset: q.dataset,
  });

  async function codeOf(datasetId: string | undefined): Promise<string | undefined> {
    return datasetId ? (await repo.findDataset(db, datasetId))?.code : undefined;
  }

  return {
    /** Queues a check of one element (the platform admin, on demand). */
    async startCheck(actor: Actor, code: string): Promise<Job> {
      const a = requireRole(actor, 'platform_admin');
      if (!(await repo.findElement(db, code))) throw notFound('element', code);
      return db.transaction().execute(async (trx) => {
        const job = await jobs.enqueue(a, CONFLICT_CHECK_JOB, { element: code }, trx);
        await ledger.record(
          {
            actor: a,
            action: 'catalog.conflict_check',
            result: 'ok',
            details: { element: code, job: job.id },
          },
          trx,
        );
        return job;
      });
    },

    /**
     * After a dataset's import succeeded: re-checks every element it is the authoritative source of
     * (all bindings) and every element it is bound to (that binding only). Answers the jobs queued.
     */
    async afterImport(datasetId: string): Promise<number> {
      const { asAuthoritative, asBound } = await elements.elementsTouching(db, datasetId);
      for (const element of asAuthoritative) await jobs.enqueue(null, CONFLICT_CHECK_JOB, { element });
      const rest = asBound.filter((e) => !asAuthoritative.includes(e));
      for (const element of rest) await jobs.enqueue(null, CONFLICT_CHECK_JOB, { element, datasetId });
      return asAuthoritative.length + rest.length;
    },

    /** The conflicts the actor may see, newest first; each page read is written to the ledger. */
    async listConflicts(
      actor: Actor,
      q: { element?: string; dataset?: string; status?: ConflictStatus; cursor?: string; limit: number },
    ) {
      const a = requireSignedIn(actor);
      const after = decodeCursor(q.cursor, 1);
      const rows = await conflicts.listConflicts(db, {
        ...scopeOf(a, q),
        status: q.status,
        afterId: (after?.[0] as string) ?? null,
        limit: q.limit,
      });
      const p = toPage(rows, q.limit, (r) => [r.id]);
      const items = await toConflicts(a, p.items);
      if (items.length > 0) {
        await ledger.record({
          actor: a,
          action: 'catalog.conflicts_read',
          result: 'ok',
          purpose: 'data quality',
          dataset: await codeOf(q.dataset),
          fields: conflictFields(p.items),
          subjects: p.items.map((r) => r.subject_key),
          details: {
            conflicts: items.length,
            masked: items.filter((i) => i.keyMasked).length,
            element: q.element ?? null,
            datasets: [...new Set(p.items.flatMap((r) => [r.auth_code, r.other_code]))].sort(),
          },
        });
      }
      return { items, nextCursor: p.nextCursor };
    },

    /** Counts per element and per bound dataset (no personal data): for dashboards. */
    async summary(actor: Actor, q: { element?: string; dataset?: string }): Promise<ConflictSummary> {
      const a = requireSignedIn(actor);
      const rows = await conflicts.summarise(db, scopeOf(a, q));
      const names = new Map(
        (await orgs.findOrgs(rows.flatMap((r) => [r.auth_owner, r.other_owner]))).map((o) => [o.id, o.name]),
      );
      const ref = (id: string, code: string, name: string, owner: string) => ({
        datasetId: id,
        datasetCode: code,
        datasetName: name,
        ownerOrgId: owner,
        ownerOrgName: names.get(owner) ?? '',
      });
      const perElement = new Map<string, ConflictSummary['elements'][number]>();
      for (const r of rows) {
        const e = perElement.get(r.element_code) ?? {
          elementCode: r.element_code,
          elementName: r.element_name,
          open: 0,
          resolved: 0,
        };
        e.open += r.open;
        e.resolved += r.resolved;
        perElement.set(r.element_code, e);
      }
      const elementsList = [...perElement.values()];
      return {
        totals: {
          open: elementsList.reduce((n, e) => n + e.open, 0),
          resolved: elementsList.reduce((n, e) => n + e.resolved, 0),
        },
        elements: elementsList,
        bindings: rows.map((r) => ({
          bindingId: r.binding_id,
          elementCode: r.element_code,
          elementName: r.element_name,
          authoritative: ref(r.auth_id, r.auth_code, r.auth_name, r.auth_owner),
          other: ref(r.other_id, r.other_code, r.other_name, r.other_owner),
          open: r.open,
          resolved: r.resolved,
          lastCheck:
            r.last_checked_at && r.last_stats
              ? { checkedAt: r.last_checked_at.toISOString(), ...r.last_stats }
              : null,
          lastError: r.last_error,
        })),
      };
    },

    /** An owner's data officer settles an open conflict with a note (kept while the values stay). */
    async resolve(actor: Actor, id: string, note: string): Promise<ElementConflict> {
      const a = requireSignedIn(actor);
      const row = await conflicts.findConflict(db, id);
      const owners = row ? [row.auth_owner, row.other_owner] : [];
      // Someone else's conflict is reported as missing, so ids leak nothing.
      if (!row || !canSeeConflict(a, owners)) throw notFound('conflict', id);
      if (!isInvolvedOfficer(a, owners))
        throw new AppError('forbidden', { need: 'data_officer of an organisation owning either dataset' });
      if (row.status !== 'open') throw new AppError('wrong_status', { status: row.status, need: 'open' });
      await db.transaction().execute(async (trx) => {
        if (!(await conflicts.resolveConflict(trx, id, a, note)))
          throw new AppError('wrong_status', { status: 'resolved', need: 'open' });
        await ledger.record(
          {
            actor: a,
            action: 'catalog.conflict_resolve',
            result: 'ok',
            purpose: 'data quality',
            dataset: row.other_code,
            subjects: [row.subject_key],
            details: { conflict: id, element: row.element_code, authoritative: row.auth_code, note },
          },
          trx,
        );
      });
      return (
        await toConflicts(a, [(await conflicts.findConflict(db, id)) as conflicts.ConflictListRow])
      )[0] as ElementConflict;
    },
  };
}

export type ConflictsService = ReturnType<typeof createConflictsService>;

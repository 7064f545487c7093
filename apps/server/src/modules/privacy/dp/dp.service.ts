import type {
  Dataset,
  DpBudget,
  DpQueryBody,
  DpRelease,
  PageQuery,
  PutDpBudgetBody,
} from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Ledger } from '../../../platform/ledger/index.ts';
import { decodeCursor, toPage } from '../../../platform/pagination.ts';
import type { DatasetAccess } from '../kanon/kanon.service.ts';
import { assertMayManage } from '../privacy.policy.ts';
import { groupLabels, trueAggregates, validateQuery } from './dp.query.ts';
import * as repo from './dp.repo.ts';
import { fromMicro, noise, toMicro } from './dp.sampler.ts';

type Value = { group: string | null; value: number | null };

function toBudget(ds: Dataset, b: repo.BudgetRow | undefined): DpBudget {
  const total = Number(b?.total_micro ?? 0);
  const spent = Number(b?.spent_micro ?? 0);
  return {
    datasetId: ds.id,
    datasetCode: ds.code,
    epsilonTotal: fromMicro(total),
    epsilonSpent: fromMicro(spent),
    epsilonRemaining: fromMicro(total - spent),
    updatedBy: b?.updated_by_name ?? null,
    updatedAt: b?.updated_at.toISOString() ?? null,
  };
}

const toRelease = (r: repo.ReleaseRow): DpRelease => {
  const result = r.result as { values: Value[]; noiseScale: number };
  return {
    id: r.id,
    datasetId: r.dataset_id,
    datasetCode: r.dataset_code,
    kind: r.kind,
    epsilon: fromMicro(r.epsilon_micro),
    query: r.query as Record<string, unknown>,
    values: result.values,
    noiseScale: result.noiseScale,
    purpose: r.purpose,
    createdBy: r.created_by_name,
    createdAt: r.created_at.toISOString(),
  };
};

/**
 * Adds the noise: discrete Laplace on every count and every clamped sum; a mean is a noisy sum over a
 * noisy count, ε split between the two. Each group is disjoint rows, so one ε covers all groups.
 */
export function noisyValues(q: DpQueryBody, truth: Map<string | null, { count: bigint; sum: bigint }>) {
  const e = toMicro(q.epsilon);
  const bound = q.bounds ? BigInt(Math.max(Math.abs(q.bounds.lower), Math.abs(q.bounds.upper))) : 1n;
  const sumEps = q.kind === 'mean' ? e / 2n : e;
  const countEps = q.kind === 'mean' ? e - sumEps : e;
  const values: Value[] = groupLabels(q).map((group) => {
    const t = truth.get(group) ?? { count: 0n, sum: 0n };
    if (q.kind === 'count' || q.kind === 'histogram')
      return { group, value: Number(t.count + noise(1n, countEps)) };
    const s = t.sum + noise(bound, sumEps);
    if (q.kind === 'sum') return { group, value: Number(s) };
    const n = t.count + noise(1n, countEps);
    const lower = q.bounds?.lower ?? 0;
    const upper = q.bounds?.upper ?? 0;
    // Post-processing keeps the guarantee: an average outside the bounds, or over no rows, says nothing.
    const mean = n > 0n ? Math.min(upper, Math.max(lower, Number(s) / Number(n))) : null;
    return { group, value: mean === null ? null : Math.round(mean * 1e4) / 1e4 };
  });
  const scale =
    q.kind === 'count' || q.kind === 'histogram'
      ? 1 / fromMicro(countEps)
      : Number(bound) / fromMicro(sumEps);
  return { values, noiseScale: Math.round(scale * 1e6) / 1e6 };
}

/** Differentially private statistics of a dataset, under a per-dataset ε budget, every release ledgered. */
export function createDpService(deps: { db: Db; ledger: Ledger; datasets: DatasetAccess }) {
  const { db, ledger, datasets } = deps;

  async function managed(actor: Actor, id: string) {
    const ds = await datasets.getDataset(actor, id);
    return { ds, actor: assertMayManage(actor, ds) };
  }

  return {
    async getBudget(actor: Actor, id: string): Promise<DpBudget> {
      const { ds } = await managed(actor, id);
      return toBudget(ds, await repo.findBudget(db, id));
    },

    async putBudget(actor: Actor, id: string, body: PutDpBudgetBody): Promise<DpBudget> {
      const { ds, actor: a } = await managed(actor, id);
      const total = Number(toMicro(body.epsilonTotal));
      const row = await db.transaction().execute(async (trx) => {
        const before = await repo.findBudget(trx, id);
        if (before && before.spent_micro > total)
          throw new AppError('privacy_budget_below_spent', {
            spent: fromMicro(before.spent_micro),
            total: body.epsilonTotal,
          });
        const saved = await repo.upsertBudget(trx, {
          dataset_id: id,
          dataset_code: ds.code,
          org_id: ds.ownerOrgId,
          total_micro: total,
          updated_by_name: a.name,
        });
        await ledger.record(
          {
            actor: a,
            action: 'privacy.dp_budget',
            result: 'ok',
            dataset: ds.code,
            details: { from: before ? fromMicro(before.total_micro) : null, to: body.epsilonTotal },
          },
          trx,
        );
        return saved;
      });
      return toBudget(ds, row);
    },

    /** Answers a statistic with noise, spending its ε; refused (409, nothing spent) beyond the budget. */
    async release(actor: Actor, id: string, q: DpQueryBody): Promise<DpRelease> {
      const { ds, actor: a } = await managed(actor, id);
      if (ds.status !== 'published') throw new AppError('dataset_no_table', { dataset: ds.code });
      validateQuery(ds.fields, q);
      const micro = Number(toMicro(q.epsilon));
      const truth = await trueAggregates(db, ds.code, q);
      const fields = [q.field, q.groupBy?.field].filter((x): x is string => x !== undefined);
      const row = await db
        .transaction()
        .execute(async (trx) => {
          if (!(await repo.spend(trx, id, micro))) {
            const b = await repo.findBudget(trx, id);
            if (!b) throw new AppError('privacy_no_budget', { dataset: ds.code });
            throw new AppError('privacy_budget_exhausted', {
              dataset: ds.code,
              need: q.epsilon,
              left: fromMicro(b.total_micro - b.spent_micro),
              total: fromMicro(b.total_micro),
            });
          }
          // Noise is drawn once, after the budget is spent, and stored: asking again returns the same values.
          const result = noisyValues(q, truth);
          const { purpose, ...query } = q;
          const saved = await repo.insertRelease(trx, {
            id: newId(),
            dataset_id: id,
            dataset_code: ds.code,
            org_id: ds.ownerOrgId,
            kind: q.kind,
            epsilon_micro: micro,
            query: JSON.stringify(query),
            result: JSON.stringify(result),
            purpose,
            created_by: a.id,
            created_by_name: a.name,
          });
          await ledger.record(
            {
              actor: a,
              action: 'privacy.dp_release',
              result: 'ok',
              purpose,
              dataset: ds.code,
              fields,
              details: { release: saved.id, kind: q.kind, epsilon: q.epsilon },
            },
            trx,
          );
          return saved;
        })
        .catch(async (e: unknown) => {
          // A refusal beyond the budget is an attempt on personal data too: it goes to the ledger
          // (after the rollback, which spent nothing) with what was asked.
          if (
            e instanceof AppError &&
            (e.code === 'privacy_no_budget' || e.code === 'privacy_budget_exhausted')
          )
            await ledger.record({
              actor: a,
              action: 'privacy.dp_release',
              result: 'denied',
              purpose: q.purpose,
              dataset: ds.code,
              fields,
              details: { kind: q.kind, epsilon: q.epsilon, reason: e.code },
            });
          throw e;
        });
      return toRelease(row);
    },

    async listReleases(actor: Actor, id: string, page: PageQuery) {
      await managed(actor, id);
      const after = decodeCursor(page.cursor, 2) as [string, string] | null;
      const rows = await repo.listReleases(db, id, after, page.limit);
      const p = toPage(rows, page.limit, (r) => [r.created_at.toISOString(), r.id]);
      return { items: p.items.map(toRelease), nextCursor: p.nextCursor };
    },
  };
}

export type DpService = ReturnType<typeof createDpService>;

import {
  type CreateRuleBody,
  DATASET_RULE_KINDS,
  type Dataset,
  type DatasetQuality,
  type QualityRule,
  type QualityRun,
  type QualityRunDetail,
} from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireSignedIn, type SignedInActor } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { personalFields } from '../masking/index.ts';
import { validateCustomSql } from './quality.custom-sql.ts';
import { fieldRules, maskSample, toResult, toRule, toRun } from './quality.dto.ts';
import { assertRuleFits, dimensionOf, parseParams, suggestRules } from './quality.params.ts';
import {
  assertManage,
  assertSeeProblems,
  canManage,
  canSeeProblems,
  isAdmin,
  sampleApproval,
} from './quality.policy.ts';
import * as repo from './quality.repo.ts';
import type { Runner } from './quality.runner.ts';

export type QualityDeps = {
  db: Db;
  ledger: Ledger;
  runner: Runner;
  /** The catalog's view of a dataset for an actor (throws not found when they may not see it). */
  getDataset: (actor: Actor, id: string) => Promise<Dataset>;
  findDataset: (id: string) => Promise<Dataset | undefined>;
  boundToElement: (datasetId: string) => Promise<boolean>;
  salt: string;
  sqlTimeoutMs: number;
};

/** Rules, runs and problem lists of one dataset. */
export function createQualityService(deps: QualityDeps) {
  const { db, ledger, runner, getDataset, findDataset } = deps;

  async function ruleOf(a: SignedInActor, id: string) {
    const rule = await repo.findRule(db, id);
    const ds = rule ? await getDataset(a, rule.dataset_id).catch(() => undefined) : undefined;
    if (!rule || !ds || !canSeeProblems(a, ds)) throw notFound('quality_rule', id);
    return { rule, ds };
  }

  function assertMayWrite(a: SignedInActor, ds: Dataset, kind: string) {
    assertManage(a, ds);
    // Custom SQL reads the database directly: the platform admin's tool alone.
    if (kind === 'custom_sql' && !isAdmin(a)) throw new AppError('forbidden', { need: 'platform_admin' });
  }

  async function checkRule(
    ds: Dataset,
    rule: { kind: CreateRuleBody['kind']; field: string | null; params: Record<string, unknown> },
  ) {
    await assertRuleFits(db, ds, rule, findDataset);
    if (rule.kind === 'custom_sql')
      await validateCustomSql(db, ds, String(rule.params.sql), deps.sqlTimeoutMs);
  }

  const ruleAudit = (
    a: SignedInActor,
    ds: Dataset,
    action: string,
    rule: repo.RuleRow,
    extra: Record<string, unknown> = {},
  ) =>
    ledger.record({
      actor: a,
      action,
      result: 'ok',
      purpose: 'data quality',
      dataset: ds.code,
      details: { rule: rule.id, kind: rule.kind, field: rule.field, ...extra },
    });

  const service = {
    async listRules(actor: Actor, datasetId: string): Promise<{ items: QualityRule[] }> {
      const a = requireSignedIn(actor);
      const ds = await getDataset(a, datasetId);
      assertSeeProblems(a, ds);
      return { items: (await repo.listRules(db, ds.id)).map(toRule) };
    },

    async createRule(actor: Actor, datasetId: string, body: CreateRuleBody): Promise<QualityRule> {
      const a = requireSignedIn(actor);
      const ds = await getDataset(a, datasetId);
      assertMayWrite(a, ds, body.kind);
      const field = DATASET_RULE_KINDS.includes(body.kind) ? null : body.field;
      const params = parseParams(body.kind, body.params);
      await checkRule(ds, { kind: body.kind, field, params });
      const [rule] = await repo.insertRules(db, [
        {
          id: newId(),
          dataset_id: ds.id,
          field,
          kind: body.kind,
          dimension: dimensionOf(body.kind, params),
          params,
          severity: body.severity,
          enabled: body.enabled,
          suggested: false,
          created_by: a.id,
          created_by_name: a.name,
        },
      ]);
      await ruleAudit(a, ds, 'quality.rule_create', rule as repo.RuleRow, { params });
      return toRule(rule as repo.RuleRow);
    },

    async updateRule(
      actor: Actor,
      id: string,
      body: { severity?: 'error' | 'warning'; enabled?: boolean; params?: Record<string, unknown> },
    ): Promise<QualityRule> {
      const a = requireSignedIn(actor);
      const { rule, ds } = await ruleOf(a, id);
      assertMayWrite(a, ds, rule.kind);
      let params: Record<string, unknown> | undefined;
      if (body.params !== undefined) {
        params = parseParams(rule.kind, body.params);
        await checkRule(ds, { kind: rule.kind, field: rule.field, params });
      }
      const saved = await repo.updateRule(db, id, {
        severity: body.severity,
        enabled: body.enabled,
        params,
        dimension: params ? dimensionOf(rule.kind, params) : undefined,
      });
      await ruleAudit(a, ds, 'quality.rule_update', saved, {
        changes: Object.fromEntries(
          Object.entries({ severity: body.severity, enabled: body.enabled, params }).filter(
            ([, v]) => v !== undefined,
          ),
        ),
      });
      return toRule(saved);
    },

    async deleteRule(actor: Actor, id: string): Promise<void> {
      const a = requireSignedIn(actor);
      const { rule, ds } = await ruleOf(a, id);
      assertMayWrite(a, ds, rule.kind);
      await repo.deleteRule(db, id);
      await ruleAudit(a, ds, 'quality.rule_delete', rule);
    },

    /** Adds the default rules the dataset does not have yet (same kind on the same field). */
    async suggest(actor: Actor, datasetId: string): Promise<{ items: QualityRule[] }> {
      const a = requireSignedIn(actor);
      const ds = await getDataset(a, datasetId);
      assertManage(a, ds);
      const have = new Set((await repo.listRules(db, ds.id)).map((r) => `${r.kind}:${r.field ?? ''}`));
      const fresh = suggestRules(ds, await deps.boundToElement(ds.id)).filter(
        (s) => !have.has(`${s.kind}:${s.field ?? ''}`),
      );
      const rows = await repo.insertRules(
        db,
        fresh.map((s) => ({
          id: newId(),
          dataset_id: ds.id,
          field: s.field,
          kind: s.kind,
          dimension: dimensionOf(s.kind, s.params),
          params: s.params,
          severity: 'error' as const,
          enabled: true,
          suggested: true,
          created_by: a.id,
          created_by_name: a.name,
        })),
      );
      await repo.claimSuggestion(db, ds.id);
      if (rows.length > 0)
        await ledger.record({
          actor: a,
          action: 'quality.rule_create',
          result: 'ok',
          purpose: 'data quality',
          dataset: ds.code,
          details: { suggested: rows.map((r) => `${r.kind}:${r.field ?? ''}`) },
        });
      return { items: rows.map(toRule) };
    },

    async startRun(actor: Actor, datasetId: string): Promise<QualityRun> {
      const a = requireSignedIn(actor);
      const ds = await getDataset(a, datasetId);
      assertManage(a, ds);
      if (ds.status !== 'published')
        throw new AppError('wrong_status', { status: ds.status, need: 'published' });
      const run = await runner.enqueue(ds, 'manual', a);
      await ledger.record({
        actor: a,
        action: 'quality.run_start',
        result: 'ok',
        purpose: 'data quality',
        dataset: ds.code,
        details: { run: run.id, job: run.job_id },
      });
      return toRun(run);
    },

    async listRuns(actor: Actor, datasetId: string, q: { cursor?: string; limit: number }) {
      const a = requireSignedIn(actor);
      const ds = await getDataset(a, datasetId);
      const after = decodeCursor(q.cursor, 1);
      const rows = await repo.listRuns(db, ds.id, (after?.[0] as string) ?? null, q.limit);
      const page = toPage(rows, q.limit, (r) => [r.id]);
      return { items: page.items.map(toRun), nextCursor: page.nextCursor };
    },

    /** Scores and their history: for everyone who may see the dataset (no personal data). */
    async datasetQuality(actor: Actor, datasetId: string, days: number): Promise<DatasetQuality> {
      const a = requireSignedIn(actor);
      const ds = await getDataset(a, datasetId);
      const [latest, history, recent] = [
        await repo.latestRun(db, ds.id),
        await repo.runHistory(db, ds.id, days),
        await repo.listRuns(db, ds.id, null, 1),
      ];
      const active = recent.find((r) => r.status === 'queued' || r.status === 'running');
      return {
        datasetId: ds.id,
        latest: latest ? toRun(latest) : null,
        active: active ? toRun(active) : null,
        history: history.map((r) => ({
          runId: r.id,
          at: new Date(r.finished_at as Date).toISOString(),
          ...toRun(r).scores,
        })),
        canManage: canManage(a, ds),
        canSeeProblems: canSeeProblems(a, ds),
      };
    },

    /**
     * A run with its rules' results and sample rows. Samples are personal data: they leave through the
     * masking policy for what the reader is approved for (quality.policy), and every read is in the ledger.
     */
    async getRun(actor: Actor, runId: string): Promise<QualityRunDetail> {
      const a = requireSignedIn(actor);
      const run = await repo.findRun(db, runId);
      const ds = run ? await getDataset(a, run.dataset_id).catch(() => undefined) : undefined;
      if (!run || !ds || !canSeeProblems(a, ds)) throw notFound('quality_run', runId);
      const results = await repo.listResults(db, run.id);
      const rules = fieldRules(ds, await repo.listRules(db, ds.id));
      const approval = sampleApproval(a, ds);
      let masked = false;
      const keys = ds.fields.filter((f) => f.key).map((f) => f.name);
      const personal = new Set(personalFields(ds));
      const shown = new Set<string>();
      const subjects = new Set<string>();
      const items = results.map((r) => {
        for (const s of r.samples) {
          const touched = [...Object.keys(s.key), ...Object.keys(s.values)].filter((f) => personal.has(f));
          for (const f of touched) shown.add(f);
          if (touched.length > 0) subjects.add(keys.map((k) => s.key[k] ?? '').join('|'));
        }
        const samples = r.samples.map((s) => {
          const out = maskSample(s, rules, approval, deps.salt);
          masked ||= out.masked;
          return out.sample;
        });
        return toResult(r, samples);
      });
      if (shown.size > 0) {
        await ledger.record({
          actor: a,
          action: 'quality.samples_read',
          result: 'ok',
          purpose: 'data quality',
          dataset: ds.code,
          fields: [...shown],
          subjects: [...subjects],
          details: {
            run: run.id,
            masked,
            samples: results.reduce((n, r) => n + r.samples.length, 0),
          },
        });
      }
      const order = { error: 0, warning: 1 };
      items.sort((x, y) => order[x.severity] - order[y.severity] || y.failed - x.failed);
      return { ...toRun(run), results: items, samplesMasked: masked };
    },

    /** The latest succeeded run's problem list (the dataset page's 问题清单). */
    async latestProblems(actor: Actor, datasetId: string): Promise<QualityRunDetail | null> {
      const a = requireSignedIn(actor);
      const ds = await getDataset(a, datasetId);
      assertSeeProblems(a, ds);
      const latest = await repo.latestRun(db, ds.id);
      return latest ? service.getRun(a, latest.id) : null;
    },
  };
  return service;
}

export type QualityService = ReturnType<typeof createQualityService>;

import { createHmac } from 'node:crypto';
import type { Dataset, DatasetField } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import type { Actor, SignedInActor } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import { ttlCache } from '../../platform/ttl-cache.ts';
import { parseFilters, typedValue } from '../datastore/index.ts';
import { datasetRules, type FieldRule, maskRecord } from '../masking/index.ts';
import { chinaDay } from '../quality/index.ts';
import { type CallRecord, createCallLog } from './call-log.ts';
import {
  type Area,
  batchRows,
  keyExists,
  listRows,
  lookupStatement,
  type Row,
  verifyRow,
} from './gateway.query.ts';
import { type Meter, type MeterKey, NO_GRANT } from './meter.ts';
import { createRateLimiter } from './rate.ts';
import * as repo from './requests.repo.ts';
import { findShared } from './requests.service.ts';
import { grantStatus } from './sharing.views.ts';

type Op = 'lookup' | 'records' | 'batch' | 'verify';
type KeyInput = Record<string, unknown>;

/** What a call may read: the grant, its fields, how each is masked, and the rows it is limited to. */
type Allowed = {
  app: SignedInActor;
  ds: Dataset;
  grant: repo.GrantRow;
  fields: DatasetField[];
  keys: DatasetField[];
  rules: FieldRule[];
  /** The fields as answers describe them. */
  fieldInfo: { name: string; title: string; type: DatasetField['type']; masked: boolean }[];
  salt: string;
  area: Area;
  /** The app's display name, for the ledger (its client id is the actor's name). */
  appName: string;
  /** What the ledger names of this grant's calls. */
  logged: CallRecord['grant'];
  /** The key lookup of this grant's fields (with the consent subject's field when it needs one). */
  lookup: (key: unknown[], grantId: string) => Promise<Row | null>;
  meter: MeterKey;
  day: string;
};

const keyInvalid = (zh: string, en: string) =>
  new AppError('sharing_key_invalid', { reason_zh: zh, reason_en: en });
const filterInvalid = (zh: string, en: string) =>
  new AppError('sharing_filter_invalid', { reason_zh: zh, reason_en: en });

/**
 * The sharing gateway (共享网关): on every call it authenticates the app (the bearer token, checked
 * before the route), finds its grant for the dataset, checks period, fields, area, quota and rate,
 * reads, masks by level and grant, writes the ledger entry and counts the call. A denial is a clear
 * error, ledgered and counted too.
 */
export function createGateway(deps: {
  db: Db;
  ledger: Ledger;
  meter: Meter;
  findDataset: (code: string) => Promise<Dataset | undefined>;
  /** Keys masked L4 values to a hash per grant: consumers can join on them, not across grants. */
  salt: string;
  ratePerSecond: number;
  /** An app's display name by its client record id. */
  appName: (clientId: string) => Promise<string | undefined>;
  /** Of these subjects (by identifier), those who consent now to the organisation receiving their data. */
  consenting: (orgId: string, keys: string[]) => Promise<Set<string>>;
  now?: () => Date;
}) {
  const { db, ledger, meter } = deps;
  const today = () => chinaDay(deps.now?.() ?? new Date());
  // A regrading or a retirement reaches the gateway within seconds; calls in between see the old entry.
  const datasets = ttlCache<Dataset | undefined>(5_000);
  // Grants change only by revocation, which every read re-checks in SQL; a miss is never cached, so a
  // new grant works at once.
  const grantCache = new Map<string, { grant: repo.GrantRow; until: number }>();
  const rate = createRateLimiter(deps.ratePerSecond);
  const calls = createCallLog((input) => ledger.record(input));

  async function deny(
    a: SignedInActor,
    op: Op,
    ds: Dataset | null,
    grant: repo.GrantRow | null,
    err: AppError,
  ): Promise<never> {
    await ledger.record({
      actor: a,
      action: 'sharing.call',
      result: 'denied',
      dataset: ds?.code,
      details: { op, reason: err.code, app: a.name, ...(grant ? { grant: grant.id } : {}) },
    });
    if (ds)
      meter.count(
        {
          grantId: grant?.id ?? NO_GRANT,
          clientId: a.id,
          datasetCode: ds.code,
          ownerOrgId: ds.ownerOrgId,
          consumerOrgId: a.orgId,
        },
        today(),
        { calls: 0, records: 0, denied: 1 },
      );
    throw err;
  }

  async function grantFor(a: SignedInActor, ds: Dataset, op: Op, day: string): Promise<repo.GrantRow> {
    const slot = `${a.id}|${ds.code}`;
    const hit = grantCache.get(slot);
    if (hit && hit.until > Date.now()) return hit.grant;
    const all = await repo.grantsOf(db, a.id, ds.code);
    const active = all.filter((g) => g.status === 'active');
    const current = active.find((g) => grantStatus(g, day) === 'active');
    if (current) {
      grantCache.set(slot, { grant: current, until: Date.now() + 30_000 });
      return current;
    }
    const latest = active[0] ?? all[0];
    if (!latest)
      return deny(a, op, ds, null, new AppError('sharing_no_grant', { app: a.name, code: ds.code }));
    if (latest.status === 'revoked')
      return deny(
        a,
        op,
        ds,
        latest,
        new AppError('sharing_grant_revoked', {
          app: a.name,
          code: ds.code,
          at: latest.revoked_at?.toISOString() ?? '',
          reason: latest.revoke_reason ?? '',
        }),
      );
    return deny(
      a,
      op,
      ds,
      latest,
      new AppError('sharing_grant_outside_period', {
        start: latest.period_start,
        end: latest.period_end,
        today: day,
      }),
    );
  }

  /** Everything before the read: who, which grant, within quota and rate. */
  async function allow(actor: Actor, code: string, op: Op): Promise<Allowed> {
    if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
    if (actor.kind !== 'client') throw new AppError('sharing_app_only');
    const a = actor;
    const ds = await datasets.get(code, () => deps.findDataset(code));
    if (ds?.status !== 'published' || ds.shareType === 'none')
      return deny(a, op, null, null, new AppError('sharing_not_shared', { code }));
    const wait = rate.take(a.id);
    if (wait > 0)
      return deny(
        a,
        op,
        ds,
        null,
        new AppError('sharing_rate_exceeded', { rate: deps.ratePerSecond, after: wait }),
      );
    const day = today();
    const grant = await grantFor(a, ds, op, day);
    if ((await meter.used(grant.id, day)) >= grant.daily_quota)
      return deny(a, op, ds, grant, new AppError('sharing_quota_exceeded', { quota: grant.daily_quota }));
    return { ...(await planFor(a, ds, grant)), app: a, day };
  }

  /**
   * What a grant reads of a dataset and how it masks it: computed once per grant and dataset entry
   * (a regraded dataset is a new entry object from the dataset cache, so its plan is made anew).
   */
  type Plan = Omit<Allowed, 'app' | 'day'>;
  const plans = new Map<string, { ds: Dataset; plan: Plan }>();
  const appNames = ttlCache<string>(60_000);
  async function planFor(a: SignedInActor, ds: Dataset, grant: repo.GrantRow): Promise<Plan> {
    const hit = plans.get(grant.id);
    if (hit && hit.ds === ds) return hit.plan;
    const granted = new Set(grant.fields);
    const fields = ds.fields.filter((f) => granted.has(f.name));
    const rules = datasetRules({ level: ds.level, fields });
    const appName = await appNames.get(a.id, async () => (await deps.appName(a.id)) ?? a.name);
    const plan: Plan = {
      ds,
      grant,
      fields,
      keys: ds.fields.filter((f) => f.key),
      rules,
      fieldInfo: fields.map((f) => ({
        name: f.name,
        title: f.title,
        type: f.type,
        masked: rules.find((r) => r.name === f.name)?.level !== 'L1',
      })),
      salt: createHmac('sha256', deps.salt).update(`sharing.grant:${grant.id}`).digest('hex'),
      area: grant.area_field && grant.area_code ? { field: grant.area_field, code: grant.area_code } : null,
      appName,
      logged: {
        id: grant.id,
        purpose: grant.purpose,
        app: a,
        appName,
        dataset: ds.code,
        fields: fields.map((f) => f.name),
      },
      lookup: lookupStatement(db, {
        code: ds.code,
        fields: withSubject(grant, ds, fields),
        keys: ds.fields.filter((f) => f.key),
        area: grant.area_field && grant.area_code ? { field: grant.area_field, code: grant.area_code } : null,
      }),
      meter: {
        grantId: grant.id,
        clientId: a.id,
        datasetCode: ds.code,
        ownerOrgId: ds.ownerOrgId,
        consumerOrgId: a.orgId,
      },
    };
    if (plans.size >= 10_000) plans.clear();
    plans.set(grant.id, { ds, plan });
    return plan;
  }

  /** The key fields' values of one key, typed, or a precise refusal. */
  function keyValues(al: Allowed, input: KeyInput): unknown[] {
    const names = al.keys.map((k) => k.name);
    const missing = names.filter((n) => input[n] === undefined || input[n] === '');
    const extra = Object.keys(input).filter((n) => !names.includes(n));
    if (missing.length > 0 || extra.length > 0)
      throw keyInvalid(
        `须给出且只给出键字段 ${names.join(', ')}`,
        `give exactly the key fields ${names.join(', ')}`,
      );
    return al.keys.map((k) => {
      const v = input[k.name];
      if (Array.isArray(v) || v === null)
        throw keyInvalid(`键字段 ${k.name} 须为单个值`, `key field "${k.name}" takes one value`);
      return typedValue(k, v, keyInvalid);
    });
  }

  const personal = (al: Allowed) => al.fields.some((f) => f.sensitivity !== 'none');
  const subjectOf = (al: Allowed, row: Row) => al.keys.map((k) => String(row[k.name] ?? '')).join('|');
  /** Whom a row is about, for consent: its resident ID or credit code field (read along, never shown unless granted). */
  const subjectField = (ds: Dataset) =>
    ds.fields.find((f) => f.personalType === 'resident_id' || f.personalType === 'credit_code');
  /** Under a consent-based grant, only rows whose subject consents to the consumer organisation. */
  async function consented(al: Allowed, rows: Row[]): Promise<Row[]> {
    if (!al.grant.consent_required) return rows;
    const f = subjectField(al.ds);
    if (!f) return [];
    const keys = rows.map((r) => String(r[f.name] ?? '')).filter(Boolean);
    const yes = await deps.consenting(al.app.orgId, keys);
    return rows.filter((r) => yes.has(String(r[f.name] ?? '')));
  }
  function withSubject(grant: repo.GrantRow, ds: Dataset, fields: DatasetField[]): DatasetField[] {
    const f = grant.consent_required ? subjectField(ds) : undefined;
    return f && !fields.includes(f) ? [...fields, f] : fields;
  }
  const consentDenied = (al: Allowed, op: Op) =>
    deny(al.app, op, al.ds, al.grant, new AppError('sharing_consent_missing', { org: al.app.orgName }));

  const mask = (al: Allowed, row: Row): Row => {
    const out = maskRecord(row, al.rules, 'masked', { salt: al.salt });
    for (const k of Object.keys(out)) if (!al.fields.some((f) => f.name === k)) delete out[k];
    return out;
  };
  const fieldInfo = (al: Allowed) => al.fieldInfo;

  /** The ledger entry and the count of a call that read data. */
  async function done(
    al: Allowed,
    op: Op,
    rows: Row[],
    subjects: string[],
    extra: Record<string, unknown> = {},
  ) {
    await calls.add({
      grant: al.logged,
      op,
      records: rows.length,
      subjects: personal(al) ? subjects : [],
      extra,
    });
    meter.count(al.meter, al.day, { calls: 1, records: rows.length, denied: 0 });
  }

  /** A grant found revoked by the read itself: forget it and refuse. */
  async function revokedNow(al: Allowed, op: Op): Promise<never> {
    grantCache.delete(`${al.app.id}|${al.ds.code}`);
    const g = (await repo.findGrant(db, al.grant.id)) ?? al.grant;
    return deny(
      al.app,
      op,
      al.ds,
      g,
      new AppError('sharing_grant_revoked', {
        app: al.app.name,
        code: al.ds.code,
        at: g.revoked_at?.toISOString() ?? '',
        reason: g.revoke_reason ?? '',
      }),
    );
  }

  async function outsideOrMissing(al: Allowed, op: Op, key: unknown[]): Promise<never> {
    if (al.area && (await keyExists(db, al.ds.code, al.keys, key)))
      return deny(al.app, op, al.ds, al.grant, new AppError('sharing_area_denied', { area: al.area.code }));
    meter.count(al.meter, al.day, { calls: 1, records: 0, denied: 0 });
    throw notFound('share_record', key.map(String).join('|'));
  }

  /** Whether the grant is still active (for reads that do not check it themselves). */
  async function stillActive(al: Allowed, op: Op) {
    const g = await repo.findGrant(db, al.grant.id);
    if (g?.status !== 'active') await revokedNow(al, op);
  }

  return {
    async lookup(actor: Actor, code: string, input: KeyInput) {
      const al = await allow(actor, code, 'lookup');
      const key = keyValues(al, input);
      const row = await al.lookup(key, al.grant.id);
      if (!row) {
        await stillActive(al, 'lookup');
        return outsideOrMissing(al, 'lookup', key);
      }
      if ((await consented(al, [row])).length === 0) return consentDenied(al, 'lookup');
      await done(al, 'lookup', [row], [key.map(String).join('|')]);
      return { dataset: al.ds.code, fields: fieldInfo(al), record: mask(al, row) };
    },

    async records(actor: Actor, code: string, q: { limit: number; offset: number; filters?: string }) {
      const al = await allow(actor, code, 'records');
      // Whom a filtered page is about is not known before reading it: consent cannot be checked up front.
      if (al.grant.consent_required)
        return deny(al.app, 'records', al.ds, al.grant, new AppError('sharing_consent_no_list'));
      const where = parseFilters(q.filters, al.fields, filterInvalid);
      await stillActive(al, 'records');
      const keyExtra = al.keys.filter((k) => !al.fields.includes(k));
      const page = await listRows(db, {
        code: al.ds.code,
        fields: [...al.fields, ...keyExtra],
        where,
        area: al.area,
        limit: q.limit,
        offset: q.offset,
      });
      await done(
        al,
        'records',
        page.rows,
        page.rows.map((r) => subjectOf(al, r)),
        { offset: q.offset, limit: q.limit },
      );
      return {
        dataset: al.ds.code,
        fields: fieldInfo(al),
        records: page.rows.map((r) => mask(al, r)),
        total: page.total,
        limit: q.limit,
        offset: q.offset,
      };
    },

    async batch(actor: Actor, code: string, keys: KeyInput[]) {
      const al = await allow(actor, code, 'batch');
      const list = keys.map((k) => keyValues(al, k));
      await stillActive(al, 'batch');
      const rows = await consented(
        al,
        await batchRows(db, {
          code: al.ds.code,
          fields: withSubject(al.grant, al.ds, al.fields),
          keys: al.keys,
          list,
          area: al.area,
        }),
      );
      const byKey = new Map(rows.map((r) => [subjectOf(al, r), r]));
      const items = list.map((vals, i) => {
        const row = byKey.get(vals.map((v) => String(v ?? '')).join('|'));
        return { key: keys[i] as KeyInput, record: row ? mask(al, row) : null };
      });
      await done(
        al,
        'batch',
        rows,
        rows.map((r) => subjectOf(al, r)),
        { asked: keys.length },
      );
      return { dataset: al.ds.code, fields: fieldInfo(al), items };
    },

    async verify(actor: Actor, code: string, body: { key: KeyInput; values: Record<string, unknown> }) {
      const al = await allow(actor, code, 'verify');
      const key = keyValues(al, body.key);
      const unknown = Object.keys(body.values).filter((n) => !al.ds.fields.some((f) => f.name === n));
      if (unknown.length > 0)
        throw new AppError('sharing_field_unknown', { code: al.ds.code, fields: unknown.join(', ') });
      const denied = Object.keys(body.values).filter((n) => !al.fields.some((f) => f.name === n));
      if (denied.length > 0)
        return deny(
          al.app,
          'verify',
          al.ds,
          al.grant,
          new AppError('sharing_field_denied', {
            fields: denied.join(', '),
            granted: al.grant.fields.join(', '),
          }),
        );
      const values = Object.entries(body.values).map(([n, v]) => {
        const f = al.fields.find((x) => x.name === n) as DatasetField;
        return [f, v === null ? null : typedValue(f, v, keyInvalid)] as [DatasetField, unknown];
      });
      await stillActive(al, 'verify');
      if (al.grant.consent_required) {
        const r = await al.lookup(key, al.grant.id);
        if (r && (await consented(al, [r])).length === 0) return consentDenied(al, 'verify');
      }
      const matches = await verifyRow(db, { code: al.ds.code, keys: al.keys, key, values, area: al.area });
      if (matches === null && al.area && (await keyExists(db, al.ds.code, al.keys, key)))
        return deny(
          al.app,
          'verify',
          al.ds,
          al.grant,
          new AppError('sharing_area_denied', { area: al.area.code }),
        );
      await done(al, 'verify', [], [key.map(String).join('|')], { asked: Object.keys(body.values) });
      return { dataset: al.ds.code, found: matches !== null, matches: matches ?? {} };
    },

    /** The dataset's entry as the gateway last cached it (for its OpenAPI description). */
    dataset: (code: string) => findShared(deps.findDataset, code),
  };
}

export type Gateway = ReturnType<typeof createGateway>;

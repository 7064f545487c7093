import { sql } from 'kysely';
import { newId } from '../../platform/ids.ts';
import { publishDataset } from '../../testing/datasets.ts';
import type { TestContext } from '../../testing/harness.ts';
import { DEMO_PASSWORD } from '../auth/index.ts';
import { type Value, writeRows } from '../datastore/index.ts';
import { createWorker } from '../jobs/index.ts';
import { organCode } from '../orgs/index.ts';

// Test-only helpers of the privacy module's integration tests.

/** A user with one role in one of the city's organisations (2 公安局, 3 民政局, 4 卫健委), logged in. */
export async function addUser(
  t: TestContext,
  username: string,
  orgKey: number,
  role: 'data_officer' | 'viewer',
) {
  const org = await t.services.orgs.findOrgByCode(organCode('330100', orgKey));
  if (!org) throw new Error(`org ${orgKey} missing`);
  await t.services.users.createUnchecked(
    { username, displayName: username, password: DEMO_PASSWORD, grants: [{ orgId: org.id, role }] },
    false,
  );
  return { cookie: await t.login(username), orgId: org.id };
}

export const runJobs = async (t: TestContext) => {
  const w = createWorker({ db: t.services.db, kinds: t.services.jobs.kinds, log: t.app.log });
  while (await w.runOnce()) {}
};

export const call = (
  t: TestContext,
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method,
    url: url.startsWith('/api/') ? url : `/api/v1/privacy${url}`,
    headers: { cookie, ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

export const personFields = [
  { name: 'sfzh', title: '公民身份号码', type: 'string', key: true, sensitivity: 'high' },
  { name: 'csrq', title: '出生日期', type: 'date', sensitivity: 'low' },
  { name: 'xb', title: '性别', type: 'string' },
  { name: 'zz', title: '住址', type: 'string', sensitivity: 'medium' },
  { name: 'nl', title: '年龄', type: 'integer' },
  { name: 'sr', title: '月收入', type: 'integer', unit: '元', sensitivity: 'medium' },
];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * `n` people, every birth date different (so each is alone in its class), two sexes, addresses on two
 * streets with their own house numbers, incomes 3000 + 100·i.
 */
export function people(n: number, offset = 0): Value[][] {
  return Array.from({ length: n }, (_, j) => {
    const i = j + offset;
    const year = 1950 + (i % 50);
    const month = 1 + (i % 12);
    const day = 1 + (i % 28);
    const birth = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
    const street = i % 2 === 0 ? '西溪街道文三路' : '北山街道曙光路';
    return [
      `330106${year}${pad(month, 2)}${pad(day, 2)}${pad(i, 3)}`.slice(0, 17) + String(i % 10),
      birth,
      i % 3 === 0 ? '女' : '男',
      `浙江省杭州市西湖区${street}${i + 1}号${(i % 5) + 1}幢`,
      2026 - year,
      3000 + 100 * i,
    ];
  });
}

/** Publishes a persons dataset owned by the police (the demo officer's organisation) and loads rows. */
export async function personsDataset(
  t: TestContext,
  cookies: { officer: string; admin: string },
  code: string,
  rows: Value[][],
) {
  const id = await publishDataset(t, cookies, {
    code,
    name: '隐私测试人口',
    level: 'L3',
    fields: personFields,
  });
  await load(t, id, rows);
  return id;
}

export async function load(t: TestContext, id: string, rows: Value[][]) {
  const ds = await t.services.catalog.findDatasetById(id);
  if (!ds) throw new Error(`dataset ${id} missing`);
  await writeRows(t.services.db, ds.code, ds.fields, rows, 'upsert', newId());
}

/** The ledger's entries from `from` on, decoded (sequenced first). */
export async function ledgerSince(t: TestContext, from: number) {
  await t.services.ledger.drain();
  const r = await sql<{
    body: Uint8Array;
  }>`select body from ledger.entry where idx >= ${from} order by idx`.execute(t.services.db);
  return r.rows.map(
    (x) => JSON.parse(Buffer.from(x.body).toString()) as Record<string, unknown> & { action: string },
  );
}

export const ledgerSize = async (t: TestContext) => {
  await t.services.ledger.drain();
  return t.services.ledger.sizeNow();
};

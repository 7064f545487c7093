import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import type { SignedInActor } from '../actor.ts';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle.ts';
import { openNote, parseCheckpoint, parseVerifierKey } from './note.ts';
import { verifyLedger } from './verify.ts';

let t: TestContext;
let auditor: string;
let actor: SignedInActor;

beforeAll(async () => {
  t = await createTestContext({ SHUZHI_LEDGER_CHECKPOINT_MS: '10' });
  auditor = await t.login('auditor');
  actor = (await t.services.auth.actorFromSession(auditor.split('=')[1])) as SignedInActor;
});
afterAll(() => t.close());

const verifier = () => parseVerifierKey(t.services.ledger.verifierKey());
const checkpointNow = async () => {
  await new Promise((r) => setTimeout(r, 15));
  await t.services.ledger.drain();
  await new Promise((r) => setTimeout(r, 15));
  await t.services.ledger.sequence();
  const note = (await t.app.inject('/api/v1/ledger/checkpoint')).body;
  return parseCheckpoint(openNote(note, verifier()) as string);
};

describe('recording', () => {
  it('groups concurrent writers into one insert and sequences every entry once', async () => {
    await t.services.ledger.drain();
    const before = await t.services.ledger.sizeNow();
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        t.services.ledger.record({
          actor,
          action: 'test.read',
          result: 'ok',
          dataset: 'persons',
          subjects: [`id-${i}`],
        }),
      ),
    );
    const queued = await sql<{
      n: number;
    }>`select count(distinct queued_at)::int as n from ledger.queue`.execute(t.services.db);
    expect(queued.rows[0]?.n).toBeLessThanOrEqual(3);
    await t.services.ledger.drain();
    expect(await t.services.ledger.sizeNow()).toBe(before + 300);
    const idx = await sql<{ n: number; lo: number; hi: number }>`
      select count(*)::int as n, min(idx)::int as lo, max(idx)::int as hi from ledger.entry`.execute(
      t.services.db,
    );
    expect(idx.rows[0]).toEqual({ n: before + 300, lo: 0, hi: before + 299 });
  });

  it('writes canonical JSON with subjects only as salted hashes; entries are for auditors alone', async () => {
    await t.services.ledger.record({
      actor,
      action: 'test.person_read',
      result: 'ok',
      purpose: '核验',
      fields: ['name', 'id_number'],
      subjects: ['330106199001011234'],
    });
    await t.services.ledger.drain();
    const size = await t.services.ledger.sizeNow();
    const res = await t.app.inject({
      url: `/api/v1/ledger/entries?start=${size - 1}&end=${size}`,
      headers: { cookie: auditor },
    });
    expect(res.statusCode).toBe(200);
    const [e] = res.json().entries;
    const data = Buffer.from(e.data, 'base64').toString('utf8');
    expect(data).not.toContain('330106199001011234');
    expect(e.entry).toMatchObject({
      action: 'test.person_read',
      purpose: '核验',
      fields: ['id_number', 'name'],
    });
    expect(e.entry.subjects[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(JSON.parse(data))).toEqual([...Object.keys(JSON.parse(data))].sort());
    expect(Buffer.from(e.leafHash, 'base64').equals(leafHash(Buffer.from(e.data, 'base64')))).toBe(true);

    const viewer = await t.login('viewer');
    expect(
      (await t.app.inject({ url: '/api/v1/ledger/entries?start=0&end=1', headers: { cookie: viewer } }))
        .statusCode,
    ).toBe(403);
    expect((await t.app.inject('/api/v1/ledger/entries?start=0&end=1')).statusCode).toBe(401);
  });

  it('records logins, refused logins and account decisions', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'clerk', password: 'wrong-password1' },
    });
    await t.login('clerk');
    const admin = await t.login('admin');
    const orgs = (await t.app.inject('/api/v1/orgs?limit=1')).json().items;
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/users',
      headers: { cookie: admin },
      payload: {
        username: 'ledger.user',
        displayName: '账本',
        password: 'Ledger2026pass',
        grants: [{ orgId: orgs[0].id, role: 'viewer' }],
      },
    });
    await t.services.ledger.drain();
    const size = await t.services.ledger.sizeNow();
    const entries = (
      await t.app.inject({
        url: `/api/v1/ledger/entries?start=${Math.max(0, size - 10)}&end=${size}`,
        headers: { cookie: auditor },
      })
    )
      .json()
      .entries.map((e: { entry: Record<string, unknown> }) => e.entry);
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'auth.login',
        result: 'denied',
        details: expect.objectContaining({ username: 'clerk', reason: 'wrong_password' }),
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'auth.login',
        result: 'ok',
        actor: expect.objectContaining({ name: 'clerk' }),
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'auth.user_create',
        actor: expect.objectContaining({ name: 'admin' }),
        details: expect.objectContaining({ username: 'ledger.user' }),
      }),
    );
  });
});

describe('proofs and checkpoints', () => {
  it('publishes signed checkpoints whose roots the proofs verify against', async () => {
    const key = (await t.app.inject('/api/v1/ledger/verifier-key')).body.trim();
    expect(key).toBe(t.services.ledger.verifierKey());
    const first = await checkpointNow();
    for (let i = 0; i < 37; i++) await t.services.ledger.record({ actor, action: 'test.more', result: 'ok' });
    const second = await checkpointNow();
    expect(second.size).toBe(first.size + 37);

    for (const index of [0, 1, first.size - 1, second.size - 1]) {
      const p = (
        await t.app.inject(`/api/v1/ledger/proof/inclusion?index=${index}&size=${second.size}`)
      ).json();
      const proof = p.hashes.map((h: string) => Buffer.from(h, 'base64'));
      expect(verifyInclusion(index, second.size, Buffer.from(p.leafHash, 'base64'), proof, second.root)).toBe(
        true,
      );
      expect(verifyInclusion(index, second.size, Buffer.from(p.leafHash, 'base64'), proof, first.root)).toBe(
        false,
      );
    }
    const c = (
      await t.app.inject(`/api/v1/ledger/proof/consistency?first=${first.size}&second=${second.size}`)
    ).json();
    const cp = c.hashes.map((h: string) => Buffer.from(h, 'base64'));
    expect(verifyConsistency(first.size, second.size, first.root, second.root, cp)).toBe(true);
    expect(verifyConsistency(first.size, second.size, second.root, first.root, cp)).toBe(false);
  });

  it('rejects proofs outside the log with a clear 400', async () => {
    const size = await t.services.ledger.sizeNow();
    const res = await t.app.inject({
      url: `/api/v1/ledger/proof/inclusion?index=0&size=${size + 5}`,
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('proof_out_of_range');
    expect((await t.app.inject('/api/v1/ledger/proof/consistency?first=5&second=2')).statusCode).toBe(400);
    expect((await t.app.inject('/api/v1/ledger/proof/inclusion?index=-1&size=2')).statusCode).toBe(400);
  });
});

describe('verification finds tampering', () => {
  /** Applies a mutation inside a transaction, verifies there, and rolls back. */
  async function tampered(mutate: (db: Db) => Promise<unknown>) {
    // Each case touches entries up to index 41: make sure they exist even when run alone.
    const size = await t.services.ledger.sizeNow();
    for (let i = size; i < 60; i++)
      await t.services.ledger.record({ actor, action: 'test.fill', result: 'ok' });
    await checkpointNow();
    let result: Awaited<ReturnType<typeof verifyLedger>> | undefined;
    await t.services.db
      .transaction()
      .execute(async (trx) => {
        await mutate(trx);
        result = await verifyLedger(trx, verifier());
        throw new Error('rollback');
      })
      .catch((e: Error) => {
        if (e.message !== 'rollback') throw e;
      });
    return result as Awaited<ReturnType<typeof verifyLedger>>;
  }

  it('passes an untouched ledger', async () => {
    await checkpointNow();
    const r = await verifyLedger(t.services.db, verifier());
    expect(r).toMatchObject({ ok: true, entries: await t.services.ledger.sizeNow() });
    expect((r as { checkpoints: number }).checkpoints).toBeGreaterThan(1);
  });

  it('names an edited entry', async () => {
    const r = await tampered((db) =>
      sql`update ledger.entry set body = convert_to('{"forged":1}', 'UTF8') where idx = 7`.execute(db),
    );
    expect(r).toMatchObject({ ok: false, index: 7 });
  });

  it('names an entry edited together with its leaf hash', async () => {
    const r = await tampered(async (db) => {
      const body = Buffer.from('{"forged":2}');
      await sql`update ledger.entry set body = ${body}, leaf_hash = ${leafHash(body)} where idx = 11`.execute(
        db,
      );
    });
    expect(r).toMatchObject({ ok: false, index: 11 });
  });

  it('names a deleted entry', async () => {
    const r = await tampered((db) => sql`delete from ledger.entry where idx = 20`.execute(db));
    expect(r).toMatchObject({ ok: false, index: 20 });
  });

  it('names an inserted entry', async () => {
    const r = await tampered(async (db) => {
      await sql`update ledger.entry set idx = -idx - 1 where idx >= 30`.execute(db);
      await sql`update ledger.entry set idx = -idx where idx < 0`.execute(db);
      const body = Buffer.from('{"inserted":true}');
      await sql`insert into ledger.entry (idx, body, leaf_hash, completed, chain)
        values (30, ${body}, ${leafHash(body)}, '\\x', '\\x')`.execute(db);
    });
    expect(r).toMatchObject({ ok: false, index: 30 });
  });

  it('names reordered entries', async () => {
    const r = await tampered(async (db) => {
      await sql`update ledger.entry set idx = -1 where idx = 40`.execute(db);
      await sql`update ledger.entry set idx = 40 where idx = 41`.execute(db);
      await sql`update ledger.entry set idx = 41 where idx = -1`.execute(db);
    });
    expect(r).toMatchObject({ ok: false, index: 40 });
  });

  it('finds a forged checkpoint', async () => {
    const r = await tampered(async (db) => {
      const c = await sql<{
        size: number;
        note: string;
      }>`select size::int, note from ledger.checkpoint order by size desc limit 1`.execute(db);
      const row = c.rows[0] as { size: number; note: string };
      const forged = row.note.replace(/\n(\d+)\n/, (_, n) => `\n${Number(n) + 1}\n`);
      await sql`update ledger.checkpoint set note = ${forged} where size = ${row.size}`.execute(db);
    });
    expect(r.ok).toBe(false);
    expect((r as { problem: string }).problem).toContain('signature');
  });

  it('finds a log rewritten consistently but not re-signed', async () => {
    const r = await tampered(async (db) => {
      // Rewrite entry 3 and recompute everything after it, as a careful attacker without the key would.
      const { createHash } = await import('node:crypto');
      const { Frontier } = await import('./merkle.ts');
      const rows = await sql<{
        idx: number;
        body: Uint8Array;
      }>`select idx::int, body from ledger.entry order by idx`.execute(db);
      const f = Frontier.empty();
      let chain = Buffer.alloc(32);
      for (const row of rows.rows) {
        const body = row.idx === 3 ? Buffer.from('{"rewritten":true}') : Buffer.from(row.body);
        const leaf = leafHash(body);
        chain = createHash('sha256').update(chain).update(leaf).digest();
        const completed = Buffer.concat(f.append(leaf));
        await sql`update ledger.entry set body = ${body}, leaf_hash = ${leaf}, chain = ${chain}, completed = ${completed} where idx = ${row.idx}`.execute(
          db,
        );
      }
      await sql`update ledger.head set frontier = ${Buffer.concat(f.hashes)}, chain = ${chain}`.execute(db);
    });
    expect(r.ok).toBe(false);
    expect((r as { problem: string }).problem).toContain('signed checkpoint');
    expect((r as { index: number }).index).toBeLessThanOrEqual(3);
  });
});

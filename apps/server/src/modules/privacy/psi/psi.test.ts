import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../testing/harness.ts';
import { addUser, call, ledgerSince, ledgerSize } from '../test-fixtures.ts';
import { psiCommand } from './psi.cli.ts';
import { blindAll, generateSecret, hashShuffled, intersect } from './psi.crypto.ts';

let t: TestContext;
let police: string;
let civil: { cookie: string; orgId: string };
let health: { cookie: string; orgId: string };

beforeAll(async () => {
  t = await createTestContext();
  police = await t.login('officer');
  civil = await addUser(t, 'psi-civil-officer', 3, 'data_officer');
  health = await addUser(t, 'psi-health-officer', 4, 'data_officer');
});
afterAll(() => t.close());

const octets = (cookie: string, method: 'PUT' | 'GET', url: string, body?: Buffer) =>
  t.app.inject({
    method,
    url: `/api/v1/privacy/psi/sessions/${url}`,
    headers: { cookie, ...(body ? { 'content-type': 'application/octet-stream' } : {}) },
    ...(body ? { payload: body } : {}),
  });

describe('private set intersection sessions', () => {
  it('runs the protocol between two departments: each learns the common keys, the server only blinded points', async () => {
    const policeKeys = [
      '330106199001011234',
      '330106198502021111',
      '33010620000303222X',
      '330106197004040000',
    ];
    const civilKeys = ['330106198502021111', '33010620000303222x', '330106195005055555'];
    const before = await ledgerSize(t);
    const created = await call(t, police, 'POST', '/psi/sessions', {
      partnerOrgId: civil.orgId,
      purpose: '核对低保与户籍',
    });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({ mySide: 'initiator', next: 'upload_blinded', status: 'open' });

    // Each side on its own machine: secret, shuffled hashes, blinded.
    const P = { secret: generateSecret(), ...hashShuffled(policeKeys) };
    const C = { secret: generateSecret(), ...hashShuffled(civilKeys) };
    const pBlinded = blindAll(P.secret, P.points);
    const cBlinded = blindAll(C.secret, C.points);

    expect((await octets(police, 'PUT', `${s.id}/blinded`, pBlinded)).json().next).toBe('wait_peer_blinded');
    // The peer's set only after one's own is in: nobody chooses after seeing.
    const early = await octets(civil.cookie, 'GET', `${s.id}/peer-blinded`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('psi_wrong_step');
    expect((await octets(civil.cookie, 'PUT', `${s.id}/blinded`, cBlinded)).json()).toMatchObject({
      mySide: 'partner',
      next: 'upload_reblinded',
    });
    const again = await octets(civil.cookie, 'PUT', `${s.id}/blinded`, cBlinded);
    expect(again.statusCode).toBe(409);

    const forPolice = Buffer.from((await octets(police, 'GET', `${s.id}/peer-blinded`)).rawPayload);
    const forCivil = Buffer.from((await octets(civil.cookie, 'GET', `${s.id}/peer-blinded`)).rawPayload);
    expect(forPolice.equals(cBlinded)).toBe(true);
    const pTheirs = blindAll(P.secret, forPolice);
    const cTheirs = blindAll(C.secret, forCivil);
    const wrongCount = await octets(police, 'PUT', `${s.id}/reblinded`, pTheirs.subarray(32));
    expect(wrongCount.statusCode).toBe(400);
    expect(wrongCount.json().code).toBe('psi_points_invalid');
    expect((await octets(police, 'PUT', `${s.id}/reblinded`, pTheirs)).json().next).toBe(
      'wait_peer_reblinded',
    );
    expect((await octets(police, 'GET', `${s.id}/result`)).statusCode).toBe(409);
    const done = await octets(civil.cookie, 'PUT', `${s.id}/reblinded`, cTheirs);
    expect(done.json()).toMatchObject({ next: 'fetch_result', intersectionSize: 2 });

    const pMine = Buffer.from((await octets(police, 'GET', `${s.id}/result`)).rawPayload);
    const cMine = Buffer.from((await octets(civil.cookie, 'GET', `${s.id}/result`)).rawPayload);
    expect(intersect(P.order, pMine, pTheirs).sort()).toEqual(['330106198502021111', '33010620000303222X']);
    // Each side gets its own spelling back (keys are compared normalised: trimmed, upper case).
    expect(intersect(C.order, cMine, cTheirs).sort()).toEqual(['330106198502021111', '33010620000303222x']);

    // The server kept blinded points only, and erases them at the end.
    const stored = await sql<{
      points: Uint8Array;
    }>`select points from privacy.psi_set where session_id = ${s.id}`.execute(t.services.db);
    const all = Buffer.concat(stored.rows.map((r) => Buffer.from(r.points)));
    for (const k of [...policeKeys, ...civilKeys]) expect(all.includes(Buffer.from(k))).toBe(false);
    expect(all.includes(P.points.subarray(0, 32))).toBe(false);
    const finished = await call(t, civil.cookie, 'POST', `/psi/sessions/${s.id}/finish`);
    expect(finished.json()).toMatchObject({
      status: 'finished',
      next: 'done',
      uploads: { partner: { blinded: { count: 3 } } },
    });
    const erased = await sql<{
      n: number;
    }>`select sum(length(points))::int as n from privacy.psi_set where session_id = ${s.id}`.execute(
      t.services.db,
    );
    expect(erased.rows[0]?.n).toBe(0);
    expect((await octets(police, 'GET', `${s.id}/result`)).statusCode).toBe(409);

    const actions = (await ledgerSince(t, before)).map((e) => e.action);
    expect(actions).toEqual([
      'privacy.psi_create',
      'privacy.psi_blinded',
      'privacy.psi_blinded',
      'privacy.psi_fetch_peer',
      'privacy.psi_fetch_peer',
      'privacy.psi_reblinded',
      'privacy.psi_reblinded',
      'privacy.psi_result',
      'privacy.psi_result',
      'privacy.psi_finish',
    ]);
  });

  it('keeps third organisations out (403) and refuses malformed uploads (400)', async () => {
    const s = (
      await call(t, police, 'POST', '/psi/sessions', { partnerOrgId: civil.orgId, purpose: '测试' })
    ).json();
    expect((await call(t, health.cookie, 'GET', `/psi/sessions/${s.id}`)).statusCode).toBe(403);
    expect((await octets(health.cookie, 'PUT', `${s.id}/blinded`, Buffer.alloc(64))).statusCode).toBe(403);
    expect((await call(t, health.cookie, 'GET', '/psi/sessions')).json().items).toEqual([]);
    expect((await octets(police, 'PUT', `${s.id}/blinded`, Buffer.alloc(33))).statusCode).toBe(400);
    const json = await call(t, police, 'PUT', `/psi/sessions/${s.id}/blinded`, { points: [] });
    expect(json.statusCode).toBe(415);
    const self = await call(t, police, 'POST', '/psi/sessions', {
      partnerOrgId: s.initiatorOrgId,
      purpose: '自己',
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().code).toBe('psi_partner_invalid');
    // Sets go as raw bytes past the JSON body limit (10 MB): 400,000 points are 12.8 MB.
    const big = await octets(police, 'PUT', `${s.id}/blinded`, Buffer.alloc(400_000 * 32, 7));
    expect(big.statusCode, big.body).toBe(200);
    expect(big.json().uploads.initiator.blinded.count).toBe(400_000);
    const admin = await t.login('admin');
    expect((await call(t, admin, 'GET', `/psi/sessions/${s.id}`)).json()).toMatchObject({ mySide: null });
    expect((await octets(admin, 'PUT', `${s.id}/blinded`, Buffer.alloc(64))).statusCode).toBe(403);
  });
});

describe('shuzhi psi (files)', () => {
  it('runs both parties’ steps from files and writes the common keys', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'psi-cli-'));
    const f = (name: string) => join(dir, name);
    const run = (...args: string[]) => {
      const program = new Command().exitOverride();
      psiCommand(program);
      return program.parseAsync(['node', 'shuzhi', 'psi', ...args]);
    };
    const a = Array.from({ length: 3000 }, (_, i) => `A${i}`);
    const b = [
      ...Array.from({ length: 500 }, (_, i) => `A${i * 3}`),
      ...Array.from({ length: 2000 }, (_, i) => `B${i}`),
    ];
    await writeFile(f('a.txt'), `${a.join('\n')}\n\n${a[0]}\n`);
    await writeFile(f('b.txt'), b.join('\r\n'));
    for (const p of ['a', 'b']) {
      await run('keygen', '-o', f(`${p}.key`));
      await run(
        'blind',
        '-k',
        f(`${p}.key`),
        '-i',
        f(`${p}.txt`),
        '-o',
        f(`${p}.blinded`),
        '--order',
        f(`${p}.order`),
      );
    }
    await run('reblind', '-k', f('a.key'), '-i', f('b.blinded'), '-o', f('b.by-both'));
    await run('reblind', '-k', f('b.key'), '-i', f('a.blinded'), '-o', f('a.by-both'));
    await run(
      'intersect',
      '--order',
      f('a.order'),
      '--mine',
      f('a.by-both'),
      '--theirs',
      f('b.by-both'),
      '-o',
      f('a.common'),
    );
    await run(
      'intersect',
      '--order',
      f('b.order'),
      '--mine',
      f('b.by-both'),
      '--theirs',
      f('a.by-both'),
      '-o',
      f('b.common'),
    );
    const expected = b.filter((k) => k.startsWith('A')).sort();
    for (const p of ['a', 'b']) {
      const got = (await readFile(f(`${p}.common`), 'utf8')).split('\n').filter(Boolean).sort();
      expect(got).toEqual(expected);
    }
    // Duplicates and blank lines are dropped; the order file holds each key once.
    expect((await readFile(f('a.order'), 'utf8')).split('\n').filter(Boolean)).toHaveLength(3000);
    await expect(run('reblind', '-k', f('a.key'), '-i', f('a.txt'), '-o', f('x'))).rejects.toMatchObject({
      code: 'psi_points_invalid',
    });
  });
});

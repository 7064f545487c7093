import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { parseVerifierKey } from './note.ts';
import { witnessOnce } from './watch.ts';

let t: TestContext;
let base: string;
beforeAll(async () => {
  t = await createTestContext({ SHUZHI_LEDGER_CHECKPOINT_MS: '10' });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

const settle = async () => {
  await t.services.ledger.drain();
  await new Promise((r) => setTimeout(r, 20));
  await t.services.ledger.sequence();
};
const actor = { kind: 'anonymous' } as const;

describe('witness (shuzhi ledger watch)', () => {
  it('follows a growing log and raises the alarm when history changes', async () => {
    const verifier = parseVerifierKey(t.services.ledger.verifierKey());
    await settle();
    const first = await witnessOnce(base, verifier, null);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const state = {
      vkey: t.services.ledger.verifierKey(),
      size: first.size,
      root: first.note.split('\n')[2] as string,
      note: first.note,
    };

    for (let i = 0; i < 25; i++)
      await t.services.ledger.record({ actor, action: 'test.witness', result: 'ok' });
    await settle();
    const second = await witnessOnce(base, verifier, state);
    expect(second).toMatchObject({ ok: true, grew: 25, size: first.size + 25 });

    // A witness that remembers a different root for the same history must not be satisfied.
    const forked = { ...state, root: Buffer.alloc(32, 7).toString('base64') };
    const alarm = await witnessOnce(base, verifier, forked);
    expect(alarm.ok).toBe(false);
    expect((alarm as { problem: string }).problem).toMatch(/rewritten|different roots/);

    const bigger = { ...state, size: first.size + 1000 };
    const shrunk = await witnessOnce(base, verifier, bigger);
    expect((shrunk as { problem: string }).problem).toContain('shrank');
  });

  it('rejects a verifier key whose hash does not match', () => {
    const good = t.services.ledger.verifierKey();
    const [name, , key] = [good.slice(0, good.indexOf('+')), '', good.slice(good.indexOf('+') + 10)];
    expect(() => parseVerifierKey(`${name}+00000000+${key}`)).toThrow(/hash/);
  });
});

/**
 * Test helper process for ledger.crash.test.ts: records entries as fast as it can and prints
 * "ack N" only after record() resolved, until it is killed.
 */
import { loadConfig } from '../../config.ts';
import { openRuntime } from '../../runtime.ts';

const rt = await openRuntime(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));
const sequencer = rt.services.ledger.startSequencer({ pollMs: 20 });
const actor = { kind: 'anonymous' } as const;
let n = 0;
const writer = async () => {
  for (;;) {
    const i = n++;
    await rt.services.ledger.record({ actor, action: 'test.crash', result: 'ok', details: { n: i } });
    process.stdout.write(`ack ${i}\n`);
  }
};
process.stdout.write('ready\n');
await Promise.all([writer(), writer(), writer(), writer()]);
await sequencer.stop();

import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvFileSink } from './csv-sink.ts';
import { field, key } from './datasets/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'shuzhi-sink-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fields = [key('code', '编号'), field('name', '名称', 'string'), field('open', '是否开放', 'boolean')];

describe('CsvFileSink', () => {
  it('writes a department-style file and knows its hash', async () => {
    const path = join(dir, 'a.csv');
    const sink = new CsvFileSink(path, fields);
    sink.write({ code: 'A1', name: '西湖, 北山', open: true });
    sink.write({ code: 'A2', name: null, open: false });
    await sink.close();
    const bytes = readFileSync(path);
    expect(bytes.toString('utf8')).toBe('\uFEFF编号,名称,是否开放\r\nA1,"西湖, 北山",是\r\nA2,,否\r\n');
    expect(sink.sha256()).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect({ rows: sink.rows, bytes: sink.bytes }).toEqual({ rows: 2, bytes: bytes.length });
  });

  it('does not wait for a drain that happened while the caller was busy elsewhere', async () => {
    const sink = new CsvFileSink(join(dir, 'b.csv'), fields);
    const long = '长'.repeat(2_000);
    let room = true;
    for (let i = 0; room && i < 10_000; i++) room = sink.write({ code: `K${i}`, name: long, open: true });
    expect(room).toBe(false);
    // The stream drains on its own before the caller comes back to this sink.
    await once((sink as unknown as { out: NodeJS.EventEmitter }).out, 'drain');
    const drained = await Promise.race([
      sink.drain().then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 2_000)),
    ]);
    expect(drained).toBe(true);
    await sink.close();
  });
});

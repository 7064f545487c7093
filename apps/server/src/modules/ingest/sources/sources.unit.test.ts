import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { createSecretBox } from '../../../platform/secret-box.ts';
import { readTabular } from '../parse/index.ts';
import { createHostPolicy, parseAllowedHosts } from './host-policy.ts';
import { valueAt } from './json-path.ts';
import { keepStoredPassword, maskPgUrl, parsePgUrl } from './pg-url.ts';
import { createPullFile } from './pull-file.ts';
import { queryVerb } from './pull-postgres.ts';
import { compareWatermark } from './watermark.ts';

const dir = mkdtempSync(join(tmpdir(), 'shuzhi-pull-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  return e instanceof AppError ? e.code : e;
};

describe('host policy', () => {
  it('by default allows intranet addresses and refuses loopback, link-local and reserved ones', async () => {
    const p = createHostPolicy(undefined);
    expect(await p.resolve('10.1.2.3')).toEqual([{ address: '10.1.2.3', family: 4 }]);
    expect(await p.resolve('192.168.0.9')).toHaveLength(1);
    for (const host of [
      '127.0.0.1',
      '169.254.169.254',
      '0.0.0.0',
      '[::1]',
      '::ffff:127.0.0.1',
      '224.0.0.1',
    ]) {
      expect(await refusal(p.resolve(host)), host).toBe('pull_host_forbidden');
    }
    expect(() => p.checkStatic('127.0.0.5')).toThrow(AppError);
    expect(() => p.checkStatic('data.example.gov.cn')).not.toThrow();
  });

  it('with an allow-list, admits listed names, suffixes and ranges only; refused ranges only when listed', async () => {
    const p = createHostPolicy('db.zj.gov.cn, *.hz.gov.cn, 10.0.0.0/8, 127.0.0.1');
    expect(() => p.checkStatic('db.zj.gov.cn')).not.toThrow();
    expect(() => p.checkStatic('api.hz.gov.cn')).not.toThrow();
    expect(await p.resolve('10.9.9.9')).toHaveLength(1);
    expect(await p.resolve('127.0.0.1')).toHaveLength(1);
    expect(await refusal(p.resolve('127.0.0.2'))).toBe('pull_host_forbidden');
    expect(await refusal(p.resolve('192.168.1.1'))).toBe('pull_host_forbidden');
    expect(() => createHostPolicy('10.0.0.0/40')).toThrow(
      /SHUZHI_PULL_ALLOWED_HOSTS: bad entry "10.0.0.0\/40"/,
    );
    expect(() => parseAllowedHosts('http://x')).toThrow(/bad entry/);
    expect(parseAllowedHosts(' ')).toBeNull();
  });
});

describe('secret box', () => {
  it('opens only what it sealed, for the same context, and never repeats a ciphertext', () => {
    const box = createSecretBox(Buffer.alloc(32, 7).toString('base64url'));
    const a = box.seal('postgres://u:p@h/db', 'row-1');
    expect(a).not.toContain('p@h');
    expect(box.seal('postgres://u:p@h/db', 'row-1')).not.toBe(a);
    expect(box.open(a, 'row-1')).toBe('postgres://u:p@h/db');
    expect(() => box.open(a, 'row-2')).toThrow();
    const other = createSecretBox(Buffer.alloc(32, 8).toString('base64url'));
    expect(() => other.open(a, 'row-1')).toThrow();
    const [v, iv, tag, body] = a.split('.');
    const flipped = `${body?.[0] === 'A' ? 'B' : 'A'}${body?.slice(1)}`;
    expect(() => box.open([v, iv, tag, flipped].join('.'), 'row-1')).toThrow();
  });
});

describe('connection strings', () => {
  it('are read in URL form only, masked for display, and keep a stored password only for the same login', () => {
    expect(parsePgUrl('postgres://app:p%40ss@db.hz.gov.cn:6543/人口?sslmode=require')).toEqual({
      host: 'db.hz.gov.cn',
      port: 6543,
      user: 'app',
      password: 'p@ss',
      database: '人口',
      ssl: 'require',
      connectTimeoutSeconds: null,
    });
    expect(maskPgUrl('postgres://app:p%40ss@db:5432/x')).toBe('postgres://app:****@db:5432/x');
    expect(() => parsePgUrl('host=db user=app')).toThrow(AppError);
    expect(() => parsePgUrl('postgres://app@db/x?sslmode=prefer')).toThrow(AppError);
    expect(() => parsePgUrl('postgres://app@db/x?options=-c')).toThrow(AppError);
    const stored = 'postgres://app:s%3Acret@db:5432/x';
    expect(parsePgUrl(keepStoredPassword('postgres://app:****@db:5432/y', stored)).password).toBe('s:cret');
    expect(() => keepStoredPassword('postgres://app:****@evil:5432/x', stored)).toThrow(AppError);
    expect(() => keepStoredPassword('postgres://root:****@db:5432/x', stored)).toThrow(AppError);
  });

  it('take only reading statements', () => {
    expect(queryVerb('  -- 人口\n/* x */ SELECT 1')).toBe('select');
    expect(queryVerb('with a as (select 1) select * from a')).toBe('with');
    expect(queryVerb('delete from t')).toBe('delete');
  });
});

describe('watermarks and paths', () => {
  it('compare numbers as numbers, times as instants, the rest as text', () => {
    expect(compareWatermark(10, '9')).toBe(1);
    expect(compareWatermark('90071992547409930', '90071992547409929')).toBe(1);
    expect(compareWatermark('2.5', '10')).toBe(-1);
    expect(compareWatermark('2026-03-01T10:00:00+08:00', '2026-03-01 02:00:00Z')).toBe(0);
    expect(compareWatermark('2026-03-01 10:00:01', '2026-03-01T10:00:00+08:00')).toBe(1);
    expect(compareWatermark('2026-03-02', '2026-03-01 23:00:00+08')).toBe(1);
    expect(compareWatermark('b', 'a')).toBe(1);
  });

  it('find values by JSON pointer or dotted path', () => {
    const doc = { data: { 'a/b': [{ x: 1 }], list: [1, 2] } };
    expect(valueAt(doc, '/data/a~1b/0/x')).toEqual({ found: true, value: 1 });
    expect(valueAt(doc, 'data.list')).toEqual({ found: true, value: [1, 2] });
    expect(valueAt(doc, '')).toEqual({ found: true, value: doc });
    expect(valueAt(doc, 'data.items')).toEqual({ found: false, missing: 'items' });
  });
});

describe('the pull file', () => {
  it('names in its first line every key any record had, so the import header misses none', async () => {
    const file = createPullFile(dir);
    for (let i = 1; i <= 1500; i++) await file.write(i <= 1200 ? { id: `K${i}` } : { id: `K${i}`, late: i });
    const pulled = await file.finish();
    expect(pulled).toMatchObject({ records: 1500, header: ['id', 'late'] });
    const text = readFileSync(pulled.path, 'utf8');
    expect(text.split('\n')[0]).toBe('{"id":"K1","late":null}');
    expect(text.split('\n')[1]).toBe('{"id":"K2"}');
    const { createHash } = await import('node:crypto');
    expect(pulled.sha).toBe(createHash('sha256').update(text).digest('hex'));
    expect(pulled.bytes).toBe(Buffer.byteLength(text));
    const read = await readTabular(createReadStream(pulled.path), 'ndjson');
    expect(read.header).toEqual(['id', 'late']);
    let last: string[] = [];
    let rejected = 0;
    for await (const row of read.rows) {
      if (row.ok) last = row.values;
      else rejected++;
    }
    expect(rejected).toBe(0);
    expect(last).toEqual(['K1500', '1500']);
  });
});

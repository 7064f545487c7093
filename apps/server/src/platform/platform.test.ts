import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { AppError, renderMessage } from './errors.ts';
import { pickLocale } from './locale.ts';
import { decodeCursor, encodeCursor, toPage } from './pagination.ts';
import { loadSecrets } from './secrets.ts';

describe('locale', () => {
  it('picks by quality and falls back to zh-CN', () => {
    expect(pickLocale(undefined)).toBe('zh-CN');
    expect(pickLocale('en-US,en;q=0.9')).toBe('en');
    expect(pickLocale('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(pickLocale('fr;q=1,en;q=0.5,zh;q=0.7')).toBe('zh-CN');
    expect(pickLocale('de')).toBe('zh-CN');
  });
});

describe('cursors', () => {
  it('round-trip any key and reject tampering', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer()), { minLength: 1, maxLength: 3 }), (key) => {
        expect(decodeCursor(encodeCursor(key), key.length)).toEqual(key);
      }),
    );
    expect(() => decodeCursor('%%%', 1)).toThrow(AppError);
    expect(() => decodeCursor(encodeCursor(['a', 'b']), 1)).toThrow(AppError);
    expect(decodeCursor(undefined, 1)).toBeNull();
  });
  it('cut pages at limit and point to the last row', () => {
    const page = toPage([1, 2, 3], 2, (n) => [n]);
    expect(page.items).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor ?? '', 1)).toEqual([2]);
    expect(toPage([1, 2], 2, (n) => [n]).nextCursor).toBeNull();
  });
});

describe('messages', () => {
  it('render in both languages with resource names', () => {
    const e = new AppError('not_found', { resource: 'org', id: 'X1' });
    expect(renderMessage(e, 'zh-CN')).toBe('未找到机构：X1');
    expect(renderMessage(e, 'en')).toBe('Organisation not found: X1');
  });
});

describe('config', () => {
  it('has defaults and explains bad values', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(8080);
    expect(c.SHUZHI_WORKER).toBe(true);
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
    expect(loadConfig({ SHUZHI_WORKER: 'false' }).SHUZHI_WORKER).toBe(false);
  });
  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});

describe('secrets', () => {
  it('are generated once into the data directory, private, and reused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shuzhi-secrets-'));
    const a = loadSecrets(dir, {});
    const b = loadSecrets(dir, {});
    expect(a.tokenSigningKey).toContain('BEGIN PRIVATE KEY');
    expect(b).toEqual(a);
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')).tokenSigningKey).toBe(
      a.tokenSigningKey,
    );
  });
});

describe('logging', () => {
  it('redacts credentials from log lines', async () => {
    const { default: pino } = await import('pino');
    const { loggerOptions } = await import('./logger.ts');
    const lines: string[] = [];
    const opts = loggerOptions('info') as import('pino').LoggerOptions;
    const log = pino(opts, { write: (s: string) => lines.push(s) });
    log.info({
      req: { headers: { authorization: 'Bearer secret-token', cookie: 'shuzhi_session=abc' } },
      body: { password: 'Hunter2hunter2', client_secret: 'xyz' },
    });
    const line = lines.join('');
    expect(line).not.toContain('secret-token');
    expect(line).not.toContain('abc');
    expect(line).not.toContain('Hunter2hunter2');
    expect(line).not.toContain('xyz');
    expect(line).toContain('[redacted]');
  });
});

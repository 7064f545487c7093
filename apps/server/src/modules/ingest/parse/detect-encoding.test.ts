import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from './detect-encoding.ts';
import { ParseError } from './errors.ts';
import { chunked, rejection } from './test-fixtures.ts';

async function decodeAll(bytes: Uint8Array, opts: Parameters<typeof decodeText>[1] = {}, size = 5) {
  const state = { encoding: null };
  let text = '';
  for await (const t of decodeText(chunked(bytes, size), { ...opts, state })) text += t;
  return { text, encoding: state.encoding };
}

describe('detectEncoding', () => {
  it('follows a BOM', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({
      encoding: 'utf-8',
      bomLength: 3,
    });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toEqual({
      encoding: 'utf-16le',
      bomLength: 2,
    });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x41]))).toEqual({
      encoding: 'utf-16be',
      bomLength: 2,
    });
    expect(detectEncoding(Buffer.from([0x84, 0x31, 0x95, 0x33, 0x41]))).toEqual({
      encoding: 'gb18030',
      bomLength: 4,
    });
  });

  it('refuses UTF-32 with a clear error', () => {
    const err = (() => {
      try {
        detectEncoding(Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0, 0, 0]));
      } catch (e) {
        return e as ParseError;
      }
    })();
    expect(err).toBeInstanceOf(ParseError);
    expect(err?.code).toBe('unsupported_encoding');
    expect(err?.en).toContain('UTF-32LE');
  });

  it('tells UTF-8 from GBK text', () => {
    const text = '姓名,身份证号,住址\n张三,330102199001011234,杭州市西湖区文三路\n';
    expect(detectEncoding(Buffer.from(text, 'utf8')).encoding).toBe('utf-8');
    expect(detectEncoding(iconv.encode(text, 'gbk')).encoding).toBe('gb18030');
    expect(detectEncoding(iconv.encode(text, 'gb18030')).encoding).toBe('gb18030');
  });

  it('does not mistake a multi-byte character cut at the end of the sample for GBK', () => {
    const bytes = Buffer.from('数据共享', 'utf8');
    const cut = bytes.subarray(0, bytes.length - 1);
    expect(detectEncoding(cut).encoding).toBe('utf-8');
    // When the sample is the whole file, a truncated character is no longer valid UTF-8.
    expect(detectEncoding(cut, { complete: true }).encoding).toBe('gb18030');
  });

  it('refuses binary files, naming what they look like', () => {
    const code = (bytes: number[]) => {
      try {
        detectEncoding(Buffer.from(bytes));
      } catch (e) {
        return `${(e as ParseError).code}:${(e as ParseError).params.hint}`;
      }
      return 'accepted';
    };
    expect(code([0x50, 0x4b, 0x03, 0x04, 0x14])).toBe('binary_file:ZIP/XLSX');
    expect(code([0xd0, 0xcf, 0x11, 0xe0, 0xa1])).toBe('binary_file:XLS');
    expect(code([0x41, 0x00, 0x42])).toBe('binary_file:NUL');
  });
});

describe('decodeText', () => {
  const chinese = '编号,名称\n1,西湖区\n2,上城区\n';

  it('decodes GBK and UTF-8 across tiny chunks, stripping BOMs', async () => {
    expect(await decodeAll(iconv.encode(chinese, 'gbk'))).toEqual({ text: chinese, encoding: 'gb18030' });
    expect(await decodeAll(Buffer.from(`\uFEFF${chinese}`))).toEqual({ text: chinese, encoding: 'utf-8' });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(chinese, 'utf16le')]);
    expect(await decodeAll(le)).toEqual({ text: chinese, encoding: 'utf-16le' });
    const be = Buffer.from(chinese, 'utf16le').swap16();
    expect(await decodeAll(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({
      text: chinese,
      encoding: 'utf-16be',
    });
  });

  it('defers the decision past an ASCII prefix longer than the sample', async () => {
    const ascii = 'id,code\n'.padEnd(100, 'x');
    const bytes = Buffer.concat([Buffer.from(`${ascii}\n`), iconv.encode('3,滨江区\n', 'gbk')]);
    const out = await decodeAll(bytes, { sampleBytes: 16 });
    expect(out).toEqual({ text: `${ascii}\n3,滨江区\n`, encoding: 'gb18030' });
  });

  it('stays undecided for pure ASCII', async () => {
    expect(await decodeAll(Buffer.from('a,b\n1,2\n'))).toEqual({ text: 'a,b\n1,2\n', encoding: null });
  });

  it('honours an explicit encoding, and reads gbk as GB18030', async () => {
    expect((await decodeAll(iconv.encode(chinese, 'gbk'), { encoding: 'gbk' })).text).toBe(chinese);
  });

  it('points at the line and byte of invalid bytes', async () => {
    const bytes = Buffer.concat([Buffer.from('名称\n甲\n'), iconv.encode('乙', 'gbk'), Buffer.from('\n')]);
    const err = await rejection(decodeAll(bytes, { encoding: 'utf-8' }));
    expect(err).toBeInstanceOf(ParseError);
    expect((err as ParseError).params).toEqual({ encoding: 'UTF-8', line: 3, byte: 12 });
    expect(err.zh).toBe('第 3 行（第 12 字节附近）不是有效的 UTF-8 编码');
  });

  it('refuses bytes valid in neither encoding', async () => {
    const err = await rejection(decodeAll(Buffer.from([0x61, 0x0a, 0x62, 0xff, 0xfe, 0x0a])));
    expect((err as ParseError).code).toBe('invalid_encoding');
    expect((err as ParseError).params).toEqual({ encoding: 'GB18030', line: 2, byte: 4 });
  });

  it('refuses a UTF-8 file cut inside its last character', async () => {
    const bytes = Buffer.from('a\n数', 'utf8').subarray(0, 4);
    const err = await rejection(decodeAll(bytes, { encoding: 'utf-8' }));
    expect((err as ParseError).code).toBe('invalid_encoding');
  });
});

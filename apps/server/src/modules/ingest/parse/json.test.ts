import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ParseError } from './errors.ts';
import { readJson } from './json.ts';
import { chunked, collect, rejection, summary } from './test-fixtures.ts';

const read = async (text: string | Uint8Array, opts: Parameters<typeof readJson>[1] = {}, size = 5) => {
  const file = await readJson(chunked(typeof text === 'string' ? Buffer.from(text) : text, size), opts);
  return { file, rows: await collect(file) };
};

describe('readJson: arrays', () => {
  it('reads an array of objects with the union of keys as header, numbering by position', async () => {
    const text = `[
      {"编号": 1, "名称": "西湖区", "面积": 309.41},
      {"编号": 2, "名称": "上城区, \\"老城\\"", "撤并": true, "标签": ["a", {"b": null}]},
      {"编号": 3, "名称": null}
    ]`;
    const { file, rows } = await read(text);
    expect(file.format).toBe('array');
    expect(file.header).toEqual(['编号', '名称', '面积', '撤并', '标签']);
    expect(summary(rows)).toEqual([
      '1: 1|西湖区|309.41||',
      '2: 2|上城区, "老城"||true|["a",{"b":null}]',
      '3: 3||||',
    ]);
  });

  it('rejects bad elements one by one and reads on', async () => {
    const { rows } = await read(
      '[{"a":1}, {"a": tru}, 42, {"a":"x]"}, [1], {"a":1e400}, {"a": 12345678901234567890}]',
    );
    expect(summary(rows)).toEqual([
      '1: 1',
      '2: !invalid_json_record',
      '3: !not_an_object',
      '4: x]',
      '5: !not_an_object',
      '6: Infinity',
      '7: !unsafe_number',
    ]);
  });

  it('prints numbers without exponents', async () => {
    const { rows } = await read('[{"a": 1e15}, {"a": 1.5e-7}, {"a": -0}, {"a": 2.5E+3}]');
    expect(summary(rows)).toEqual(['1: 1000000000000000', '2: 0.00000015', '3: 0', '4: 2500']);
  });

  it('uses a given header and rejects keys outside it unless told to ignore them', async () => {
    const text = '[{"a":1,"b":2},{"a":3,"c":4}]';
    expect(summary((await read(text, { header: ['a', 'b'] })).rows)).toEqual(['1: 1|2', '2: !unknown_keys']);
    expect(summary((await read(text, { header: ['a'], extraKeys: 'ignore' })).rows)).toEqual([
      '1: 1',
      '2: 3',
    ]);
  });

  it('infers the header from the first objects only, rejecting later surprises', async () => {
    const { file, rows } = await read('[{"a":1},{"b":2},{"c":3}]', { headerSample: 2 });
    expect(file.header).toEqual(['a', 'b']);
    expect(summary(rows)).toEqual(['1: 1|', '2: |2', '3: !unknown_keys']);
    const third = rows[2]!;
    expect(third.ok === false && third.error.zh).toBe('该记录含有表头之外的字段：c');
  });

  it('rejects an object over the size cap without holding it', async () => {
    const { rows } = await read(`[{"a":"${'x'.repeat(100)}"},{"a":"ok"}]`, { maxObjectChars: 50 });
    expect(summary(rows)).toEqual(['1: !object_too_large', '2: ok']);
  });

  it('reads an empty array as no rows, and GBK-encoded JSON', async () => {
    expect((await read(' [ ] ')).rows).toEqual([]);
    const { rows } = await read(iconv.encode('[{"名称":"滨江区"}]', 'gbk'));
    expect(summary(rows)).toEqual(['1: 滨江区']);
  });

  it('stops on broken array punctuation with the position', async () => {
    const fileError = async (text: string) => {
      const err = await rejection(read(text));
      expect(err).toBeInstanceOf(ParseError);
      return `${(err as ParseError).code}@${(err as ParseError).params.position}`;
    };
    expect(await fileError('[{"a":1}')).toBe('invalid_json@8');
    expect(await fileError('[{"a":1},]')).toBe('invalid_json@10');
    expect(await fileError('[{"a":1}] x')).toBe('invalid_json@11');
    expect(await fileError('[{"a":"unterminated}]')).toBe('invalid_json@21');
  });
});

describe('readJson: NDJSON', () => {
  it('reads one object per line, numbering by line and skipping blank lines', async () => {
    const { file, rows } = await read('{"a":1,"b":"x"}\r\n\n{"a":2}\n{"a":3,"b":null}');
    expect([file.format, ...file.header]).toEqual(['ndjson', 'a', 'b']);
    expect(summary(rows)).toEqual(['1: 1|x', '3: 2|', '4: 3|']);
  });

  it('rejects a bad line with its line number and reads on', async () => {
    const { rows } = await read('{"a":1}\n{"a":\n[1]\n{"a":4}\n', { format: 'ndjson' });
    expect(summary(rows)).toEqual(['1: 1', '2: !invalid_json_record', '3: !not_an_object', '4: 4']);
  });

  it('rejects an overlong line without holding it', async () => {
    const { rows } = await read(`{"a":"${'x'.repeat(100)}"}\n{"a":"ok"}\n`, { maxObjectChars: 50 }, 16);
    expect(summary(rows)).toEqual(['1: !object_too_large', '2: ok']);
  });

  it('refuses a pretty-printed single object instead of rejecting every line', async () => {
    const err = await rejection(read('{\n  "data": [{"a": 1}]\n}\n'));
    expect((err as ParseError).code).toBe('not_json_records');
  });

  it('refuses empty files and files that are not JSON records', async () => {
    expect(((await rejection(read(''))) as ParseError).code).toBe('empty_file');
    expect(((await rejection(read('  \n '))) as ParseError).code).toBe('empty_file');
    expect(((await rejection(read('a,b\n1,2\n'))) as ParseError).code).toBe('not_json_records');
  });
});

describe('readJson: streaming', () => {
  it('reads 100,000 array elements while the source runs only a bounded distance ahead', async () => {
    let produced = 0;
    async function* source() {
      yield Buffer.from('[');
      for (let i = 0; i < 100_000; i += 1000) {
        const parts: string[] = [];
        for (let k = i; k < i + 1000; k++) parts.push(`${k === 0 ? '' : ','}{"id":${k},"name":"姓名${k}"}`);
        produced += 1000;
        yield Buffer.from(parts.join(''));
      }
      yield Buffer.from(']');
    }
    const file = await readJson(source(), { header: ['id', 'name'] });
    let consumed = 0;
    let maxLead = 0;
    for await (const r of file.rows) {
      if (!r.ok) throw new Error(r.error.en);
      consumed++;
      maxLead = Math.max(maxLead, produced - consumed);
    }
    expect(consumed).toBe(100_000);
    // A few 1,000-element chunks in flight at most, never the whole array.
    expect(maxLead).toBeLessThanOrEqual(5_000);
  });
});

import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCsv, sniffDelimiter } from './csv.ts';
import { ParseError } from './errors.ts';
import { chunked, collect, rejection, summary } from './test-fixtures.ts';

const read = async (text: string | Uint8Array, opts: Parameters<typeof readCsv>[1] = {}, size = 7) => {
  const file = await readCsv(chunked(typeof text === 'string' ? Buffer.from(text) : text, size), opts);
  return { file, rows: summary(await collect(file)) };
};

describe('readCsv: formats', () => {
  it('reads UTF-8 with BOM and CRLF, numbering rows by line with the header as row 1', async () => {
    const { file, rows } = await read('\uFEFF姓名,年龄\r\n张三,30\r\n李四,41\r\n');
    expect(file.header).toEqual(['姓名', '年龄']);
    expect(file.encoding).toBe('utf-8');
    expect(file.delimiter).toBe(',');
    expect(rows).toEqual(['2: 张三|30', '3: 李四|41']);
  });

  it('detects GBK and the tab delimiter', async () => {
    const bytes = iconv.encode('编号\t名称\t备注\n1\t西湖区\t杭州,浙江\n', 'gbk');
    const { file, rows } = await read(bytes);
    expect(file.encoding).toBe('gb18030');
    expect(file.delimiter).toBe('\t');
    expect(rows).toEqual(['2: 1|西湖区|杭州,浙江']);
  });

  it('reads UTF-16LE text as Excel saves "Unicode text"', async () => {
    const text = '编号\t名称\r\n1\t上城区\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const { file, rows } = await read(bytes);
    expect([file.encoding, file.delimiter, ...rows]).toEqual(['utf-16le', '\t', '2: 1|上城区']);
  });

  it('takes an explicit delimiter over the sniffed one', async () => {
    const { rows } = await read('a;b,c\n1;2,3\n', { delimiter: ',' });
    expect(rows).toEqual(['2: 1;2|3']);
  });

  it('accepts a Node Readable as well as an async iterable', async () => {
    const file = await readCsv(Readable.from([Buffer.from('a|b\n'), Buffer.from('1|2\n')]));
    expect([file.delimiter, ...summary(await collect(file))]).toEqual(['|', '2: 1|2']);
  });
});

describe('sniffDelimiter', () => {
  it('counts delimiters outside quotes and prefers the comma on ties', () => {
    expect(sniffDelimiter('"a,b,c";d;e')).toBe(';');
    expect(sniffDelimiter('a|b|c')).toBe('|');
    expect(sniffDelimiter('a,b;c')).toBe(',');
    expect(sniffDelimiter('单列')).toBe(',');
  });

  it('sniffs from the first non-blank line', async () => {
    const { file, rows } = await read('\n\n a;b\n1;2\n');
    expect([file.delimiter, ...file.header, ...rows]).toEqual([';', 'a', 'b', '4: 1|2']);
  });
});

describe('readCsv: records', () => {
  it('keeps line breaks inside quoted fields and numbers later rows by their real line', async () => {
    const { rows } = await read('a,b\n"x\ny",1\n"p\r\nq","say ""hi"""\r\n3,4\n', {}, 3);
    expect(rows).toEqual(['2: x\ny|1', '4: p\r\nq|say "hi"', '6: 3|4']);
  });

  it('skips blank lines and rows of empty cells without losing count of lines', async () => {
    const { rows } = await read('a,b\n\n1,2\n,\n  ,  \r\n\r\n3,4\n');
    expect(rows).toEqual(['3: 1|2', '7: 3|4']);
  });

  it('reports ragged rows with counts and keeps their values for the rejects file', async () => {
    const file = await readCsv(chunked(Buffer.from('a,b,c\n1,2\n1,2,3,4\n1,2,3,,\n')));
    const rows = await collect(file);
    expect(summary(rows)).toEqual(['2: !ragged_row', '3: !ragged_row', '4: 1|2|3']);
    const first = rows[0]!;
    expect(first.ok === false && first.error).toMatchObject({
      params: { expected: 3, actual: 2 },
      zh: '该行有 2 个单元格，表头有 3 列',
      en: 'The row has 2 cells but the header has 3 columns',
    });
    expect(first.ok === false && first.values).toEqual(['1', '2']);
  });

  it('drops unnamed trailing header columns but not data found under them', async () => {
    const { file, rows } = await read('a,b,,\n1,2,,\n1,2,x,\n');
    expect(file.header).toEqual(['a', 'b']);
    expect(rows).toEqual(['2: 1|2', '3: !ragged_row']);
  });

  it('reads stray quotes literally, as spreadsheets do', async () => {
    const { rows } = await read('a,b\n5"屏,"x"y\n');
    expect(rows).toEqual(['2: 5"屏|"x"y']);
  });

  it('rejects a row with a field over the cap and reads on', async () => {
    const { rows } = await read(`a,b\n1,${'x'.repeat(11)}\n2,ok\n`, { maxFieldChars: 10 });
    expect(rows).toEqual(['2: !field_too_large', '3: 2|ok']);
  });

  it('caps fields at 1,000,000 characters by default', async () => {
    const big = 'y'.repeat(1_000_001);
    const { rows } = await read(`a,b\n1,"${big}"\n2,${'z'.repeat(1_000_000)}\n`, {}, 65536);
    expect(rows.map((r) => r.slice(0, 12))).toEqual(['2: !field_to', '3: 2|zzzzzzz']);
  });

  it('returns a header with no rows for a header-only file', async () => {
    const { file, rows } = await read('a,b\r\n');
    expect([file.header, rows]).toEqual([['a', 'b'], []]);
  });
});

describe('readCsv: file errors', () => {
  const fileError = async (bytes: string | Uint8Array, opts: Parameters<typeof readCsv>[1] = {}) => {
    const err = await rejection(read(bytes, opts));
    expect(err).toBeInstanceOf(ParseError);
    return err as ParseError;
  };

  it('refuses empty and blank files', async () => {
    expect((await fileError('')).code).toBe('empty_file');
    expect((await fileError('\r\n\n ,, \n')).code).toBe('empty_file');
    expect((await fileError('\uFEFF')).code).toBe('empty_file');
  });

  it('refuses duplicate header names', async () => {
    const err = await fileError('编号,名称,编号\n1,2,3\n');
    expect([err.code, err.zh]).toEqual(['duplicate_header', '表头“编号”重复出现（第 1, 3 列）']);
  });

  it('names the line where an unclosed quote starts, after yielding the rows before it', async () => {
    const file = await readCsv(chunked(Buffer.from('a,b\n1,2\n\n"3,4\n5,6\n')));
    const seen: string[] = [];
    const err = await rejection(
      (async () => {
        for await (const r of file.rows) seen.push(`${r.rowNumber}`);
      })(),
    );
    expect(seen).toEqual(['2']);
    expect([(err as ParseError).code, (err as ParseError).params.line]).toEqual(['unclosed_quote', 4]);
  });

  it('stops on a record over the record cap, naming its first line', async () => {
    const err = await fileError(`a,b\n1,2\n"${'x\n'.repeat(40)}`, { maxRecordChars: 50 });
    expect([err.code, err.params.line, err.params.limit]).toEqual(['record_too_large', 3, 50]);
  });

  it('stops on bytes that are not valid in the detected encoding, naming the line', async () => {
    const bytes = Buffer.concat([
      Buffer.from('名称,值\n甲,1\n'),
      iconv.encode('乙', 'gbk'),
      Buffer.from(',2\n'),
    ]);
    const err = await fileError(bytes, { encoding: 'utf-8' });
    expect([err.code, err.params.line]).toEqual(['invalid_encoding', 3]);
  });

  it('refuses a workbook uploaded as CSV', async () => {
    const err = await fileError(Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'));
    expect([err.code, err.params.hint]).toEqual(['binary_file', 'ZIP/XLSX']);
  });
});

describe('readCsv: streaming', () => {
  it('reads 200,000 rows (~20 MB) while the source runs only a bounded distance ahead', async () => {
    const total = 200_000;
    let produced = 0;
    async function* source() {
      yield Buffer.from('身份证号,姓名,地址,金额\n');
      for (let i = 0; i < total; i += 500) {
        const lines: string[] = [];
        for (let k = i; k < i + 500; k++)
          lines.push(
            `33010219900101${String(k).padStart(4, '0')},姓名${k},"杭州市西湖区文三路${k}号",${k}.50\n`,
          );
        produced += 500;
        yield Buffer.from(lines.join(''));
      }
    }
    const file = await readCsv(source());
    let consumed = 0;
    let maxLead = 0;
    for await (const r of file.rows) {
      if (!r.ok) throw new Error(r.error.en);
      consumed++;
      maxLead = Math.max(maxLead, produced - consumed);
    }
    expect(consumed).toBe(total);
    // The parser holds at most a chunk or two of records: nothing close to the whole file.
    expect(maxLead).toBeLessThanOrEqual(2_000);
  });

  it('releases the source when the caller stops early or only wants the header', async () => {
    let released = 0;
    async function* source() {
      try {
        yield Buffer.from('a,b\n');
        for (let i = 0; ; i++) yield Buffer.from(`${i},x\n`);
      } finally {
        released++;
      }
    }
    const file = await readCsv(source());
    for await (const r of file.rows) if (r.rowNumber === 10) break;
    const headerOnly = await readCsv(source());
    expect(headerOnly.header).toEqual(['a', 'b']);
    await headerOnly.close();
    expect(released).toBe(2);
  });
});

import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParseError } from './errors.ts';
import { chunked, collect, rejection, summary } from './test-fixtures.ts';
import { excelDateText, readXlsx } from './xlsx.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shuzhi-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function workbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const utc = (...a: [number, number, number, number?, number?, number?]) =>
  new Date(Date.UTC(a[0], a[1] - 1, a[2], a[3] ?? 0, a[4] ?? 0, a[5] ?? 0));

describe('readXlsx: values', () => {
  it('turns every kind of cell into sensible text', async () => {
    const path = await workbook('values.xlsx', (wb) => {
      const ws = wb.addWorksheet('人口');
      ws.addRow(['姓名', '出生日期', '登记时间', '金额', '备注', '在册', '合计']);
      ws.addRow([
        '张三',
        utc(1990, 7, 6),
        utc(2021, 7, 6, 8, 30, 15),
        1234567.89,
        { richText: [{ text: '富', font: { bold: true } }, { text: '文本' }] },
        true,
        { formula: 'D2*2', result: 2469135.78 },
      ]);
      ws.addRow([
        '李四',
        null,
        null,
        1e21,
        { text: '链接', hyperlink: 'https://example.org' },
        false,
        { formula: 'A3', result: '李四' },
      ]);
      ws.addRow(['王五', null, null, 0.1 + 0.2, null, null, { formula: 'B2', result: utc(2000, 1, 1) }]);
      ws.addRow(['赵六', null, null, 1.5e-7]);
      ws.addRow(['钱七', null, null, 123456789012345680]); // an 18-digit ID typed as a number
      const serial = ws.addRow(['孙八', 44383]);
      serial.getCell(2).numFmt = 'yyyy"年"m"月"d"日"';
      const time = ws.addRow(['周九', null, utc(1899, 12, 30, 8, 30)]);
      time.getCell(3).numFmt = 'hh:mm';
    });
    const file = await readXlsx(createReadStream(path));
    expect(file.sheet).toBe('人口');
    expect(file.header).toEqual(['姓名', '出生日期', '登记时间', '金额', '备注', '在册', '合计']);
    expect(summary(await collect(file))).toEqual([
      '2: 张三|1990-07-06|2021-07-06T08:30:15|1234567.89|富文本|true|2469135.78',
      '3: 李四|||1000000000000000000000|链接|false|李四',
      '4: 王五|||0.3|||2000-01-01',
      '5: 赵六|||0.00000015|||',
      // Excel itself keeps 15 significant digits: this is the value its user sees.
      '6: 钱七|||123456789012346000|||',
      '7: 孙八|2021-07-06|||||',
      '8: 周九||08:30:00||||',
    ]);
  });

  it('rejects rows holding formula errors or formulas without a cached result', async () => {
    const path = await workbook('errors.xlsx', (wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['a', 'b']);
      ws.addRow(['1', { error: '#N/A' }]);
      ws.addRow(['2', { formula: 'A1*2' }]);
      ws.addRow(['3', '4']);
    });
    const rows = await collect(await readXlsx(createReadStream(path)));
    expect(summary(rows)).toEqual(['2: !cell_error', '3: !formula_without_result', '4: 3|4']);
    expect(rows[0]!.ok === false && rows[0]!.error.zh).toBe('第 B 列是公式错误值 #N/A');
  });

  it('takes the header from the first non-empty row, skips empty rows and reports overhanging cells', async () => {
    const path = await workbook('layout.xlsx', (wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A3').value = '编号';
      ws.getCell('B3').value = ' 名称 ';
      ws.getCell('A4').value = 1;
      ws.getCell('A6').value = 2;
      ws.getCell('B6').value = '上城区';
      ws.getCell('A7').value = 3;
      ws.getCell('D7').value = '多余';
    });
    const file = await readXlsx(createReadStream(path));
    expect(file.header).toEqual(['编号', '名称']);
    expect(summary(await collect(file))).toEqual(['4: 1|', '6: 2|上城区', '7: !ragged_row']);
  });

  it('prints Excel dates as wall-clock ISO text', () => {
    expect(excelDateText(utc(2021, 7, 6))).toBe('2021-07-06');
    expect(excelDateText(new Date(utc(2021, 7, 6, 12).getTime() - 1))).toBe('2021-07-06T12:00:00');
    expect(excelDateText(utc(1899, 12, 30, 23, 59, 59))).toBe('23:59:59');
  });
});

describe('readXlsx: sheets', () => {
  const twoSheets = () =>
    workbook('two.xlsx', (wb) => {
      wb.addWorksheet('说明').addRow(['本表为示例']);
      const data = wb.addWorksheet('数据');
      data.addRow(['a', 'b']);
      data.addRow([1, 2]);
    });

  it('reads the first sheet by default and a named one on request', async () => {
    const path = await twoSheets();
    const first = await readXlsx(createReadStream(path));
    expect([first.sheet, ...first.header, ...summary(await collect(first))]).toEqual(['说明', '本表为示例']);
    const named = await readXlsx(createReadStream(path), { sheet: '数据' });
    expect([named.sheet, ...named.header, ...summary(await collect(named))]).toEqual([
      '数据',
      'a',
      'b',
      '2: 1|2',
    ]);
  });

  it('refuses an unknown sheet name', async () => {
    const err = await rejection(readXlsx(createReadStream(await twoSheets()), { sheet: '不存在' }));
    expect([(err as ParseError).code, err.zh]).toEqual([
      'sheet_not_found',
      '工作簿中没有名为“不存在”的工作表',
    ]);
  });

  it('streams a larger sheet written by the streaming writer', async () => {
    const path = join(dir, 'big.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const ws = writer.addWorksheet('大表');
    ws.addRow(['编号', '姓名', '金额']).commit();
    for (let i = 1; i <= 20_000; i++) ws.addRow([i, `姓名${i % 100}`, i / 4]).commit();
    await ws.commit();
    await writer.commit();
    const file = await readXlsx(chunked(await readFile(path), 4096));
    let count = 0;
    let last = '';
    for await (const r of file.rows) {
      if (!r.ok) throw new Error(r.error.en);
      count++;
      last = `${r.rowNumber}: ${r.values.join('|')}`;
    }
    expect([count, last]).toEqual([20_000, '20001: 20000|姓名0|5000']);
  });
});

describe('readXlsx: file errors', () => {
  const fileError = async (bytes: Uint8Array) => {
    const path = join(dir, 'bad.xlsx');
    await writeFile(path, bytes);
    const err = await rejection(readXlsx(createReadStream(path)));
    expect(err).toBeInstanceOf(ParseError);
    return err as ParseError;
  };

  it('refuses text saved with an .xlsx name', async () => {
    const err = await fileError(Buffer.from('姓名,年龄\n张三,30\n'));
    expect([err.code, err.en]).toEqual([
      'not_xlsx',
      'The file is not a valid XLSX workbook (not a ZIP archive)',
    ]);
  });

  it('tells an old .xls workbook apart', async () => {
    const err = await fileError(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(err.code).toBe('not_xlsx');
    expect(err.params.hint).toContain('XLS (Excel 97-2003)');
  });

  it('refuses a truncated workbook', async () => {
    const path = await workbook('whole.xlsx', (wb) => {
      const ws = wb.addWorksheet('S');
      for (let i = 0; i < 200; i++) ws.addRow([`行${i}`, i]);
    });
    const bytes = await readFile(path);
    expect((await fileError(bytes.subarray(0, 300))).code).toBe('not_xlsx');
  });

  it('refuses empty files and sheets', async () => {
    expect((await fileError(Buffer.alloc(0))).code).toBe('empty_file');
    const path = await workbook('empty.xlsx', (wb) => {
      wb.addWorksheet('S');
    });
    expect((await fileError(await readFile(path))).code).toBe('empty_file');
  });

  it('refuses duplicate header names', async () => {
    const path = await workbook('dup.xlsx', (wb) => {
      wb.addWorksheet('S').addRow(['编号', '编号']);
    });
    expect((await fileError(await readFile(path))).code).toBe('duplicate_header');
  });
});

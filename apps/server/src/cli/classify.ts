import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { classifyFile, columnsOf, type FileClassification } from '../modules/classify/index.ts';
import { AppError } from '../platform/errors.ts';

const TYPE_NAMES: Record<string, string> = {
  resident_id: '身份证号',
  mobile: '手机号',
  landline: '固定电话',
  bank_card: '银行卡号',
  credit_code: '统一社会信用代码',
  passport: '护照号',
  licence_plate: '车牌号',
  email: '电子邮箱',
  person_name: '姓名',
  address: '地址',
  birth_date: '出生日期',
  coordinates: '坐标',
};
const SENSITIVITY_NAMES = { none: '无', low: '低', medium: '中', high: '高' } as const;

const unreadable = (zh: string, en: string) =>
  new AppError('file_unreadable', { reason_zh: zh, reason_en: en });

/** Opens the file for streaming, with a bilingual reason for each way a path can fail to be a readable file. */
async function openFile(path: string) {
  try {
    if ((await stat(path)).isDirectory()) throw unreadable(`${path} 是目录`, `${path} is a directory`);
    return await open(path, 'r');
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw unreadable(`找不到文件 ${path}`, `no such file: ${path}`);
    if (code === 'EACCES' || code === 'EPERM')
      throw unreadable(`没有读取 ${path} 的权限`, `no permission to read ${path}`);
    throw unreadable(`${path}：${(e as Error).message}`, `${path}: ${(e as Error).message}`);
  }
}

// Terminal columns: CJK and full-width characters take two.
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
const width = (s: string) => [...s].reduce((n, ch) => n + (WIDE.test(ch) ? 2 : 1), 0);
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

/** The classification as a bilingual table, the suggested level with its reasons, and the row counts. */
export function formatTable(r: FileClassification): string {
  const head = ['列 Column', '类型 Type', '置信度 Confidence', '敏感度 Sensitivity', '级别 Level'];
  const rows = r.columns.map((c) => [
    c.column === '' ? '(未命名 unnamed)' : c.column,
    c.type ? `${TYPE_NAMES[c.type]} ${c.type}` : '— 无个人信息 none',
    c.confidence.toFixed(2),
    `${SENSITIVITY_NAMES[c.sensitivity]} ${c.sensitivity}`,
    c.level,
  ]);
  const widths = head.map((h, j) => Math.max(width(h), ...rows.map((row) => width(row[j] as string))));
  const line = (cells: string[]) =>
    cells
      .map((c, j) => padEnd(c, widths[j] as number))
      .join('  ')
      .trimEnd();
  const out = [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''];
  out.push(`建议数据集分级 / suggested dataset level: ${r.level}`);
  for (const reason of r.reasons) out.push(`  · ${reason}`);
  out.push(
    `已检查 ${r.rowsExamined} 行，跳过无法读取的 ${r.rowsSkipped} 行 / examined ${r.rowsExamined} rows, skipped ${r.rowsSkipped} unreadable`,
  );
  out.push('建议仅供参考，由数据专员确认 / a suggestion: the data officer confirms it');
  return `${out.join('\n')}\n`;
}

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('应为正整数 / must be a positive integer');
  return n;
};

/** `shuzhi classify FILE [--json] [--sample N]`: detection on a file, with no database involved. */
export function classifyCommand(program: Command): void {
  program
    .command('classify <file>')
    .description(
      '识别文件（CSV/XLSX/JSON）各列的个人与敏感数据，建议字段敏感度与数据集分级 / detect personal data in the columns of a file, suggesting sensitivities and the dataset level',
    )
    .option(
      '--json',
      '只输出 JSON 数组（每列一个对象）/ print only the JSON array, one object per column',
      false,
    )
    .option(
      '-s, --sample <rows>',
      '只检查前 N 行（默认逐行检查全部）/ examine only the first N rows (default: every row)',
      positiveInt,
    )
    .addHelpText(
      'after',
      '\n示例 / example:\n  shuzhi classify 人口.csv --json\n\nJSON: [{ "column", "type", "confidence", "sensitivity", "level" }, …]; type 为 null 表示无个人信息 / null: no personal data',
    )
    .action(async (file: string, o: { json: boolean; sample?: number }) => {
      const fh = await openFile(file);
      const r = await classifyFile(fh.createReadStream(), basename(file), { sample: o.sample });
      process.stdout.write(o.json ? `${JSON.stringify(columnsOf(r), null, 2)}\n` : formatTable(r));
    });
}

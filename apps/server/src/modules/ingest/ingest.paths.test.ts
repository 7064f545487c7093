import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDataset } from '../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';

/**
 * The plain path (the database splits and converts canonical values) must load exactly what the
 * CSV reader and the JavaScript coercion load: the same rows, the same rejects with the same row
 * numbers and reasons, the same counts. A leading quote in the header sends the same content
 * through the reader, so both paths meet the same text.
 */
let t: TestContext;
let officer: string;
let admin: string;
beforeAll(async () => {
  t = await createTestContext();
  [officer, admin] = await Promise.all([t.login('officer'), t.login('admin')]);
});
afterAll(() => t.close());

const fields = [
  { name: 'id_number', title: '证件号码', type: 'string', key: true },
  { name: 'name', title: '姓名', type: 'string' },
  { name: 'birth_date', title: '出生日期', type: 'date' },
  { name: 'income', title: '收入', type: 'integer' },
  { name: 'ratio', title: '比例', type: 'decimal' },
  { name: 'married', title: '已婚', type: 'boolean' },
  { name: 'seen_at', title: '核验时间', type: 'datetime' },
];
const HEADER = ['证件号码', '姓名', '出生日期', '收入', '比例', '已婚', '核验时间', '备注'];

/** Values government files carry, canonical and not, valid and not, per column. */
const VALUES: string[][] = [
  ['A001', 'A002', ' A003 ', '', '  ', 'A001', 'Ａ004', 'A005'],
  // Backslashes are ordinary characters in CSV, also where COPY's text form would read an escape.
  ['王小明', ' 李华 ', '', '张\t伟', '赵六 ', 'Ｏ\u3000K', 'x\u00a0', 'C:\\目录', '\\N', '\\.'],
  [
    '1990-01-01',
    '1990年1月1日',
    '1990/1/1',
    '19900101',
    '2021-02-30',
    '2021-13-01',
    '0999-01-01',
    '2024-02-29',
    '2023-02-29',
    '',
    '1990-1-1',
    '1990-01-01 00:00:00',
  ],
  [
    '12',
    '-0',
    '007',
    '1,234',
    '１２３',
    'abc',
    '9007199254740993',
    '123456789012345',
    '12.00',
    '12.5',
    '',
    '+5',
  ],
  ['0.5', '-0.0', '007.50', '1,234.5', '(12)', '.5', 'x', '', '-12'],
  ['true', 'false', '1', '0', 'y', 'N', '是', '否', 'Yes', 'maybe', ''],
  [
    '2024-05-03T17:13:47+08:00',
    '2024-05-03T17:13:47Z',
    '2024-05-03T17:13:47.123456789+08:00',
    '2024-05-03 17:13',
    '2024-05-03',
    '2024-05-03T24:00:00+08:00',
    '2024-05-03T17:13:47+15:00',
    '2024年5月3日8时5分',
    '2024-05-03T17:13:47.120+08:00',
    '',
    'soon',
  ],
  ['', '备注', '=1+1'],
];

function lines(seed: number, n: number): string[] {
  let s = seed;
  const next = (m: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % m;
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const kind = next(20);
    if (kind === 0) out.push('');
    else if (kind === 1) out.push(',,,,,,,');
    else if (kind === 2) out.push('R1,ragged');
    else if (kind === 3) out.push(`R2,${'x,'.repeat(9)}y`);
    else if (kind === 4) out.push(`P${i},padded,1990-01-01,1,1,true,,,,`);
    else {
      const cells = VALUES.map((vs, col) =>
        col === 0 && next(3) > 0 ? `K${next(n)}` : (vs[next(vs.length)] ?? ''),
      );
      out.push(cells.join(','));
    }
  }
  return out;
}

const upload = (id: string, body: string, mode: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/ingest/datasets/${id}/imports?mode=${mode}&filename=paths.csv`,
    headers: { cookie: officer, 'content-type': 'application/octet-stream' },
    payload: Buffer.from(body),
  });

async function load(code: string, body: string, mode: string) {
  const id = await publishDataset(t, { officer, admin }, { code, name: '路径对照', fields });
  const res = await upload(id, body, mode);
  expect(res.statusCode).toBe(202);
  const counts = await t.services.ingest.run(res.json().id, async () => {}, {
    batchRows: 37,
    pieceBytes: 500,
  });
  const rows = await sql
    .raw(
      `select id_number, name, birth_date::text, income::text, ratio::text, married::text, seen_at::text
       from data."${code}" order by id_number`,
    )
    .execute(t.services.db);
  const rejects = await sql<{ row_number: number }>`
    select row_number, code, reason_en, raw from ingest.reject where import_id = ${res.json().id}
    order by row_number, code`.execute(t.services.db);
  return { counts, rows: rows.rows, rejects: rejects.rows };
}

describe('the plain load path and the CSV reader agree', () => {
  for (const [mode, seed, eol] of [
    ['upsert', 7, '\n'],
    ['append', 11, '\r\n'],
    ['replace', 13, '\n'],
  ] as const) {
    it(`on ${mode} with ${eol === '\n' ? 'LF' : 'CRLF'} line ends`, async () => {
      const body = lines(seed, 400).join(eol);
      const plain = await load(`PATH-${mode}-P`, `${HEADER.join(',')}${eol}${body}${eol}`, mode);
      const quoted = await load(
        `PATH-${mode}-Q`,
        `"${HEADER[0]}",${HEADER.slice(1).join(',')}${eol}${body}${eol}`,
        mode,
      );
      expect(plain.counts.read).toBe(plain.counts.loaded + plain.counts.rejected);
      expect(plain.counts).toEqual(quoted.counts);
      expect(plain.rejects).toEqual(quoted.rejects);
      expect(plain.rows).toEqual(quoted.rows);
      // The mix really exercised both outcomes.
      expect(plain.counts.loaded).toBeGreaterThan(20);
      expect(plain.counts.rejected).toBeGreaterThan(20);
      // What COPY's text form would have read as a null came through as text.
      expect(plain.rows.map((r) => (r as { name: string | null }).name)).toContain('\\N');
    });
  }

  it('switches to the CSV reader at the first quote and still agrees', async () => {
    const body = lines(17, 300);
    body.splice(200, 0, 'Q1,"引号, 内含逗号",1990-01-01,1,1,true,,');
    const text = body.join('\n');
    const plain = await load('PATH-SWITCH-P', `${HEADER.join(',')}\n${text}`, 'upsert');
    const quoted = await load(
      'PATH-SWITCH-Q',
      `"${HEADER[0]}",${HEADER.slice(1).join(',')}\n${text}`,
      'upsert',
    );
    expect(plain.counts).toEqual(quoted.counts);
    expect(plain.rejects).toEqual(quoted.rejects);
    expect(plain.rows).toEqual(quoted.rows);
    expect(plain.rows).toContainEqual(expect.objectContaining({ id_number: 'Q1', name: '引号, 内含逗号' }));
  });
});

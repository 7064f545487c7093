import { describe, expect, it } from 'vitest';
import { classifyTable } from './classify-table.ts';
import {
  address,
  bankCard,
  birthDate,
  coordinatePair,
  creditCode,
  email,
  garbage,
  landline,
  mobile,
  passport,
  personName,
  pick,
  plate,
  residentId,
  rng,
} from './test-fixtures.ts';

type Column = [header: string, make: (r: () => number) => string];

function table(columns: Column[], n: number, seed = 1): [string[], string[][]] {
  const r = rng(seed);
  return [columns.map((c) => c[0]), Array.from({ length: n }, () => columns.map((c) => c[1](r)))];
}

const plain: Column[] = [
  ['事项编码', (r) => `SX${Math.floor(r() * 1e6)}`],
  ['办理状态', (r) => pick(r, ['已受理', '已办结', '退回'])],
  ['金额', (r) => (r() * 1e4).toFixed(2)],
];

describe('classifyTable', () => {
  it('suggests L1 for a table without personal data', () => {
    const [h, rows] = table(plain, 100);
    const t = classifyTable(h, rows);
    expect(t.level).toBe('L1');
    expect(t.columns.map((c) => c.type)).toEqual([null, null, null]);
    expect(t.reasons).toEqual([]);
  });

  it('suggests L2 for plain names or addresses alone', () => {
    expect(classifyTable(...table([...plain, ['姓名', personName]], 100)).level).toBe('L2');
    expect(classifyTable(...table([...plain, ['地址', address]], 100)).level).toBe('L2');
  });

  it('suggests L3 for sensitive data, identity with other personal data, and coordinates of individuals', () => {
    expect(classifyTable(...table([...plain, ['证件号码', (r) => residentId(r)]], 100)).level).toBe('L3');
    expect(classifyTable(...table([...plain, ['卡号', (r) => bankCard(r)]], 100)).level).toBe('L3');
    const combined = classifyTable(
      ...table(
        [
          ['姓名', personName],
          ['手机', mobile],
        ],
        100,
      ),
    );
    expect(combined.level).toBe('L3');
    expect(combined.reasons.some((r) => r.startsWith('identity'))).toBe(true);
    const tracks = classifyTable(
      ...table(
        [
          ['车牌', plate],
          ['位置', coordinatePair],
        ],
        100,
      ),
    );
    expect(tracks.level).toBe('L3');
    expect(tracks.reasons).toContain('coordinates of individuals → L3');
    expect(
      classifyTable(
        ...table(
          [
            ['设施', () => '公厕'],
            ['位置', coordinatePair],
          ],
          100,
        ),
      ).level,
    ).toBe('L2');
  });

  it('never suggests L4', () => {
    const everything: Column[] = [
      ['身份证', (r) => residentId(r)],
      ['护照', passport],
      ['银行卡', (r) => bankCard(r)],
      ['姓名', personName],
      ['位置', coordinatePair],
    ];
    expect(classifyTable(...table(everything, 50)).level).toBe('L3');
  });

  it('tolerates ragged rows', () => {
    const t = classifyTable(['a', 'b'], [['13812345678'], ['13912345678', 'x']]);
    expect(t.columns).toHaveLength(2);
  });

  it('classifies a wide mixed table (25 columns)', () => {
    const columns: Column[] = [
      ['身份证号', (r) => residentId(r)],
      ['姓名', personName],
      ['手机', mobile],
      ['办公电话', landline],
      ['银行卡号', (r) => bankCard(r)],
      ['统一社会信用代码', creditCode],
      ['护照号', passport],
      ['车牌', plate],
      ['邮箱', email],
      ['住址', address],
      ['出生日期', birthDate],
      ['坐标', coordinatePair],
      ['备注', (r) => (r() < 0.01 ? '联系电话13812345678' : '情况属实，已按规定办结。')],
      ['col14', garbage],
      ...Array.from({ length: 11 }, (_, i): Column => plain[i % plain.length] as Column),
    ];
    // Throughput on 100k rows is measured by bench/classify.bench.ts, not here.
    const [h, rows] = table(columns, 5_000, 42);
    const t = classifyTable(h, rows);
    expect(t.columns.slice(0, 13).map((c) => c.type)).toEqual([
      'resident_id',
      'person_name',
      'mobile',
      'landline',
      'bank_card',
      'credit_code',
      'passport',
      'licence_plate',
      'email',
      'address',
      'birth_date',
      'coordinates',
      'mobile',
    ]);
    expect(t.level).toBe('L3');
  });
});

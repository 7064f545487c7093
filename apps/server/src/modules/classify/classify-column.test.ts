import { describe, expect, it } from 'vitest';
import { type PersonalDataType, SENSITIVITY_LEVEL } from '../masking/index.ts';
import { classifyColumn } from './classify-column.ts';
import { GRADES } from './grades.ts';
import {
  address,
  bankCard,
  birthDate,
  coordinatePair,
  creditCode,
  email,
  landline,
  lookAlikeId,
  many,
  mobile,
  passport,
  personName,
  plate,
  residentId,
  rng,
  withGarbage,
} from './test-fixtures.ts';

describe('classifyColumn', () => {
  it.each([
    ['resident_id', (r: () => number) => residentId(r)],
    ['mobile', mobile],
    ['landline', landline],
    ['bank_card', (r: () => number) => bankCard(r)],
    ['credit_code', creditCode],
    ['passport', passport],
    ['licence_plate', plate],
    ['email', email],
    ['person_name', personName],
    ['address', address],
    ['coordinates', coordinatePair],
  ] as const)('detects a column of %s from its values alone', (type, make) => {
    const c = classifyColumn('col_7', many(200, make));
    expect(c.type).toBe(type);
    expect(c.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('grades sensitivity and level from the type', () => {
    expect(
      classifyColumn(
        'x',
        many(50, (r) => residentId(r)),
      ),
    ).toMatchObject({ sensitivity: 'medium', level: 'L3' });
    expect(classifyColumn('x', many(50, mobile))).toMatchObject({ sensitivity: 'low', level: 'L2' });
    expect(classifyColumn('x', many(50, creditCode))).toMatchObject({ sensitivity: 'none', level: 'L1' });
    expect(classifyColumn('x', ['a', 'b'])).toMatchObject({ type: null, sensitivity: 'none', level: 'L1' });
  });

  it('suggests for every type the sensitivity that masking grades at the type’s level', () => {
    // A confirmed suggestion must be masked at the level it was suggested with, not one above.
    for (const [type, g] of Object.entries(GRADES) as [PersonalDataType, (typeof GRADES)[PersonalDataType]][])
      expect([type, SENSITIVITY_LEVEL[g.sensitivity]]).toEqual([type, g.level]);
    expect(Object.keys(GRADES)).toHaveLength(12);
  });

  it('accepts X check characters and retired area codes, and scores checksum failures lower', () => {
    const ids = many(200, (r) => residentId(r, 'X'), 4);
    expect(ids.every((id) => id.endsWith('X'))).toBe(true);
    expect(
      classifyColumn(
        '证件',
        ids.map((id) => id.toLowerCase()),
      ).type,
    ).toBe('resident_id');
    const retired = many(100, (r) => residentId(r, undefined, '330103'), 5);
    expect(retired.every((id) => id.startsWith('330103'))).toBe(true);
    expect(classifyColumn('x', retired).type).toBe('resident_id');

    const valid = classifyColumn(
      '身份证号',
      many(200, (r) => residentId(r)),
    );
    const fakes = classifyColumn(
      '身份证号',
      many(200, (r) => lookAlikeId(residentId(r))),
    );
    const fakesNoHeader = classifyColumn(
      'x',
      many(200, (r) => lookAlikeId(residentId(r))),
    );
    expect(valid.confidence).toBe(1);
    expect(fakes.confidence).toBeLessThan(valid.confidence);
    expect(fakesNoHeader.type).toBeNull();
  });

  it('still detects a column with 30% garbage, less confidently', () => {
    const clean = classifyColumn('x', many(200, mobile));
    const dirty = classifyColumn('x', withGarbage(200, mobile, 3));
    expect(dirty.type).toBe('mobile');
    expect(dirty.confidence).toBeLessThan(clean.confidence);
    expect(classifyColumn('x', withGarbage(200, mobile, 7)).type).toBeNull();
  });

  it('lets a header settle columns whose values alone are ambiguous', () => {
    const r = rng(8);
    const lat = Array.from({ length: 100 }, () => (30 + r() * 0.5).toFixed(6));
    const local = Array.from({ length: 100 }, () => `8${String(Math.floor(r() * 1e7)).padStart(7, '0')}`);
    const dates = many(100, birthDate);
    for (const [header, values, type] of [
      ['纬度', lat, 'coordinates'],
      ['lng', lat.map((x) => String(Number(x) + 90)), 'coordinates'],
      ['办公电话', local, 'landline'],
      ['出生日期', dates, 'birth_date'],
    ] as const) {
      expect.soft(classifyColumn(header, values).type, header).toBe(type);
      expect.soft(classifyColumn('value', values).type, `${header} without header`).toBeNull();
    }
  });

  it('does not let a header alone make unrelated values personal', () => {
    expect(
      classifyColumn(
        '身份证号',
        many(50, () => '已核验'),
      ).type,
    ).toBeNull();
  });

  it('finds an embedded mobile in free text and reports the most sensitive embedded type', () => {
    const texts = many(
      50,
      (r) => `市民反映${r() < 0.5 ? '道路' : '小区'}噪音扰民问题，希望相关部门尽快处理，谢谢。`,
    );
    expect(classifyColumn('诉求内容', texts).type).toBeNull();
    texts[10] = '市民反映噪音问题，联系电话13812345678，请尽快处理。';
    const withMobile = classifyColumn('诉求内容', texts);
    expect(withMobile).toMatchObject({ type: 'mobile', level: 'L2' });
    expect(withMobile.confidence).toBeGreaterThanOrEqual(0.5);
    texts[20] = `身份证号${residentId(rng(12))}的申请人来电`;
    expect(classifyColumn('诉求内容', texts)).toMatchObject({ type: 'resident_id', level: 'L3' });
  });

  it('reports null for empty columns, whatever the header', () => {
    expect(classifyColumn('身份证号', [])).toEqual({
      type: null,
      confidence: 0,
      sensitivity: 'none',
      level: 'L1',
    });
    expect(classifyColumn('手机', ['', '  ', ''])).toMatchObject({ type: null, confidence: 0 });
  });
});

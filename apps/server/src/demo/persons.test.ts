import { describe, expect, it } from 'vitest';
import { isValidResidentId } from '../platform/formats.ts';
import { ageOn, dayOf } from './dates.ts';
import { loadDivisions } from './divisions.ts';
import { MARRIAGE_AGE } from './households.ts';
import { HANGZHOU_ID_AREA_CODES, localAreaCode, OUTSIDE_ID_AREA_CODES } from './id-area-codes.ts';
import { MOBILE_PATTERN } from './mobiles.ts';
import { DEFAULT_AS_OF, generateHouseholds, generatePersons, type Person } from './persons.ts';
import { Random } from './random.ts';

const AS_OF = dayOf(DEFAULT_AS_OF);
const persons = [...generatePersons('test-city', 30_000)];
const ageOf = (p: Person) => ageOn(dayOf(p.birth_date), AS_OF);

describe('generatePersons', () => {
  it('yields exactly the requested count', () => {
    expect(persons).toHaveLength(30_000);
    expect([...generatePersons(1, 0)]).toHaveLength(0);
  });

  it('issues valid, unique ID numbers that agree with birth date and gender', () => {
    const ids = new Set<string>();
    let withX = 0;
    for (const p of persons) {
      expect(isValidResidentId(p.id_number), p.id_number).toBe(true);
      expect(p.id_number.slice(6, 14)).toBe(p.birth_date.replaceAll('-', ''));
      expect(Number(p.id_number[16]) % 2 === 1 ? '男' : '女').toBe(p.gender);
      ids.add(p.id_number);
      if (p.id_number.endsWith('X')) withX++;
    }
    expect(ids.size).toBe(persons.length);
    // One number in eleven ends in X.
    expect(withX / persons.length).toBeGreaterThan(0.07);
    expect(withX / persons.length).toBeLessThan(0.12);
  });

  it('uses Hangzhou area codes for most people and the documented outside set for the rest', () => {
    let local = 0;
    let retired = 0;
    for (const p of persons) {
      const code = p.id_number.slice(0, 6);
      const hz = HANGZHOU_ID_AREA_CODES.get(code);
      expect(hz ?? OUTSIDE_ID_AREA_CODES.get(code), code).toBeDefined();
      if (hz) local++;
      if ((hz ?? OUTSIDE_ID_AREA_CODES.get(code))?.retired) retired++;
    }
    expect(local / persons.length).toBeGreaterThan(0.7);
    expect(local / persons.length).toBeLessThan(0.95);
    expect(retired).toBeGreaterThan(0);
  });

  it('dates area codes by the year the number was assigned', () => {
    const rng = new Random(1);
    expect(localAreaCode(rng, '330109', 1960)).toBe('330121'); // 萧山县
    expect(localAreaCode(rng, '330109', 1995)).toBe('330181'); // 萧山市
    expect(localAreaCode(rng, '330109', 2010)).toBe('330109');
    expect(localAreaCode(rng, '330113', 2022)).toBe('330113'); // 临平区 since 2021
    expect(localAreaCode(rng, '330113', 2015)).toBe('330110');
    expect(['330105', '330103']).toContain(localAreaCode(rng, '330105', 2000));
  });

  it('registers everyone in a real community and writes a real address', () => {
    const { byCommunityCode } = loadDivisions();
    for (const p of persons) {
      const hukou = byCommunityCode.get(p.hukou_community_code);
      expect(hukou?.district.code).toBe(p.hukou_district_code);
      const home = byCommunityCode.get(p.address_community_code);
      expect(home).toBeDefined();
      expect(
        p.address.startsWith(`浙江省杭州市${home?.district.name}${home?.street.name}${home?.name}`),
      ).toBe(true);
      expect(p.address).toMatch(/(路|街|巷|大道|组)\d+号(\d+幢\d单元\d+室)?$/);
    }
  });

  it('gives mobiles in MIIT ranges, unique, and none to small children', () => {
    const seen = new Set<string>();
    for (const p of persons) {
      if (ageOf(p) < 12) expect(p.mobile).toBeNull();
      if (p.mobile === null) continue;
      expect(p.mobile).toMatch(MOBILE_PATTERN);
      seen.add(p.mobile);
    }
    expect(seen.size).toBe(persons.filter((p) => p.mobile).length);
    expect(seen.size / persons.length).toBeGreaterThan(0.7);
  });

  it('keeps marital status and education consistent with age', () => {
    for (const p of persons) {
      const age = ageOf(p);
      if (p.marital_status !== '未婚')
        expect(age, p.id_number).toBeGreaterThanOrEqual(MARRIAGE_AGE[p.gender]);
      if (age < 6) expect(p.education).toBe('学龄前');
      if (p.education === '博士研究生') expect(age).toBeGreaterThanOrEqual(27);
    }
    const han = persons.filter((p) => p.ethnicity === '汉族').length / persons.length;
    expect(han).toBeGreaterThan(0.97);
    expect(han).toBeLessThan(1);
  });

  it('follows an age pyramid close to Hangzhou’s', () => {
    const minors = persons.filter((p) => ageOf(p) < 18).length / persons.length;
    const elderly = persons.filter((p) => ageOf(p) >= 60).length / persons.length;
    expect(minors).toBeGreaterThan(0.12);
    expect(minors).toBeLessThan(0.24);
    expect(elderly).toBeGreaterThan(0.12);
    expect(elderly).toBeLessThan(0.25);
    expect(Math.max(...persons.map(ageOf))).toBeLessThanOrEqual(101);
  });

  it('is deterministic per seed', () => {
    const a = [...generatePersons('seed-a', 1000)];
    const b = [...generatePersons('seed-a', 1000)];
    const c = [...generatePersons('seed-b', 1000)];
    expect(b).toEqual(a);
    // A longer run starts with the same people: the count only decides where the stream stops.
    expect([...generatePersons('seed-a', 5000)].slice(0, 1000)).toEqual(a);
    expect(c.map((p) => p.id_number)).not.toEqual(a.map((p) => p.id_number));
  });
});

describe('generateHouseholds', () => {
  const households = [] as ReturnType<typeof generateHouseholds> extends Generator<infer H> ? H[] : never;
  for (const h of generateHouseholds('households')) {
    households.push(h);
    if (households.length >= 5000) break;
  }

  it('puts every member at the household’s address and registration', () => {
    for (const h of households) {
      expect(h.members.length).toBeGreaterThan(0);
      expect(h.members[0]?.relation).toBe('户主');
      for (const m of h.members) {
        expect(m.household_id).toBe(h.household_id);
        expect(m.address).toBe(h.address.text);
        expect(m.hukou_community_code).toBe(h.hukou_community_code);
      }
    }
    expect(new Set(households.map((h) => h.household_id)).size).toBe(households.length);
    const mean = households.reduce((s, h) => s + h.members.length, 0) / households.length;
    expect(mean).toBeGreaterThan(2.2);
    expect(mean).toBeLessThan(2.9);
  });

  it('gives families plausible ages and reciprocal, opposite-sex marriages', () => {
    for (const h of households) {
      const head = h.members[0] as Person;
      const headAge = ageOf(head);
      for (const m of h.members) {
        const age = ageOf(m);
        if (m.relation === '子' || m.relation === '女') expect(headAge - age).toBeGreaterThanOrEqual(19);
        if (m.relation === '父亲' || m.relation === '母亲') expect(age - headAge).toBeGreaterThanOrEqual(19);
        if (m.relation === '孙子' || m.relation === '孙女') expect(headAge - age).toBeGreaterThanOrEqual(38);
        if (m.spouse_id_number !== null) {
          const spouse = h.members.find((x) => x.id_number === m.spouse_id_number);
          expect(spouse?.spouse_id_number).toBe(m.id_number);
          expect(spouse?.gender).not.toBe(m.gender);
          expect(m.marital_status).toBe('已婚');
          expect(age).toBeGreaterThanOrEqual(MARRIAGE_AGE[m.gender]);
        }
      }
    }
    const couples = households.filter((h) => h.members.some((m) => m.relation === '配偶')).length;
    expect(couples / households.length).toBeGreaterThan(0.4);
  });

  it('passes the father’s surname to most children', () => {
    let same = 0;
    let children = 0;
    for (const h of households) {
      const father = h.members.find(
        (m) => (m.relation === '户主' || m.relation === '配偶') && m.gender === '男',
      );
      if (!father) continue;
      for (const c of h.members.filter((m) => m.relation === '子' || m.relation === '女')) {
        children++;
        if (c.name.startsWith(father.name.slice(0, 1))) same++;
      }
    }
    expect(same / children).toBeGreaterThan(0.85);
  });
});

import { describe, expect, it } from 'vitest';
import { isValidCreditCode } from '../platform/formats.ts';
import { ageOn, dayOf } from './dates.ts';
import { loadDivisions } from './divisions.ts';
import { generateEnterprises, organisationCheckChar } from './enterprises.ts';
import { HANGZHOU_ID_AREA_CODES } from './id-area-codes.ts';
import { getIndustrySection } from './industries.ts';
import { DEFAULT_AS_OF, generatePersons } from './persons.ts';

const enterprises = [...generateEnterprises('test-city', 5000)];

describe('generateEnterprises', () => {
  it('issues valid, unique credit codes whose parts match the enterprise', () => {
    const codes = new Set<string>();
    for (const e of enterprises) {
      expect(isValidCreditCode(e.credit_code), e.credit_code).toBe(true);
      codes.add(e.credit_code);
      expect(e.credit_code[0]).toBe('9');
      const category = { 有限责任公司: '1', 股份有限公司: '1', 个体工商户: '2', 农民专业合作社: '3' }[
        e.enterprise_type
      ];
      expect(e.credit_code[1]).toBe(category);
      const area = e.credit_code.slice(2, 8);
      expect(area === '330100' || HANGZHOU_ID_AREA_CODES.has(area), area).toBe(true);
      const org = e.credit_code.slice(8, 17);
      expect(organisationCheckChar(org.slice(0, 8))).toBe(org[8]);
      expect(org.startsWith('MA')).toBe(e.established_on >= '2015-10-01');
    }
    expect(codes.size).toBe(enterprises.length);
  });

  it('checks organisation codes the GB 11714 way', () => {
    // D2143569: 13·3 + 2·7 + 1·9 + 4·10 + 3·5 + 5·8 + 6·4 + 9·2 = 199; 199 mod 11 = 1; 11 − 1 = 10 → X.
    expect(organisationCheckChar('D2143569')).toBe('X');
    // 00000000: sum 0 → 11 → '0'.
    expect(organisationCheckChar('00000000')).toBe('0');
  });

  it('takes legal representatives from the persons of the same seed, adults when they registered', () => {
    const persons = new Map([...generatePersons('test-city', 60_000)].map((p) => [p.id_number, p]));
    for (const e of enterprises) {
      const rep = persons.get(e.legal_rep_id_number);
      expect(rep?.name).toBe(e.legal_rep_name);
      expect(ageOn(dayOf(rep?.birth_date as string), dayOf(e.established_on))).toBeGreaterThanOrEqual(19);
    }
  });

  it('fills the register with plausible values', () => {
    const { districts } = loadDivisions();
    const streets = new Set(districts.flatMap((d) => d.streets.map((s) => s.code)));
    for (const e of enterprises) {
      expect(Number.isInteger(e.registered_capital) && e.registered_capital > 0).toBe(true);
      expect(getIndustrySection(e.industry_code).name).toBe(e.industry_name);
      expect(e.established_on <= DEFAULT_AS_OF).toBe(true);
      expect(e.cancelled_on !== null).toBe(e.status === '注销' || e.status === '吊销');
      if (e.cancelled_on) expect(e.cancelled_on >= e.established_on).toBe(true);
      expect(streets.has(e.street_code)).toBe(true);
      expect(e.street_code.startsWith(e.district_code)).toBe(true);
      expect(e.registered_address.startsWith('浙江省杭州市')).toBe(true);
    }
    const share = (f: (e: (typeof enterprises)[number]) => boolean) =>
      enterprises.filter(f).length / enterprises.length;
    expect(share((e) => e.status === '存续' || e.status === '在业')).toBeGreaterThan(0.7);
    expect(share((e) => e.enterprise_type === '有限责任公司')).toBeGreaterThan(0.5);
    expect(share((e) => e.industry_code === 'F')).toBeGreaterThan(0.2);
  });

  it('is deterministic per seed', () => {
    expect([...generateEnterprises('test-city', 300)]).toEqual(enterprises.slice(0, 300));
    const other = [...generateEnterprises('another', 300)];
    expect(other.map((e) => e.credit_code)).not.toEqual(enterprises.slice(0, 300).map((e) => e.credit_code));
  });
});

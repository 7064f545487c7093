import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  scoreBankCard,
  scoreCreditCode,
  scoreLandline,
  scoreLicencePlate,
  scoreMobile,
  scorePassport,
  scoreResidentId,
} from './detect-numbers.ts';
import {
  scoreAddress,
  scoreBirthDate,
  scoreCoordinates,
  scoreEmail,
  scorePersonName,
} from './detect-personal.ts';
import { scanText } from './free-text.ts';
import { headerHints } from './header-hints.ts';
import { bankCard, creditCode, lookAlikeId, residentId, rng } from './test-fixtures.ts';

describe('scoreResidentId', () => {
  it('proves valid IDs, X check characters in either case and retired area codes', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const id = residentId(rng(seed));
        expect(scoreResidentId(id)).toBe(1);
        expect(scoreResidentId(lookAlikeId(id))).toBeLessThanOrEqual(0.5);
      }),
    );
    const x = residentId(rng(7), 'X');
    expect(scoreResidentId(x)).toBe(1);
    expect(scoreResidentId(x.toLowerCase())).toBe(1);
    expect(scoreResidentId(residentId(rng(3), undefined, '330103'))).toBe(1);
  });

  it('gives legacy 15-digit IDs a middling score and random digits none', () => {
    expect(scoreResidentId('330106900512123')).toBe(0.6);
    expect(scoreResidentId('330106901312123')).toBe(0);
    expect(scoreResidentId('12345')).toBe(0);
  });
});

describe('other number detectors', () => {
  it('scores mobiles in allocated blocks above unallocated look-alikes', () => {
    expect(scoreMobile('13812345678')).toBe(1);
    expect(scoreMobile('+86 138 1234 5678')).toBe(1);
    expect(scoreMobile('12012345678')).toBe(0.4);
    expect(scoreMobile('0571-88001234')).toBe(0);
  });

  it('recognises landlines in their written forms and weakly a bare local number', () => {
    expect(scoreLandline('0571-88001234')).toBe(1);
    expect(scoreLandline('(0571)88001234')).toBe(1);
    expect(scoreLandline('010-62345678-801')).toBe(1);
    expect(scoreLandline('057188001234')).toBe(0.7);
    expect(scoreLandline('88001234')).toBe(0.3);
    expect(scoreLandline('13812345678')).toBe(0);
  });

  it('lets Luhn and card prefixes raise a card score without deciding it', () => {
    const r = rng(5);
    const valid = bankCard(r);
    const broken = valid.slice(0, -1) + ((Number(valid.slice(-1)) + 1) % 10);
    expect(scoreBankCard(valid)).toBe(1);
    expect(scoreBankCard(broken)).toBeCloseTo(0.65);
    expect(scoreBankCard(bankCard(r, '9', 16))).toBeCloseTo(0.75);
    expect(scoreBankCard('1234567890123')).toBe(0);
  });

  it('proves credit codes by checksum', () => {
    const code = creditCode(rng(9));
    expect(scoreCreditCode(code)).toBe(1);
    expect(scoreCreditCode(`${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`)).toBe(0.5);
  });

  it('recognises passports and plates including new-energy ones', () => {
    expect(scorePassport('E12345678')).toBe(0.9);
    expect(scorePassport('EA1234567')).toBe(0.9);
    expect(scorePassport('12345678')).toBe(0);
    for (const p of ['浙A12345', '浙AD12345', '浙A·12345', '浙A12345D', '浙AF12', '浙A1234学']) {
      expect.soft(scoreLicencePlate(p), p).toBe(p === '浙AF12' ? 0 : 1);
    }
    expect(scoreLicencePlate('浙AI2345')).toBe(0);
  });
});

describe('personal detectors', () => {
  it('scores names, addresses, dates, coordinates and e-mail', () => {
    expect(scorePersonName('王小明')).toBe(0.65);
    expect(scorePersonName('欧阳修')).toBe(0.7);
    expect(scorePersonName('西湖区')).toBeLessThan(0.1);
    expect(scoreAddress('浙江省杭州市西湖区文三路90号')).toBe(0.9);
    expect(scoreAddress('西湖')).toBe(0);
    expect(scoreBirthDate('1990-05-12')).toBe(0.5);
    expect(scoreBirthDate('2990-05-12')).toBe(0);
    expect(scoreCoordinates('30.274151,120.155071')).toBe(0.9);
    expect(scoreCoordinates('120.155071 30.274151')).toBe(0.9);
    expect(scoreCoordinates('48.8566,2.3522')).toBe(0);
    expect(scoreCoordinates('120.155071')).toBe(0.3);
    expect(scoreEmail('zhang@example.com')).toBe(1);
    expect(scoreEmail('zhang@')).toBe(0);
  });

  it('finds personal data embedded in prose, only when it proves itself', () => {
    const id = residentId(rng(11));
    expect(scanText(`市民反映噪音问题，联系电话13812345678，请尽快处理`)).toEqual(new Set(['mobile']));
    expect(scanText(`申请人身份证${id}，地址见附件`)).toEqual(new Set(['resident_id']));
    expect(scanText(`申请人身份证${lookAlikeId(id)}，地址见附件`)).toEqual(new Set());
    expect(scanText('工单号 20240512000123 已办结')).toEqual(new Set());
    expect(scanText('请发邮件至 zhang@example.com')).toEqual(new Set(['email']));
  });
});

describe('headerHints', () => {
  it.each([
    ['身份证号码', ['resident_id']],
    ['id_card', ['resident_id']],
    ['idNo', ['resident_id']],
    ['手机号', ['mobile']],
    ['联系电话', ['mobile', 'landline']],
    ['姓名', ['person_name']],
    ['company_name', []],
    ['relation', []],
    ['gps_lat', ['coordinates']],
    ['经度', ['coordinates']],
    ['银行卡号', ['bank_card']],
    ['统一社会信用代码', ['credit_code']],
    ['出生日期', ['birth_date']],
    ['车牌号', ['licence_plate']],
    ['备注', []],
  ])('%s → %j', (header, types) => {
    expect([...headerHints(header)].sort()).toEqual([...types].sort());
  });
});

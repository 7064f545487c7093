import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskAddress } from './mask-address.ts';

const examples: [string, string][] = [
  ['浙江省杭州市西湖区文三路90号东部软件园1号楼501室', '浙江省杭州市西湖区文三路'],
  ['杭州市上城区湖滨街道东坡路7号', '杭州市上城区湖滨街道东坡路'],
  ['浙江省建德市新安江街道白沙路2幢3单元401', '浙江省建德市新安江街道白沙路'],
  ['杭州市余杭区良渚街道古墩路1888号金地小区8幢', '杭州市余杭区良渚街道古墩路'],
  ['杭州市临安区太湖源镇白沙村12号', '杭州市临安区太湖源镇'],
  ['上海市浦东新区世纪大道100号', '上海市浦东新区世纪大道'],
  ['西湖区文三路口超市', '西湖区文三路'],
  ['杭州市古荡新村小区5幢', '杭州市'],
  ['新疆维吾尔自治区乌鲁木齐市天山区解放北路', '新疆维吾尔自治区乌鲁木齐市天山区解放北路'],
  ['杭州市西湖区西溪街道', '杭州市西湖区西溪街道'],
];

describe('maskAddress', () => {
  it.each(examples)('%s → %s', (input, expected) => {
    expect(maskAddress(input)).toBe(expected);
  });

  it('drops every number, building, unit and room, and is idempotent', () => {
    const head = fc.constantFrom('浙江省杭州市西湖区', '杭州市拱墅区', '浙江省宁波市鄞州区', '杭州市余杭区');
    const town = fc.constantFrom('', '蒋村街道', '瓶窑镇', '鸬鸟乡');
    const road = fc.constantFrom('', '文一西路', '莫干山路', '湖墅南路', '解放大道');
    const tail = fc
      .tuple(
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom('号', '弄'),
        fc.constantFrom('', '阳光小区', '东方花园'),
        fc.integer({ min: 1, max: 99 }),
        fc.constantFrom('幢', '栋', '号楼'),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom('单元', ''),
        fc.integer({ min: 101, max: 3208 }),
        fc.constantFrom('室', ''),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(head, town, road, tail, (h, t, r, rest) => {
        const kept = h + t + r;
        const out = maskAddress(kept + rest);
        expect(out).toBe(kept);
        expect(out).not.toMatch(/\d|号|幢|栋|单元|室|小区|花园/);
        expect(maskAddress(out)).toBe(out);
      }),
    );
  });

  it('keeps only a prefix of the input, or redacts it all', () => {
    fc.assert(
      fc.property(
        fc.string({
          maxLength: 30,
          unit: fc.constantFrom(...'浙江省杭州市西湖区街道镇乡路大街道号幢室 12a*'),
        }),
        (s) => {
          const out = maskAddress(s);
          expect(out === '*'.repeat(Array.from(s).length) || s.replace(/\s+/g, '').startsWith(out)).toBe(
            true,
          );
          expect(out).not.toMatch(/\d/);
        },
      ),
    );
    expect(maskAddress('1号楼501室')).toBe('*******');
  });
});

import { redact } from './redact.ts';

/**
 * The components an address keeps, from the top down. Each is a run of Han characters ending in its
 * suffix; a component may only follow one of a higher rank, and at most one road is kept. Everything
 * from the first piece that is not such a component on (numbers, 号, 幢, 单元, 室, 小区, 村 …) is dropped.
 */
const COMPONENTS: readonly RegExp[] = [
  /^(?:北京市|上海市|天津市|重庆市|\p{Script=Han}{2,7}?(?:省|自治区|特别行政区))/u,
  /^\p{Script=Han}{1,8}?(?:市|自治州|地区|盟)/u,
  /^\p{Script=Han}{1,8}?(?:区|县|旗|市)/u,
  /^\p{Script=Han}{1,8}?(?:街道|镇|乡|苏木)/u,
  // 街 but not 街道, which is a township; lanes (巷, 弄) are already too close to a door.
  /^\p{Script=Han}{1,10}?(?:大道|大街|路|街(?!道))/u,
];

// Smaller places that end like a district but lie below the street.
const NOT_A_DISTRICT = /(?:小区|社区|园区|校区|景区|厂区|营区|院区)$/;

/** The longest prefix of the address made of administrative components and a road name, or '' if none. */
export function addressPrefix(address: string): string {
  const s = address.replace(/\s+/g, '');
  let pos = 0;
  let rank = -1;
  for (;;) {
    let best: { rank: number; text: string } | null = null;
    for (let r = rank + 1; r < COMPONENTS.length; r++) {
      const text = COMPONENTS[r]!.exec(s.slice(pos))?.[0];
      if (text === undefined || (r === 2 && NOT_A_DISTRICT.test(text))) continue;
      // The shortest candidate wins: 西湖区文三路口超市 is 西湖区 then 文三路, not a city named 西湖区文三路口超.
      if (best === null || Array.from(text).length < Array.from(best.text).length) best = { rank: r, text };
    }
    if (best === null) return s.slice(0, pos);
    pos += best.text.length;
    rank = best.rank;
  }
}

/**
 * Address: kept down to the township (街道/镇/乡) and road name, everything finer dropped
 * (`浙江省杭州市西湖区文三路90号5幢301室` → `浙江省杭州市西湖区文三路`). An address with no such
 * component is redacted.
 */
export function maskAddress(value: string): string {
  const kept = addressPrefix(value);
  return kept === '' ? redact(value) : kept;
}

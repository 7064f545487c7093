import { creditCodeCheckChar, residentIdCheckChar } from '../../platform/formats.ts';
import { luhnValid } from './detect-numbers.ts';

// Fixtures are generated, never copied: published "example" numbers often fail their own checksums.

/** A deterministic pseudo-random source (mulberry32), so failures reproduce. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const digits = (r: () => number, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
const pad = (x: number, n = 2) => String(x).padStart(n, '0');

// 330103 (former 下城区) was retired in 2021 but lives on in people's IDs.
export const AREAS = ['330106', '330102', '330103', '330105', '330110', '110105', '440305', '510104'];

/** A resident ID with a valid check character; `check` forces one (e.g. 'X') by trying sequences. */
export function residentId(r: () => number, check?: string, area?: string): string {
  for (;;) {
    const birth = `${1940 + Math.floor(r() * 80)}${pad(1 + Math.floor(r() * 12))}${pad(1 + Math.floor(r() * 28))}`;
    const body = (area ?? pick(r, AREAS)) + birth + digits(r, 3);
    const c = residentIdCheckChar(body) as string;
    if (check === undefined || c === check) return body + c;
  }
}

/** The same ID with a wrong check character: the look-alike a typo produces. */
export function lookAlikeId(id: string): string {
  const wrong = '0123456789X'.split('').filter((c) => c !== id[17]);
  return id.slice(0, 17) + wrong[Number(id[16]) % wrong.length];
}

export function mobile(r: () => number): string {
  return pick(r, ['138', '139', '150', '158', '177', '186', '199', '166']) + digits(r, 8);
}

export function landline(r: () => number): string {
  const sub = `${2 + Math.floor(r() * 7)}${digits(r, 7)}`;
  return pick(r, [`0571-${sub}`, `(0571)${sub}`, `010-${sub}`, `0574 ${sub}`]);
}

/** A card number of the given prefix and length with a valid Luhn digit. */
export function bankCard(r: () => number, prefix = '622202', length = 19): string {
  const body = prefix + digits(r, length - prefix.length - 1);
  for (let d = 0; d < 10; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

export function creditCode(r: () => number): string {
  const body = `91${pick(r, ['330100', '330106', '330110'])}MA${Array.from({ length: 7 }, () => pick(r, [...'0123456789ABCDEFGHJKLMNPQRTUWXY'])).join('')}`;
  return body + creditCodeCheckChar(body);
}

export function plate(r: () => number): string {
  const seq = Array.from({ length: 5 }, () => pick(r, [...'0123456789ABCDEFGHJKLMN'])).join('');
  return pick(r, [`浙A${seq}`, `浙AD${digits(r, 5)}`, `浙A·${seq}`, `浙B${digits(r, 5)}F`]);
}

const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红'];
export function personName(r: () => number): string {
  const surname = pick(r, ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '欧阳', '诸葛']);
  return surname + Array.from({ length: 1 + Math.floor(r() * 2) }, () => pick(r, GIVEN)).join('');
}

export function address(r: () => number): string {
  return `${pick(r, ['浙江省杭州市', '杭州市'])}${pick(r, ['西湖区', '上城区', '拱墅区'])}${pick(r, ['文三路', '莫干山路', '湖墅南路'])}${1 + Math.floor(r() * 999)}号${1 + Math.floor(r() * 20)}幢${101 + Math.floor(r() * 1500)}室`;
}

export function birthDate(r: () => number): string {
  return `${1940 + Math.floor(r() * 80)}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
}

export function coordinatePair(r: () => number): string {
  return `${(30 + r() * 0.5).toFixed(6)},${(120 + r()).toFixed(6)}`;
}

export function email(r: () => number): string {
  return `${pick(r, ['zhang', 'li.wei', 'hz2024', 'wang_fang'])}${digits(r, 2)}@${pick(r, ['example.com', 'hz.gov.cn'])}`;
}

export function passport(r: () => number): string {
  return pick(r, [`E${digits(r, 8)}`, `EA${digits(r, 7)}`, `G${digits(r, 8)}`]);
}

/** Values with no personal data: the other 30% of a messy column. */
export function garbage(r: () => number): string {
  return pick(r, ['N/A', '无', '-', '待补充', 'unknown', digits(r, 5), '?', '已办结', 'abc']);
}

export const many = (n: number, make: (r: () => number) => string, seed = 1): string[] => {
  const r = rng(seed);
  return Array.from({ length: n }, () => make(r));
};

/** `n` values, exactly `tenths` in every ten of them garbage, interleaved. */
export function withGarbage(
  n: number,
  make: (r: () => number) => string,
  tenths: number,
  seed = 2,
): string[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => (i % 10 < tenths ? garbage(r) : make(r)));
}

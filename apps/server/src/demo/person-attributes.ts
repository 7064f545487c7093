import type { Gender } from './names.ts';
import { type Random, weightedTable } from './random.ts';

// Zhejiang is ~99% Han; 畲族 is the province's own minority, the rest came with migration.
const ETHNICITIES = weightedTable(
  (
    [
      ['汉族', 990],
      ['畲族', 1.8],
      ['土家族', 1.6],
      ['苗族', 1.6],
      ['回族', 1.2],
      ['布依族', 0.9],
      ['侗族', 0.8],
      ['壮族', 0.8],
      ['彝族', 0.5],
      ['满族', 0.5],
      ['蒙古族', 0.3],
      ['白族', 0.2],
      ['朝鲜族', 0.15],
      ['维吾尔族', 0.1],
      ['藏族', 0.1],
      ['黎族', 0.05],
    ] as const
  ).map(([e, w]) => [e as string, w] as const),
);

export function pickEthnicity(rng: Random): string {
  return ETHNICITIES.pick(rng);
}

export const EDUCATION_LEVELS = [
  '学龄前',
  '不识字或识字很少',
  '小学',
  '初中',
  '普通高中',
  '中等专科',
  '大学专科',
  '大学本科',
  '硕士研究生',
  '博士研究生',
] as const;
export type Education = (typeof EDUCATION_LEVELS)[number];

type Cohort = readonly (readonly [Education, number])[];
// Completed education of adults by birth cohort, shaped after the 2020 census for Hangzhou.
const OLD: Cohort = [
  ['不识字或识字很少', 6],
  ['小学', 26],
  ['初中', 34],
  ['普通高中', 19],
  ['中等专科', 5],
  ['大学专科', 6],
  ['大学本科', 4],
];
const MID: Cohort = [
  ['小学', 4],
  ['初中', 28],
  ['普通高中', 20],
  ['中等专科', 8],
  ['大学专科', 18],
  ['大学本科', 19],
  ['硕士研究生', 2.5],
  ['博士研究生', 0.5],
];
const YOUNG: Cohort = [
  ['初中', 10],
  ['普通高中', 13],
  ['中等专科', 8],
  ['大学专科', 22],
  ['大学本科', 37],
  ['硕士研究生', 8.5],
  ['博士研究生', 1.5],
];
const tables = { old: weightedTable(OLD), mid: weightedTable(MID), young: weightedTable(YOUNG) };

/** The highest level reached (or being studied) for someone of this age and birth year. */
export function pickEducation(rng: Random, age: number, birthYear: number): Education {
  if (age < 6) return '学龄前';
  if (age < 12) return '小学';
  if (age < 15) return '初中';
  if (age < 18) return rng.chance(0.75) ? '普通高中' : '中等专科';
  const table = birthYear < 1970 ? tables.old : birthYear < 1990 ? tables.mid : tables.young;
  let e = table.pick(rng);
  // Nobody finishes a master's before ~24 or a doctorate before ~27.
  if (e === '博士研究生' && age < 27) e = '硕士研究生';
  if (e === '硕士研究生' && age < 24) e = '大学本科';
  return e;
}

export type MaritalStatus = '未婚' | '已婚' | '离婚' | '丧偶';

/** The status of someone living without a spouse, by age: young people unmarried, old people widowed. */
export function singleMaritalStatus(
  rng: Random,
  age: number,
  gender: Gender,
  hasChildren: boolean,
): MaritalStatus {
  // Below the legal marriage age (Civil Code art. 1047) nobody has married, divorced or been widowed.
  if (age < (gender === '男' ? 22 : 20)) return '未婚';
  if (age < 30)
    return rng.weighted<MaritalStatus>(['未婚', '离婚', '已婚'], hasChildren ? [20, 65, 15] : [92, 5, 3]);
  if (age < 60) {
    return rng.weighted<MaritalStatus>(
      ['未婚', '离婚', '丧偶', '已婚'],
      hasChildren ? [5, 65, 15, 15] : [45, 35, 5, 15],
    );
  }
  if (age < 75) return rng.weighted<MaritalStatus>(['未婚', '离婚', '丧偶', '已婚'], [5, 20, 55, 20]);
  return rng.weighted<MaritalStatus>(['未婚', '离婚', '丧偶', '已婚'], [3, 7, 80, 10]);
}

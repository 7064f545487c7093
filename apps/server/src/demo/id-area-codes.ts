import { type Random, weightedTable } from './random.ts';

export type IdAreaCode = { code: string; name: string; retired: boolean };

// The area part of an ID number is fixed when the number is first assigned and never changes, so
// people keep the codes of divisions that have since been merged or renamed (toolchain.md: do not
// reject unknown area codes). These are Hangzhou's, current and retired.
const HANGZHOU: readonly IdAreaCode[] = [
  { code: '330102', name: '上城区', retired: false },
  { code: '330103', name: '下城区', retired: true },
  { code: '330104', name: '江干区', retired: true },
  { code: '330105', name: '拱墅区', retired: false },
  { code: '330106', name: '西湖区', retired: false },
  { code: '330108', name: '滨江区', retired: false },
  { code: '330109', name: '萧山区', retired: false },
  { code: '330110', name: '余杭区', retired: false },
  { code: '330111', name: '富阳区', retired: false },
  { code: '330112', name: '临安区', retired: false },
  { code: '330113', name: '临平区', retired: false },
  { code: '330114', name: '钱塘区', retired: false },
  { code: '330121', name: '萧山县', retired: true },
  { code: '330122', name: '桐庐县', retired: false },
  { code: '330123', name: '富阳县', retired: true },
  { code: '330124', name: '临安县', retired: true },
  { code: '330125', name: '余杭县', retired: true },
  { code: '330126', name: '建德县', retired: true },
  { code: '330127', name: '淳安县', retired: false },
  { code: '330181', name: '萧山市', retired: true },
  { code: '330182', name: '建德市', retired: false },
  { code: '330183', name: '富阳市', retired: true },
  { code: '330184', name: '余杭市', retired: true },
  { code: '330185', name: '临安市', retired: true },
];

// Places Hangzhou residents were born in: the rest of Zhejiang, then the provinces migrants come from.
const OUTSIDE: readonly (readonly [IdAreaCode, number])[] = (
  [
    ['330203', '宁波市海曙区', false, 6],
    ['330204', '宁波市江东区', true, 2],
    ['330302', '温州市鹿城区', false, 5],
    ['330381', '瑞安市', false, 3],
    ['330402', '嘉兴市南湖区', false, 4],
    ['330481', '海宁市', false, 3],
    ['330502', '湖州市吴兴区', false, 3],
    ['330521', '德清县', false, 2],
    ['330602', '绍兴市越城区', false, 5],
    ['330621', '绍兴县', true, 3],
    ['330681', '诸暨市', false, 4],
    ['330702', '金华市婺城区', false, 3],
    ['330782', '义乌市', false, 3],
    ['330802', '衢州市柯城区', false, 3],
    ['330902', '舟山市定海区', false, 2],
    ['331002', '台州市椒江区', false, 3],
    ['331082', '临海市', false, 3],
    ['331102', '丽水市莲都区', false, 2],
    ['332501', '丽水市', true, 2],
    ['110105', '北京市朝阳区', false, 1],
    ['310104', '上海市徐汇区', false, 1.5],
    ['320106', '南京市鼓楼区', false, 1],
    ['320583', '昆山市', false, 1],
    ['340104', '合肥市蜀山区', false, 2],
    ['341221', '临泉县', false, 3],
    ['342401', '六安市', true, 2],
    ['360121', '南昌县', false, 2],
    ['362330', '波阳县', true, 2],
    ['411323', '淅川县', false, 2],
    ['412826', '汝南县', true, 2],
    ['420106', '武汉市武昌区', false, 1.5],
    ['421181', '麻城市', false, 1.5],
    ['430104', '长沙市岳麓区', false, 1],
    ['452122', '武鸣县', true, 1],
    ['500228', '梁平县', true, 1.5],
    ['510107', '成都市武侯区', false, 1.5],
    ['522121', '遵义县', true, 2],
  ] as const
).map(([code, name, retired, w]) => [{ code, name, retired }, w] as const);

export const HANGZHOU_ID_AREA_CODES: ReadonlyMap<string, IdAreaCode> = new Map(
  HANGZHOU.map((a) => [a.code, a]),
);
export const OUTSIDE_ID_AREA_CODES: ReadonlyMap<string, IdAreaCode> = new Map(
  OUTSIDE.map(([a]) => [a.code, a]),
);

const outsideTable = weightedTable(OUTSIDE.map(([a, w]) => [a.code, w] as const));

/** An outside-Hangzhou area code for someone who moved their registration to the city. */
export function outsideAreaCode(rng: Random): string {
  return outsideTable.pick(rng);
}

// County → county-level city → district conversions, newest first: [code, valid from year].
const XIAOSHAN: readonly (readonly [string, number])[] = [
  ['330109', 2001],
  ['330181', 1988],
  ['330121', 0],
];
const YUHANG: readonly (readonly [string, number])[] = [
  ['330110', 2001],
  ['330184', 1994],
  ['330125', 0],
];
const HISTORY: Record<string, readonly (readonly [string, number])[]> = {
  '330108': [['330108', 1996], ...XIAOSHAN],
  '330109': XIAOSHAN,
  '330110': YUHANG,
  '330111': [
    ['330111', 2014],
    ['330183', 1994],
    ['330123', 0],
  ],
  '330112': [
    ['330112', 2017],
    ['330185', 1996],
    ['330124', 0],
  ],
  '330113': [['330113', 2021], ...YUHANG],
  '330182': [
    ['330182', 1992],
    ['330126', 0],
  ],
};

// The 2021 reform merged 下城 into 拱墅, most of 江干 into 上城, and 下沙 (江干) with 大江东 (萧山) into 钱塘.
const MERGED_2021: Record<string, readonly (readonly [string, number])[]> = {
  '330102': [
    ['330102', 0.55],
    ['330104', 0.45],
  ],
  '330105': [
    ['330105', 0.45],
    ['330103', 0.55],
  ],
  '330114': [
    ['330104', 0.5],
    ['XIAOSHAN', 0.5],
  ],
};

/**
 * The area code a person registered in `districtCode` got when their number was assigned:
 * at birth for the young, around 1985 for those who received the first-generation card.
 */
export function localAreaCode(rng: Random, districtCode: string, birthYear: number): string {
  const year = Math.max(birthYear, 1985);
  let code = districtCode;
  if (year < 2021 && MERGED_2021[districtCode]) {
    const options = MERGED_2021[districtCode];
    code = rng.weighted(
      options.map(([c]) => c),
      options.map(([, w]) => w),
    );
    if (code === 'XIAOSHAN') return fromHistory(XIAOSHAN, year);
    return code;
  }
  const history = HISTORY[code];
  return history ? fromHistory(history, year) : code;
}

function fromHistory(history: readonly (readonly [string, number])[], year: number): string {
  for (const [code, from] of history) if (year >= from) return code;
  return (history[history.length - 1] as readonly [string, number])[0];
}

/**
 * The year each retired Hangzhou ID area code stopped being given out: the first year of the code
 * that replaced it. People born up to that year may carry it for life; nobody born later can.
 */
export function retiredIdAreaCodeYears(): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  const note = (code: string, year: number) => {
    if (!HANGZHOU_ID_AREA_CODES.get(code)?.retired) return;
    out.set(code, Math.min(out.get(code) ?? year, year));
  };
  for (const history of [XIAOSHAN, YUHANG, ...Object.values(HISTORY)]) {
    // Newest first: each entry's predecessor (the next one) ended when this one began.
    for (let i = 0; i + 1 < history.length; i++) {
      const [, from] = history[i] as readonly [string, number];
      note((history[i + 1] as readonly [string, number])[0], from);
    }
  }
  for (const options of Object.values(MERGED_2021)) for (const [code] of options) note(code, 2021);
  return out;
}

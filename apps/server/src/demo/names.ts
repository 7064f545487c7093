import { type Random, weightedTable } from './random.ts';

// Per-mille shares after the national 2020 household-registration ranking, with the surnames that
// are notably commoner in Zhejiang (徐 沈 金 俞 钱 蒋 方 施 …) nudged up for Hangzhou.
const SURNAME_WEIGHTS =
  '王72 李70 张68 刘53 陈60 杨31 黄22 赵20 吴22 周21 徐22 孙13 马12 朱14 胡14 郭11 何12 高11 林11 罗9 ' +
  '郑10 梁8 谢8 宋7 唐7 许8 韩6 冯6 邓6 曹6 彭5 曾5 肖5 田5 董5 袁5 潘6 于4 蒋7 蔡5 余6 杜4 叶7 程5 ' +
  '苏4 魏4 吕4 丁4 任4 沈10 姚4 卢4 姜4 崔3 钟3 谭3 陆6 汪5 范3 金7 石3 廖3 贾3 夏3 韦3 付3 方6 白2 ' +
  '邹2 孟2 熊2 秦2 邱2 江3 尹2 薛2 闫2 段2 雷2 侯2 龙2 史2 陶2 黎2 贺2 顾4 毛3 郝2 龚2 邵3 万2 钱5 ' +
  '严2 覃1 武2 戴3 莫2 孔2 向1 汤2 俞4 楼3 施3 倪2 童2 应2 项2 傅3 葛2 章3 鲍1 柴1 屠1 裘1';

// Compound surnames are rare (well under 0.1% together) but must exist for name parsers to meet them.
const COMPOUND_WEIGHTS = '欧阳0.4 司马0.1 诸葛0.08 上官0.06 东方0.03 皇甫0.03 令狐0.02 慕容0.02';

function parseWeights(spec: string): [string, number][] {
  return spec
    .split(' ')
    .filter(Boolean)
    .map((tok) => {
      const m = /^(\D+)([\d.]+)$/.exec(tok);
      if (!m) throw new Error(`bad weight token ${tok}`);
      return [m[1] as string, Number(m[2])];
    });
}

const SURNAMES = weightedTable([...parseWeights(SURNAME_WEIGHTS), ...parseWeights(COMPOUND_WEIGHTS)]);

export const SURNAME_LIST: readonly string[] = SURNAMES.items;

export type Gender = '男' | '女';
type Era = 'old' | 'mid' | 'young';

// Naming fashions changed a lot: 建国 and 秀英 belong to grandparents, 子轩 and 梓涵 to grandchildren.
const GIVEN: Record<Gender, Record<Era, { chars: string; whole: string }>> = {
  男: {
    old: {
      chars: '国建华明军平德文志荣福金海林春庆忠兴仁祥宝根生富昌',
      whole: '建国 国庆 建华 建平 建军 志明 国强 德明 金根 荣华 福生 永康 国华 建新 卫东 文华 振华 伟民',
    },
    mid: {
      chars: '伟强磊军勇杰涛斌超明刚辉鹏华飞波峰建俊晓东亮锋健斌',
      whole: '晓东 海峰 志强 建锋 俊杰 晓明 海涛 国栋 文斌 永刚 伟杰 剑锋 立新 海波 建伟 晓峰 杭军',
    },
    young: {
      chars: '浩宇轩泽睿博然晨皓铭诚逸辰航昊哲霖凯俊杰阳煜瀚',
      whole: '子轩 浩然 宇航 梓睿 一诺 俊熙 思远 博文 睿泽 皓轩 子墨 逸辰 嘉诚 明哲 铭泽 天佑 沐阳',
    },
  },
  女: {
    old: {
      chars: '秀英兰珍芳华玉凤琴娟梅桂素美月云翠菊琼',
      whole: '秀英 桂英 秀兰 玉兰 淑珍 凤英 美华 月娥 桂芳 金凤 秀珍 玉珍 彩娟 素琴 爱华 菊芳',
    },
    mid: {
      chars: '芳娜敏静丽艳娟霞燕玲婷雪琳颖倩慧莉萍红梅丹洁晶',
      whole: '丽娟 晓燕 海燕 雪梅 慧敏 丽萍 晓丽 静怡 婷婷 佳佳 晓红 燕萍 丽君 文静 晓敏 琳琳 亚萍',
    },
    young: {
      chars: '涵萱怡琪欣妍悦彤诗雨馨可梓瑶思嘉若依语汐沫芮',
      whole: '梓涵 一诺 欣怡 诗涵 雨桐 可馨 子涵 思彤 语嫣 梦琪 佳怡 若汐 依诺 雨萱 艺涵 嘉怡 安琪',
    },
  },
};

function eraOf(birthYear: number): Era {
  if (birthYear < 1970) return 'old';
  if (birthYear < 1995) return 'mid';
  return 'young';
}

// One-character given names were common among the old and the 1980s, rarer now that duplicate names are a nuisance.
const SINGLE_SHARE: Record<Era, number> = { old: 0.3, mid: 0.35, young: 0.12 };

const wholeCache = new Map<string, string[]>();
function wholeNames(spec: string): string[] {
  let list = wholeCache.get(spec);
  if (!list) {
    list = spec.split(' ');
    wholeCache.set(spec, list);
  }
  return list;
}

/** A surname drawn by frequency. */
export function pickSurname(rng: Random): string {
  return SURNAMES.pick(rng);
}

/** A given name of one or two characters from the pool of the person's gender and birth cohort. */
export function pickGivenName(rng: Random, gender: Gender, birthYear: number): string {
  const era = eraOf(birthYear);
  const pool = GIVEN[gender][era];
  if (rng.chance(SINGLE_SHARE[era])) return pool.chars[rng.int(0, pool.chars.length - 1)] as string;
  if (rng.chance(0.5)) return rng.pick(wholeNames(pool.whole));
  const a = pool.chars[rng.int(0, pool.chars.length - 1)] as string;
  let b = a;
  while (b === a) b = pool.chars[rng.int(0, pool.chars.length - 1)] as string;
  return a + b;
}

/** A full name; the surname is passed in when it is inherited from a parent. */
export function personName(
  rng: Random,
  gender: Gender,
  birthYear: number,
  surname = pickSurname(rng),
): string {
  return surname + pickGivenName(rng, gender, birthYear);
}

// 字号 (trade names) are built from two auspicious or local syllables, giving ~1,600 combinations.
const TRADE_FIRST = '恒华宏瑞鼎永天海中新汇启西钱之云数星博锦泰和聚众浙盛嘉兴祥立安德康正信达明诚';
const TRADE_SECOND = '达信泰丰盛鑫域纳澳锐通明子江湖栖澜辰远程业源邦创华晟联航宇川腾越辉利元禾';

/** A two-character 字号; `杭州` sometimes precedes it as the place name the rules ask for. */
export function tradeName(rng: Random): string {
  const a = TRADE_FIRST[rng.int(0, TRADE_FIRST.length - 1)] as string;
  let b = a;
  while (b === a) b = TRADE_SECOND[rng.int(0, TRADE_SECOND.length - 1)] as string;
  return a + b;
}

export type EnterpriseForm = '有限责任公司' | '股份有限公司' | '个体工商户' | '农民专业合作社';

/**
 * A name in the 行政区划 + 字号 + 行业 + 组织形式 order the registration rules require. Individual
 * businesses carry the `（个体工商户）` suffix required since 2022; cooperatives name their county.
 */
export function enterpriseName(
  rng: Random,
  form: EnterpriseForm,
  keyword: string,
  districtName: string,
): string {
  const trade = tradeName(rng);
  switch (form) {
    case '有限责任公司':
      return rng.chance(0.85) ? `杭州${trade}${keyword}有限公司` : `${trade}（杭州）${keyword}有限公司`;
    case '股份有限公司':
      return `${rng.chance(0.7) ? '杭州' : '浙江'}${trade}${keyword}股份有限公司`;
    case '个体工商户':
      return `${districtName}${trade}${keyword}（个体工商户）`;
    case '农民专业合作社':
      return `${districtName}${trade}${keyword}专业合作社`;
  }
}

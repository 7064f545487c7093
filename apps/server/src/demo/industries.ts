import { weightedTable } from './random.ts';

export type IndustrySection = {
  /** GB/T 4754-2017 门类 letter. */
  code: string;
  name: string;
  /** Words that go between 字号 and the legal form of a company. */
  companyWords: readonly string[];
  /** Words for individual businesses (shops) and cooperatives, where the section has them. */
  shopWords: readonly string[];
};

// The 20 sections of GB/T 4754-2017 (国民经济行业分类).
export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  {
    code: 'A',
    name: '农、林、牧、渔业',
    companyWords: ['农业开发', '生态农业', '茶业'],
    shopWords: ['茶叶', '果蔬', '水产养殖', '竹笋'],
  },
  { code: 'B', name: '采矿业', companyWords: ['矿业', '石料'], shopWords: [] },
  {
    code: 'C',
    name: '制造业',
    companyWords: ['机械', '电子', '服饰', '纺织', '新材料', '智能装备', '食品'],
    shopWords: ['服装加工', '五金加工'],
  },
  {
    code: 'D',
    name: '电力、热力、燃气及水生产和供应业',
    companyWords: ['能源', '新能源', '燃气'],
    shopWords: [],
  },
  {
    code: 'E',
    name: '建筑业',
    companyWords: ['建设', '建筑工程', '装饰工程', '市政工程'],
    shopWords: ['装修队'],
  },
  {
    code: 'F',
    name: '批发和零售业',
    companyWords: ['贸易', '商贸', '电子商务', '进出口'],
    shopWords: ['便利店', '超市', '服装店', '烟酒店', '水果店'],
  },
  {
    code: 'G',
    name: '交通运输、仓储和邮政业',
    companyWords: ['物流', '供应链', '运输'],
    shopWords: ['货运部', '快递服务部'],
  },
  {
    code: 'H',
    name: '住宿和餐饮业',
    companyWords: ['餐饮管理', '酒店管理'],
    shopWords: ['小吃店', '面馆', '餐馆', '民宿'],
  },
  {
    code: 'I',
    name: '信息传输、软件和信息技术服务业',
    companyWords: ['科技', '网络科技', '信息技术', '软件', '数据科技'],
    shopWords: ['电脑维修部'],
  },
  { code: 'J', name: '金融业', companyWords: ['投资管理', '资产管理', '融资租赁'], shopWords: [] },
  { code: 'K', name: '房地产业', companyWords: ['房地产开发', '物业管理', '置业'], shopWords: ['房产中介'] },
  {
    code: 'L',
    name: '租赁和商务服务业',
    companyWords: ['企业管理咨询', '文化传媒', '人力资源', '会展服务'],
    shopWords: ['广告部', '图文店'],
  },
  {
    code: 'M',
    name: '科学研究和技术服务业',
    companyWords: ['生物科技', '检测技术', '工程设计', '环保科技'],
    shopWords: [],
  },
  {
    code: 'N',
    name: '水利、环境和公共设施管理业',
    companyWords: ['环境工程', '园林绿化', '市容环境'],
    shopWords: ['保洁服务部'],
  },
  {
    code: 'O',
    name: '居民服务、修理和其他服务业',
    companyWords: ['家政服务', '汽车服务'],
    shopWords: ['理发店', '洗衣店', '修理部', '家政服务部'],
  },
  { code: 'P', name: '教育', companyWords: ['教育科技', '培训'], shopWords: ['托管服务部'] },
  {
    code: 'Q',
    name: '卫生和社会工作',
    companyWords: ['医疗科技', '健康管理', '养老服务'],
    shopWords: ['诊所', '推拿店'],
  },
  {
    code: 'R',
    name: '文化、体育和娱乐业',
    companyWords: ['文化创意', '影视', '体育发展', '动漫'],
    shopWords: ['棋牌室', '健身房'],
  },
  { code: 'S', name: '公共管理、社会保障和社会组织', companyWords: ['社会服务'], shopWords: [] },
  { code: 'T', name: '国际组织', companyWords: ['国际交流'], shopWords: [] },
];

const byCode = new Map(INDUSTRY_SECTIONS.map((s) => [s.code, s]));

/** The section for a letter; throws on a letter GB/T 4754 does not have. */
export function getIndustrySection(code: string): IndustrySection {
  const s = byCode.get(code);
  if (!s) throw new Error(`unknown GB/T 4754 section ${code}`);
  return s;
}

// Hangzhou's register is dominated by trade, IT and business services; S and T barely register companies.
export const COMPANY_INDUSTRIES = weightedTable<IndustrySection>(
  (
    [
      ['A', 2],
      ['B', 0.1],
      ['C', 12],
      ['D', 0.6],
      ['E', 6],
      ['F', 30],
      ['G', 4],
      ['H', 3],
      ['I', 14],
      ['J', 1.5],
      ['K', 2.5],
      ['L', 11],
      ['M', 7],
      ['N', 1],
      ['O', 2],
      ['P', 1.5],
      ['Q', 0.8],
      ['R', 2.5],
      ['S', 0.05],
      ['T', 0.01],
    ] as const
  ).map(([c, w]) => [getIndustrySection(c), w] as const),
);

// Individual businesses are shops: retail and food first. Only sections with shop words qualify.
export const SHOP_INDUSTRIES = weightedTable<IndustrySection>(
  (
    [
      ['C', 3],
      ['E', 2],
      ['F', 45],
      ['G', 5],
      ['H', 22],
      ['I', 2],
      ['K', 2],
      ['L', 3],
      ['N', 1],
      ['O', 12],
      ['P', 1],
      ['Q', 1],
      ['R', 1],
    ] as const
  ).map(([c, w]) => [getIndustrySection(c), w] as const),
);

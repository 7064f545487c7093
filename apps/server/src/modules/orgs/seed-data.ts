import { creditCodeCheckChar } from '../../platform/formats.ts';

/** The city's main departments (数据资源局 runs the platform). Codes are made valid GB 32100 codes. */
export const cityDepartments: {
  key: string;
  name: string;
  nameEn: string;
  type: 'platform' | 'department';
}[] = [
  {
    key: 'data',
    name: '杭州市数据资源管理局',
    nameEn: 'Hangzhou Data Resources Administration',
    type: 'platform',
  },
  { key: 'police', name: '杭州市公安局', nameEn: 'Hangzhou Public Security Bureau', type: 'department' },
  { key: 'civil', name: '杭州市民政局', nameEn: 'Hangzhou Civil Affairs Bureau', type: 'department' },
  { key: 'health', name: '杭州市卫生健康委员会', nameEn: 'Hangzhou Health Commission', type: 'department' },
  {
    key: 'hrss',
    name: '杭州市人力资源和社会保障局',
    nameEn: 'Hangzhou Human Resources and Social Security Bureau',
    type: 'department',
  },
  {
    key: 'market',
    name: '杭州市市场监督管理局',
    nameEn: 'Hangzhou Administration for Market Regulation',
    type: 'department',
  },
  {
    key: 'housing',
    name: '杭州市城乡建设委员会',
    nameEn: 'Hangzhou Urban-Rural Development Commission',
    type: 'department',
  },
  {
    key: 'land',
    name: '杭州市规划和自然资源局',
    nameEn: 'Hangzhou Planning and Natural Resources Bureau',
    type: 'department',
  },
  { key: 'education', name: '杭州市教育局', nameEn: 'Hangzhou Education Bureau', type: 'department' },
  { key: 'transport', name: '杭州市交通运输局', nameEn: 'Hangzhou Transport Bureau', type: 'department' },
  {
    key: 'ecology',
    name: '杭州市生态环境局',
    nameEn: 'Hangzhou Ecology and Environment Bureau',
    type: 'department',
  },
  {
    key: 'emergency',
    name: '杭州市应急管理局',
    nameEn: 'Hangzhou Emergency Management Bureau',
    type: 'department',
  },
  { key: 'urban', name: '杭州市城市管理局', nameEn: 'Hangzhou Urban Management Bureau', type: 'department' },
];

/**
 * A deterministic, checksum-valid code for a government organ: registration authority 1 (机构编制),
 * category 1 (机关), the county-level area code, then the street part of the area and a serial,
 * standing in for the organisation code.
 */
export function organCode(areaCode: string, serial: number): string {
  const street = areaCode.slice(6, 9).padEnd(3, '0');
  const body = `11${areaCode.slice(0, 6)}MB${street}${String(serial).padStart(4, '0')}`;
  return body + creditCodeCheckChar(body);
}

/** English names of Hangzhou's districts and counties, for their governments' English names. */
export const districtEnglish: Record<string, string> = {
  '330102': 'Shangcheng District',
  '330105': 'Gongshu District',
  '330106': 'Xihu District',
  '330108': 'Binjiang District',
  '330109': 'Xiaoshan District',
  '330110': 'Yuhang District',
  '330111': 'Fuyang District',
  '330112': "Lin'an District",
  '330113': 'Linping District',
  '330114': 'Qiantang District',
  '330122': 'Tonglu County',
  '330127': "Chun'an County",
  '330182': 'Jiande City',
};

import { dayOf, isoOfDay } from '../dates.ts';
import { digits, scatter } from '../world/codes.ts';
import { districtShort, placeName, roadAddress } from '../world/facilities.ts';
import { contact, dayBetween, enterpriseNameVariant, F, pointIn, yearsAfter } from './common.ts';
import { type DemoDataset, entry, field, key } from './types.ts';

const ecology = contact('生态环境局信息中心', 'st-data', '0571-87210000');
const emergency = contact('应急管理局信息中心', 'yj-data', '0571-87060110');

// HJ 633-2012 AQI bands.
const LEVELS: [number, string][] = [
  [50, '优'],
  [100, '良'],
  [150, '轻度污染'],
  [200, '中度污染'],
  [300, '重度污染'],
  [Number.POSITIVE_INFINITY, '严重污染'],
];

const CHEMICALS = [
  '汽油、柴油',
  '盐酸、硫酸、氢氧化钠',
  '乙醇、丙酮、乙酸乙酯',
  '液化石油气',
  '油漆、稀释剂',
];
const SHELTER_PLACES = ['中心公园', '文化广场', '体育中心', '中学操场', '小学操场', '文体中心'];

/** 杭州市生态环境局 (discharge permits, air quality) and 应急管理局 (hazardous chemicals, shelters). */
export const environmentDatasets: DemoDataset[] = [
  {
    owner: { department: 'ecology' },
    entry: entry(
      {
        code: 'ST-PW-001',
        name: '排污许可证信息',
        nameEn: 'Pollutant discharge permits',
        description: '排污单位的排污许可证（每个排污单位一证）：管理类别、主要污染物、发证与有效期。',
        sourceSystem: '全国排污许可证管理信息平台',
        theme: 'environment',
        updateFrequency: 'weekly',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['生态环境', '排污许可', '开放数据'],
        fields: [
          F.creditCode('credit_code', '统一社会信用代码', true),
          field('permit_no', '许可证编号', 'string'),
          F.enterpriseName('unit_name', '单位名称'),
          field('industry', '行业类别', 'string'),
          field('management', '管理类别', 'string'),
          field('pollutants', '主要污染物', 'string'),
          F.date('issued_on', '发证日期'),
          F.date('valid_until', '有效期至'),
        ],
      },
      ecology,
    ),
    rows: {
      *enterprise(u, rng, w) {
        const e = u.enterprise;
        if (e.industry_code !== 'C' || e.enterprise_type === '个体工商户' || !u.active || !rng.chance(0.5))
          return;
        const issued = dayBetween(rng, '2020-01-01', isoOfDay(w.asOfDay));
        yield {
          credit_code: e.credit_code,
          // The credit code, a serial and a check letter, as the national platform numbers them.
          permit_no: `${e.credit_code}001${'PQUVWXY'[rng.int(0, 6)]}`,
          unit_name: e.name,
          industry: e.industry_name,
          management: rng.weighted(['重点管理', '简化管理', '登记管理'], [10, 30, 60]),
          pollutants: rng.pick([
            '化学需氧量、氨氮',
            '颗粒物、二氧化硫、氮氧化物',
            '挥发性有机物',
            '化学需氧量、总磷',
          ]),
          issued_on: issued,
          valid_until: yearsAfter(issued, 5),
        };
      },
    },
    conflict: { rate: 0.04, key: 'credit_code', field: 'unit_name', alternative: enterpriseNameVariant },
  },
  {
    owner: { department: 'ecology' },
    entry: entry(
      {
        code: 'ST-KQ-001',
        name: '环境空气质量监测日报',
        nameEn: 'Daily air quality by monitoring station',
        description:
          '各区县国控、省控环境空气自动监测站的日均值：AQI、六项污染物浓度、首要污染物与质量级别。',
        sourceSystem: '杭州市环境空气质量自动监测系统',
        theme: 'environment',
        updateFrequency: 'daily',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['空气质量', '监测', '开放数据'],
        fields: [
          key('station_code', '监测站编码'),
          field('monitor_date', '监测日期', 'date', { key: true }),
          field('station_name', '监测站名称', 'string'),
          field('district', '所在区县', 'string'),
          F.count('aqi', '空气质量指数', 'AQI'),
          F.count('pm25', 'PM2.5', 'μg/m³'),
          F.count('pm10', 'PM10', 'μg/m³'),
          F.count('o3', '臭氧8小时', 'μg/m³'),
          F.count('no2', '二氧化氮', 'μg/m³'),
          F.count('so2', '二氧化硫', 'μg/m³'),
          field('co', '一氧化碳', 'decimal', { unit: 'mg/m³' }),
          field('primary_pollutant', '首要污染物', 'string'),
          field('quality', '质量级别', 'string'),
        ],
      },
      ecology,
    ),
    rows: {
      *reference(w, rng) {
        for (const d of w.divisions.districts) {
          for (let day = w.asOfDay - 364; day <= w.asOfDay; day++) {
            // Winter haze, summer ozone: a seasonal swing around Hangzhou's annual means.
            const season = Math.cos(((day - dayOf('2025-01-10')) / 365.25) * 2 * Math.PI);
            const pm25 = Math.max(5, Math.round(rng.normal(30 + 18 * season, 10)));
            const o3 = Math.max(20, Math.round(rng.normal(100 - 45 * season, 28)));
            const pm10 = Math.max(pm25 + 5, Math.round(pm25 * (1.5 + rng.next() * 0.4)));
            const aqi = Math.max(iaqiPm25(pm25), iaqiO3(o3));
            const level = LEVELS.find(([max]) => aqi <= max)?.[1] as string;
            yield {
              station_code: `${d.code}001`,
              monitor_date: isoOfDay(day),
              station_name: `${districtShort(d.name)}监测站`,
              district: d.name,
              aqi,
              pm25,
              pm10,
              o3,
              no2: Math.max(5, Math.round(rng.normal(32 + 8 * season, 8))),
              so2: Math.max(2, Math.round(rng.normal(6, 2))),
              co: Math.max(0.2, rng.normal(0.7 + 0.15 * season, 0.15)).toFixed(1),
              primary_pollutant: aqi <= 50 ? '—' : iaqiPm25(pm25) >= iaqiO3(o3) ? 'PM2.5' : 'O3_8h',
              quality: level,
            };
          }
        }
      },
    },
    defects: { rates: { missing: 0.01 }, key: 'station_code', missingFields: ['pm10', 'o3', 'no2'] },
  },
  {
    owner: { department: 'emergency' },
    entry: entry(
      {
        code: 'YJ-WH-001',
        name: '危险化学品经营许可信息',
        nameEn: 'Hazardous chemicals trading licences',
        description: '危险化学品经营许可证：许可范围、经营品种、发证与有效期。',
        sourceSystem: '浙江省危险化学品安全生产风险监测预警系统',
        theme: 'urban',
        updateFrequency: 'weekly',
        shareType: 'unconditional',
        openType: 'conditional',
        level: 'L2',
        tags: ['安全生产', '危险化学品', '许可'],
        fields: [
          key('licence_no', '许可证编号'),
          F.creditCode(),
          F.enterpriseName('name', '企业名称'),
          field('scope', '许可范围', 'string'),
          field('chemicals', '经营品种', 'string'),
          F.date('issued_on', '发证日期'),
          F.date('valid_until', '有效期至'),
        ],
      },
      emergency,
    ),
    rows: {
      *enterprise(u, rng, w) {
        const e = u.enterprise;
        const trade = e.industry_code === 'F' || e.industry_code === 'C';
        if (!trade || e.enterprise_type === '个体工商户' || !u.active || !rng.chance(0.05)) return;
        const issued = dayBetween(rng, isoOfDay(w.asOfDay - 3 * 365 + 20), isoOfDay(w.asOfDay));
        yield {
          licence_no: '',
          credit_code: e.credit_code,
          name: e.name,
          scope: rng.chance(0.8) ? '不带储存经营' : '带储存经营',
          chemicals: rng.pick(CHEMICALS),
          issued_on: issued,
          valid_until: yearsAfter(issued, 3),
        };
      },
    },
    serial: {
      field: 'licence_no',
      format: (n, row) =>
        `浙杭安经字〔${String(row.issued_on).slice(0, 4)}〕${digits(scatter(n, 10 ** 6, 7_919, 1_010), 6)}`,
    },
  },
  {
    owner: { department: 'emergency' },
    entry: entry(
      {
        code: 'YJ-BN-001',
        name: '应急避难场所',
        nameEn: 'Emergency shelters',
        description: '各街道（乡镇）应急避难场所的类别、容纳人数、面积、地址与坐标（GCJ-02）。',
        sourceSystem: '杭州市应急管理综合应用平台',
        theme: 'urban',
        updateFrequency: 'yearly',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['应急', '避难场所', '开放数据'],
        fields: [
          key('site_code', '场所编码'),
          field('name', '场所名称', 'string'),
          field('category', '场所类别', 'string'),
          F.count('capacity', '可容纳人数', '人'),
          F.count('area_m2', '有效避难面积', '平方米'),
          field('address', '地址', 'string'),
          field('district', '所在区县', 'string'),
          field('street', '所在街道', 'string'),
          F.lng(),
          F.lat(),
        ],
      },
      emergency,
    ),
    rows: {
      *reference(w, rng) {
        for (const d of w.divisions.districts) {
          for (const s of d.streets) {
            const places = rng.int(1, 3);
            const first = rng.int(0, SHELTER_PLACES.length - 1);
            for (let i = 1; i <= places; i++) {
              const area = rng.int(2_000, 60_000);
              yield {
                site_code: `${s.code}${digits(i, 2)}`,
                name: `${placeName(s.name)}${SHELTER_PLACES[(first + i) % SHELTER_PLACES.length]}应急避难场所`,
                category: area > 30_000 ? 'Ⅰ类' : area > 10_000 ? 'Ⅱ类' : 'Ⅲ类',
                capacity: Math.round(area / 1.5),
                area_m2: area,
                address: roadAddress(rng, s),
                district: d.name,
                street: s.name,
                ...pointIn(rng, d.code),
              };
            }
          }
        }
      },
    },
  },
];

/** Individual AQI of a 24-hour PM2.5 mean (HJ 633 breakpoints). */
function iaqiPm25(c: number): number {
  return piecewise(c, [0, 35, 75, 115, 150, 250, 350, 500]);
}

/** Individual AQI of an 8-hour ozone mean. */
function iaqiO3(c: number): number {
  return piecewise(c, [0, 100, 160, 215, 265, 800, 800, 800]);
}

function piecewise(c: number, breaks: number[]): number {
  const iaqi = [0, 50, 100, 150, 200, 300, 400, 500];
  for (let i = 1; i < breaks.length; i++) {
    const hi = breaks[i] as number;
    const lo = breaks[i - 1] as number;
    if (c <= hi && hi > lo) {
      const a = iaqi[i - 1] as number;
      const b = iaqi[i] as number;
      return Math.round(a + ((b - a) * (c - lo)) / (hi - lo));
    }
  }
  return 500;
}

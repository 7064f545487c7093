import { isoOfDay } from '../dates.ts';
import { addressVariant, contact, F, pointIn } from './common.ts';
import { type DemoDataset, entry, field, key } from './types.ts';

const owner = { department: 'data' };
const desk = contact('数据资源管理局数据资源处', 'sj-data', '0571-85250123');

/** 杭州市数据资源管理局: the unified address registry and statistics published as open data. */
export const dataBureauDatasets: DemoDataset[] = [
  {
    owner,
    entry: entry(
      {
        code: 'SJ-DZ-001',
        name: '标准地址库（门楼牌与户室）',
        nameEn: 'Unified address registry',
        description: '统一地址库的标准地址：区县、街道、社区、道路门牌、幢、单元与户室，带坐标（GCJ-02）。',
        sourceSystem: '杭州市统一地址库',
        theme: 'geography',
        updateFrequency: 'daily',
        shareType: 'unconditional',
        openType: 'none',
        level: 'L2',
        tags: ['地址', '基础库', '时空'],
        fields: [
          key('address_code', '地址编码'),
          F.address('address', '标准地址', 'HOUSE_LOCATION'),
          field('district', '区县', 'string'),
          field('street', '街道（乡镇）', 'string'),
          field('community', '社区（村）', 'string'),
          field('community_code', '社区代码', 'string'),
          field('road', '道路（村民小组）', 'string'),
          field('door_number', '门牌号', 'string'),
          field('building', '幢', 'integer'),
          field('unit', '单元', 'integer'),
          field('room', '室', 'string'),
          F.lng(),
          F.lat(),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng) {
        const h = u.house;
        if (!h) return;
        const a = u.household.address;
        yield {
          address_code: h.unit_id,
          address: a.text,
          district: a.district,
          street: a.street,
          community: a.community,
          community_code: a.communityCode,
          road: a.road,
          door_number: a.number,
          building: a.building,
          unit: a.unit,
          room: a.room,
          ...pointIn(rng, a.communityCode.slice(0, 6), 0.04),
        };
      },
    },
    // The registry's own spelling of some addresses differs from the property register's.
    conflict: { rate: 0.01, key: 'address_code', field: 'address', alternative: addressVariant },
  },
  {
    owner,
    entry: entry(
      {
        code: 'SJ-TJ-001',
        name: '分社区人口统计',
        nameEn: 'Population by community',
        description: '按社区（村）汇总的常住人口、户籍人口、户数、性别与年龄结构，由人口库统计生成。',
        sourceSystem: '杭州市公共数据平台人口主题库',
        theme: 'population',
        updateFrequency: 'monthly',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['人口', '统计', '开放数据'],
        fields: [
          key('community_code', '社区代码'),
          field('community', '社区（村）', 'string'),
          field('street', '街道（乡镇）', 'string'),
          field('district', '区县', 'string'),
          F.count('residents', '常住人口', '人'),
          F.count('registered', '户籍人口', '人'),
          F.count('households', '常住户数', '户'),
          F.count('male', '男性', '人'),
          F.count('female', '女性', '人'),
          F.count('age_0_17', '0-17岁', '人'),
          F.count('age_18_59', '18-59岁', '人'),
          F.count('age_60_plus', '60岁及以上', '人'),
          F.date('stat_date', '统计日期'),
        ],
      },
      desk,
    ),
    rows: {
      *summary(w) {
        for (const c of w.divisions.communities) {
          const s = w.stats.communities.get(c.code);
          if (!s) continue;
          yield {
            community_code: c.code,
            community: c.name,
            street: c.street.name,
            district: c.district.name,
            residents: s.residents,
            registered: s.registered,
            households: s.households,
            male: s.male,
            female: s.female,
            age_0_17: s.minors,
            age_18_59: s.working,
            age_60_plus: s.elderly,
            stat_date: isoOfDay(w.asOfDay),
          };
        }
      },
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'SJ-TJ-002',
        name: '分区县市场主体统计',
        nameEn: 'Market entities by district and type',
        description: '按区县和市场主体类型汇总的存续、注销（吊销）户数与存续主体注册资本，由法人库统计生成。',
        sourceSystem: '杭州市公共数据平台法人主题库',
        theme: 'economy',
        updateFrequency: 'monthly',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['法人', '统计', '经济', '开放数据'],
        fields: [
          key('district_code', '区县代码'),
          field('enterprise_type', '市场主体类型', 'string', { key: true }),
          field('district', '区县', 'string'),
          F.count('active', '存续户数', '户'),
          F.count('closed', '注销（吊销）户数', '户'),
          F.count('capital_10k', '存续主体注册资本', '万元'),
        ],
      },
      desk,
    ),
    rows: {
      *summary(w) {
        for (const [k, c] of [...w.stats.enterprises.entries()].sort(([a], [b]) => a.localeCompare(b))) {
          const [districtCode, type] = k.split('|') as [string, string];
          yield {
            district_code: districtCode,
            enterprise_type: type,
            district: w.divisions.districts.find((d) => d.code === districtCode)?.name ?? null,
            active: c.active,
            closed: c.closed,
            capital_10k: Math.round(c.capital / 10_000),
          };
        }
      },
    },
  },
];

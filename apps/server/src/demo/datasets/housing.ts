import { dayOf, isoOfDay } from '../dates.ts';
import { tradeName } from '../names.ts';
import { digits, scatter } from '../world/codes.ts';
import { roadAddress } from '../world/facilities.ts';
import { addressVariant, contact, dayBetween, enterpriseNameVariant, F, yearsAfter } from './common.ts';
import { type DemoDataset, entry, field, key } from './types.ts';

const desk = contact('城乡建设委员会信息中心', 'js-data', '0571-87060000');
const landDesk = contact('规划和自然资源局不动产登记中心', 'zr-data', '0571-85080000');

/** Average new-home prices by district in 2025, yuan per m². */
export const PRICE_PER_M2: Record<string, number> = {
  '330102': 60_000,
  '330105': 50_000,
  '330106': 55_000,
  '330108': 60_000,
  '330109': 30_000,
  '330110': 35_000,
  '330111': 20_000,
  '330112': 16_000,
  '330113': 28_000,
  '330114': 25_000,
  '330122': 12_000,
  '330127': 10_000,
  '330182': 9_000,
};

const BANKS = [
  '中国工商银行股份有限公司杭州分行',
  '中国建设银行股份有限公司杭州分行',
  '中国农业银行股份有限公司杭州分行',
  '中国银行股份有限公司杭州市分行',
  '杭州银行股份有限公司',
  '浙江杭州余杭农村商业银行股份有限公司',
  '招商银行股份有限公司杭州分行',
];

const QUALIFICATIONS = [
  '建筑工程施工总承包三级',
  '建筑工程施工总承包二级',
  '市政公用工程施工总承包三级',
  '建筑装修装饰工程专业承包二级',
  '地基基础工程专业承包三级',
  '施工劳务不分等级',
];

const COMPOUND_SUFFIXES = ['花园', '苑', '小区', '家园', '公寓', '新村', '府', '里'];

/** 杭州市城乡建设委员会 (contracts, compounds, contractors) and 规划和自然资源局 (the property register). */
export const housingDatasets: DemoDataset[] = [
  {
    owner: { department: 'housing' },
    entry: entry(
      {
        code: 'JS-WQ-001',
        name: '商品房买卖合同网签备案信息',
        nameEn: 'Filed contracts for new-home sales',
        description: '商品房买卖合同网上签约与备案：房屋、买受人、出卖人（开发企业）、面积与成交总价。',
        sourceSystem: '杭州市房产交易管理系统',
        theme: 'housing',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['房屋', '交易', '网签'],
        fields: [
          key('contract_no', '合同备案号'),
          field('unit_id', '不动产单元号', 'string'),
          F.address('location', '房屋坐落', 'HOUSE_LOCATION'),
          F.idNumber('buyer_id_number', '买受人公民身份号码'),
          F.personName('buyer_name', '买受人姓名'),
          field('floor_area_m2', '建筑面积', 'decimal', { unit: '平方米' }),
          F.money('total_price', '成交总价'),
          F.creditCode('developer_credit_code', '出卖人统一社会信用代码'),
          F.enterpriseName('developer_name', '出卖人名称'),
          F.date('signed_on', '签约日期'),
          F.date('filed_on', '备案日期'),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        const h = u.house;
        if (!h || h.building === null || h.registered_on < '2016-06-01' || !rng.chance(0.35)) return;
        const developer = w.pickEmployer(rng);
        const signed = dayBetween(
          rng,
          isoOfDay(dayOf(h.registered_on) - 700),
          isoOfDay(dayOf(h.registered_on) - 60),
        );
        const price = PRICE_PER_M2[h.community_code.slice(0, 6)] ?? 20_000;
        yield {
          contract_no: '',
          unit_id: h.unit_id,
          location: h.address,
          buyer_id_number: h.owner_id_number,
          buyer_name: h.owner_name,
          floor_area_m2: h.floor_area_m2.toFixed(2),
          total_price: Math.round((h.floor_area_m2 * price * (0.8 + rng.next() * 0.4)) / 100) * 100,
          developer_credit_code: developer?.credit_code ?? null,
          developer_name: developer?.name ?? null,
          signed_on: signed,
          filed_on: isoOfDay(dayOf(signed) + rng.int(1, 30)),
        };
      },
    },
    serial: {
      field: 'contract_no',
      format: (n, row) =>
        `WQ${String(row.signed_on).slice(0, 4)}${digits(scatter(n, 10 ** 8, 7_919, 2_718), 8)}`,
    },
    conflict: { rate: 0.02, key: 'unit_id', field: 'location', alternative: addressVariant },
    defects: {
      rates: { bad_checksum: 0.002 },
      key: 'unit_id',
      checksumFields: { buyer_id_number: 'resident-id' },
    },
  },
  {
    owner: { department: 'housing' },
    entry: entry(
      {
        code: 'JS-XQ-001',
        name: '住宅小区名录',
        nameEn: 'Residential compounds',
        description: '城镇住宅小区的名称、地址、所在社区、建成年代、楼栋与户数、物业服务企业。',
        sourceSystem: '杭州市物业管理信息平台',
        theme: 'housing',
        updateFrequency: 'quarterly',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['房屋', '小区', '物业', '开放数据'],
        fields: [
          key('compound_code', '小区编码'),
          field('name', '小区名称', 'string'),
          field('address', '地址', 'string'),
          field('district', '所在区县', 'string'),
          field('street', '所在街道', 'string'),
          field('community', '所在社区', 'string'),
          field('community_code', '社区代码', 'string'),
          F.count('built_year', '建成年份', '年'),
          F.count('buildings', '楼栋数', '幢'),
          F.count('dwellings', '住宅套数', '套'),
          field('property_company', '物业服务企业', 'string'),
        ],
      },
      desk,
    ),
    rows: {
      *reference(w, rng) {
        for (const c of w.divisions.communities) {
          if (c.rural) continue;
          const n = rng.int(1, 3);
          for (let i = 1; i <= n; i++) {
            const buildings = rng.int(4, 40);
            yield {
              compound_code: `${c.code}${digits(i, 2)}`,
              name: `${tradeName(rng)}${rng.pick(COMPOUND_SUFFIXES)}`,
              address: roadAddress(rng, c.street),
              district: c.district.name,
              street: c.street.name,
              community: c.name,
              community_code: c.code,
              built_year: rng.int(1985, 2023),
              buildings,
              dwellings: buildings * rng.int(24, 160),
              property_company: `杭州${tradeName(rng)}物业服务有限公司`,
            };
          }
        }
      },
    },
  },
  {
    owner: { department: 'housing' },
    entry: entry(
      {
        code: 'JS-ZZ-001',
        name: '建筑业企业资质信息',
        nameEn: 'Construction enterprise qualifications',
        description: '建筑业企业资质证书：资质类别与等级、发证与有效期。',
        sourceSystem: '浙江省建筑市场监管公共服务平台',
        theme: 'legal_entity',
        updateFrequency: 'weekly',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['建筑业', '资质', '开放数据'],
        fields: [
          key('cert_no', '资质证书编号'),
          F.creditCode(),
          F.enterpriseName('name', '企业名称'),
          field('qualification', '资质类别及等级', 'string'),
          F.date('issued_on', '发证日期'),
          F.date('valid_until', '有效期至'),
          field('status', '证书状态', 'string'),
        ],
      },
      desk,
    ),
    rows: {
      *enterprise(u, rng, w) {
        const e = u.enterprise;
        if (e.industry_code !== 'E' || e.enterprise_type === '个体工商户' || !u.active) return;
        const issued = dayBetween(rng, e.established_on, isoOfDay(w.asOfDay));
        const until = yearsAfter(issued, 5);
        yield {
          cert_no: '',
          credit_code: e.credit_code,
          name: e.name,
          qualification: rng.pick(QUALIFICATIONS),
          issued_on: issued,
          valid_until: until,
          status: dayOf(until) < w.asOfDay ? '已过期' : '有效',
        };
      },
    },
    serial: { field: 'cert_no', format: (n) => `D3${digits(scatter(n, 10 ** 8, 48_271, 5_150), 8)}` },
    conflict: { rate: 0.03, key: 'credit_code', field: 'name', alternative: enterpriseNameVariant },
  },
  {
    owner: { department: 'land' },
    entry: entry(
      {
        code: 'ZR-BDC-001',
        name: '不动产登记信息（房屋）',
        nameEn: 'Property register (dwellings)',
        description:
          '房屋所有权及其占用范围内土地使用权的现势登记，按不动产单元号唯一：权利人、坐落、用途、面积，是房屋坐落数据元的权威来源。',
        sourceSystem: '浙江省不动产登记信息管理平台',
        theme: 'housing',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['不动产', '房屋', '基础库'],
        fields: [
          key('unit_id', '不动产单元号'),
          field('certificate_number', '不动产权证书号', 'string'),
          F.idNumber('owner_id_number', '权利人公民身份号码'),
          F.personName('owner_name', '权利人姓名'),
          F.address('location', '坐落', 'HOUSE_LOCATION'),
          field('usage', '用途', 'string'),
          field('rights_type', '权利类型', 'string'),
          field('floor_area_m2', '建筑面积', 'decimal', { unit: '平方米' }),
          F.count('built_year', '建成年份', '年'),
          F.date('registered_on', '登簿日期'),
          field('community_code', '所在社区代码', 'string'),
          F.updatedAt(),
        ],
      },
      landDesk,
    ),
    rows: {
      *household(u) {
        const h = u.house;
        if (!h) return;
        yield {
          unit_id: h.unit_id,
          certificate_number: h.certificate_number,
          owner_id_number: h.owner_id_number,
          owner_name: h.owner_name,
          location: h.address,
          usage: h.usage,
          rights_type: h.building === null ? '宅基地使用权/房屋所有权' : '国有建设用地使用权/房屋所有权',
          floor_area_m2: h.floor_area_m2.toFixed(2),
          built_year: h.built_year,
          registered_on: h.registered_on,
          community_code: h.community_code,
          updated_at: h.updated_at,
        };
      },
    },
    defects: {
      rates: { duplicate: 0.002, missing: 0.01, bad_checksum: 0.002, stale: 0.01 },
      key: 'unit_id',
      missingFields: ['floor_area_m2', 'built_year'],
      checksumFields: { owner_id_number: 'resident-id' },
      staleField: 'updated_at',
    },
  },
  {
    owner: { department: 'land' },
    entry: entry(
      {
        code: 'ZR-DY-001',
        name: '不动产抵押登记信息',
        nameEn: 'Mortgage registrations',
        description: '以房屋设定抵押权的登记：抵押人、抵押权人、被担保债权数额与债务履行期限。',
        sourceSystem: '浙江省不动产登记信息管理平台',
        theme: 'housing',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['不动产', '抵押', '金融'],
        fields: [
          key('registration_no', '不动产登记证明号'),
          field('certificate_number', '不动产权证书号', 'string'),
          field('unit_id', '不动产单元号', 'string'),
          F.idNumber('mortgagor_id_number', '抵押人公民身份号码'),
          F.personName('mortgagor_name', '抵押人姓名'),
          field('mortgagee', '抵押权人', 'string'),
          F.money('amount', '被担保主债权数额'),
          F.date('term_start', '债务履行起始日期'),
          F.date('term_end', '债务履行结束日期'),
          F.date('registered_on', '登簿日期'),
          field('status', '登记状态', 'string'),
        ],
      },
      landDesk,
    ),
    rows: {
      *household(u, rng, w) {
        const h = u.house;
        if (!h || h.building === null || !rng.chance(0.3)) return;
        const start = dayBetween(rng, h.registered_on, isoOfDay(w.asOfDay));
        const years = rng.pick([10, 15, 20, 25, 30]);
        const price = PRICE_PER_M2[h.community_code.slice(0, 6)] ?? 20_000;
        const released = rng.chance(0.15);
        yield {
          registration_no: '',
          certificate_number: h.certificate_number,
          unit_id: h.unit_id,
          mortgagor_id_number: h.owner_id_number,
          mortgagor_name: h.owner_name,
          mortgagee: rng.pick(BANKS),
          amount: Math.round((h.floor_area_m2 * price * (0.3 + rng.next() * 0.4)) / 10_000) * 10_000,
          term_start: start,
          term_end: yearsAfter(start, years),
          registered_on: isoOfDay(Math.min(w.asOfDay, dayOf(start) + rng.int(0, 20))),
          status: released ? '已注销' : '有效',
        };
      },
    },
    serial: {
      field: 'registration_no',
      format: (n, row) =>
        `浙(${String(row.term_start).slice(0, 4)})杭州市不动产证明第${digits(scatter(n, 10 ** 7, 7_919, 3_331), 7)}号`,
    },
  },
];

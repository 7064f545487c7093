import { isoOfDay } from '../dates.ts';
import { MobileAllocator } from '../mobiles.ts';
import { personName } from '../names.ts';
import { digits, organisationCreditCode, scatter } from '../world/codes.ts';
import { placeName } from '../world/facilities.ts';
import { contact, dayBetween, F, yearsAfter } from './common.ts';
import { type DemoDataset, entry, field, key } from './types.ts';

const XIHU = '330106';
const SHANGCHENG = '330102';
const XIAOSHAN = '330109';
const YUHANG = '330110';
const BINJIANG = '330108';

const POLICIES = [
  '数字经济产业扶持资金',
  '企业研发费用补助',
  '稳岗返还',
  '高层次人才引进补助',
  '专精特新企业奖励',
];
const HIGH_TECH_FIELDS = ['电子信息', '先进制造与自动化', '高技术服务', '新材料', '生物与新医药'];

/** District governments' own datasets: grids, elderly subsidies, village collectives, grants, high-tech firms. */
export const districtDatasets: DemoDataset[] = [
  {
    owner: { district: XIHU },
    entry: entry(
      {
        code: 'XH-WG-001',
        name: '西湖区网格划分及专职网格员',
        nameEn: 'Xihu District grids and grid workers',
        description: '西湖区社区（村）网格的划分与专职网格员，用于基层治理事件的属地分派。',
        sourceSystem: '西湖区基层治理综合信息平台',
        theme: 'urban',
        updateFrequency: 'monthly',
        shareType: 'unconditional',
        openType: 'none',
        level: 'L2',
        tags: ['基层治理', '网格'],
        fields: [
          key('grid_code', '网格编码'),
          field('grid_name', '网格名称', 'string'),
          field('community_code', '社区代码', 'string'),
          field('community', '社区（村）', 'string'),
          field('street', '街道（乡镇）', 'string'),
          F.personName('grid_worker', '专职网格员'),
          F.mobile('worker_mobile', '网格员电话'),
        ],
      },
      contact('西湖区基层治理综合信息指挥中心', 'xh-data', '0571-87960000'),
    ),
    rows: {
      *reference(w, rng) {
        const mobiles = new MobileAllocator(`${w.seed}-grids`);
        for (const c of w.divisions.communities) {
          if (c.district.code !== XIHU) continue;
          const grids = rng.int(2, 6);
          for (let i = 1; i <= grids; i++) {
            yield {
              grid_code: `${c.code}${digits(i, 3)}`,
              grid_name: `${c.name}第${i}网格`,
              community_code: c.code,
              community: c.name,
              street: c.street.name,
              grid_worker: personName(rng, rng.chance(0.6) ? '女' : '男', rng.int(1970, 1998)),
              worker_mobile: mobiles.allocate(rng),
            };
          }
        }
      },
    },
  },
  {
    owner: { district: SHANGCHENG },
    entry: entry(
      {
        code: 'SC-YL-001',
        name: '上城区居家养老服务补贴对象',
        nameEn: 'Shangcheng District home-care subsidy recipients',
        description: '上城区享受居家养老服务补贴的 80 周岁及以上老年人：补贴等级、月标准与服务机构。',
        sourceSystem: '上城区智慧养老服务平台',
        theme: 'society',
        updateFrequency: 'monthly',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['养老', '补贴'],
        fields: [
          F.idNumber('id_number', '公民身份号码', true),
          F.personName(),
          F.gender(),
          F.count('age', '年龄', '岁'),
          field('community', '所在社区', 'string'),
          field('level', '补贴等级', 'string'),
          F.money('monthly_amount', '月补贴标准'),
          field('provider', '服务机构', 'string'),
          F.date('approved_on', '核定日期'),
        ],
      },
      contact('上城区民政局', 'sc-mz', '0571-87820000'),
    ),
    rows: {
      *household(u, rng, w) {
        for (const r of u.residents) {
          if (r.home.district.code !== SHANGCHENG || r.age < 80 || !rng.chance(0.6)) continue;
          const level = r.age >= 90 ? 'A' : rng.chance(0.3) ? 'B' : 'C';
          yield {
            id_number: r.person.id_number,
            name: r.person.name,
            gender: r.person.gender,
            age: r.age,
            community: r.home.name,
            level,
            monthly_amount: { A: 600, B: 400, C: 200 }[level],
            provider: `杭州市上城${placeName(r.home.street.name)}居家养老服务中心`,
            approved_on: dayBetween(rng, isoOfDay(w.asOfDay - 3 * 365), isoOfDay(w.asOfDay)),
          };
        }
      },
    },
  },
  {
    owner: { district: XIAOSHAN },
    entry: entry(
      {
        code: 'XS-JT-001',
        name: '萧山区村级集体经济组织',
        nameEn: 'Xiaoshan District village collective economic organisations',
        description: '萧山区各村股份经济合作社的统一社会信用代码、所在村与户籍人口。',
        sourceSystem: '萧山区农村集体“三资”管理平台',
        theme: 'economy',
        updateFrequency: 'yearly',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['农村', '集体经济', '开放数据'],
        fields: [
          F.creditCode('credit_code', '统一社会信用代码', true),
          field('name', '组织名称', 'string'),
          field('village', '所在村', 'string'),
          field('street', '所在镇街', 'string'),
          F.count('registered', '户籍人口', '人'),
          F.date('registered_on', '赋码日期'),
        ],
      },
      contact('萧山区农业农村局', 'xs-nyj', '0571-82890000'),
    ),
    rows: {
      // After the pass: the registered population is that of the 户籍 records.
      *summary(w, rng) {
        let i = 0;
        for (const c of w.divisions.communities) {
          if (c.district.code !== XIAOSHAN || !c.rural) continue;
          yield {
            credit_code: organisationCreditCode('N2', XIAOSHAN, ++i, 2_017),
            name: `杭州市萧山区${c.street.name}${c.name}股份经济合作社`,
            village: c.name,
            street: c.street.name,
            registered: w.stats.communities.get(c.code)?.registered ?? 0,
            registered_on: dayBetween(rng, '2017-06-01', '2019-12-31'),
          };
        }
      },
    },
  },
  {
    owner: { district: YUHANG },
    entry: entry(
      {
        code: 'YH-FC-001',
        name: '余杭区惠企政策资金兑付',
        nameEn: 'Yuhang District business grant payments',
        description: '余杭区各类惠企政策资金的兑付记录（亲清在线）：政策、企业、金额与兑付日期。',
        sourceSystem: '余杭区亲清在线平台',
        theme: 'economy',
        updateFrequency: 'daily',
        shareType: 'unconditional',
        openType: 'conditional',
        level: 'L2',
        tags: ['惠企政策', '亲清在线'],
        fields: [
          key('payment_no', '兑付编号'),
          F.creditCode(),
          F.enterpriseName('name', '企业名称'),
          field('policy', '政策名称', 'string'),
          F.money('amount', '兑付金额'),
          F.date('paid_on', '兑付日期'),
        ],
      },
      contact('余杭区经济和信息化局', 'yh-jxj', '0571-86220000'),
    ),
    rows: {
      *enterprise(u, rng, w) {
        const e = u.enterprise;
        if (e.district_code !== YUHANG || e.enterprise_type === '个体工商户' || !u.active || !rng.chance(0.1))
          return;
        yield {
          payment_no: '',
          credit_code: e.credit_code,
          name: e.name,
          policy: rng.pick(POLICIES),
          amount: rng.int(1, 200) * 5_000,
          paid_on: dayBetween(rng, isoOfDay(w.asOfDay - 2 * 365), isoOfDay(w.asOfDay)),
        };
      },
    },
    serial: {
      field: 'payment_no',
      format: (n, row) =>
        `YHQQ${String(row.paid_on).slice(0, 4)}${digits(scatter(n, 10 ** 6, 7_919, 2_024), 6)}`,
    },
  },
  {
    owner: { district: BINJIANG },
    entry: entry(
      {
        code: 'BJ-GX-001',
        name: '滨江区高新技术企业名单',
        nameEn: 'Binjiang District high-tech enterprises',
        description: '经认定的滨江区国家高新技术企业：证书编号、技术领域与有效期。',
        sourceSystem: '滨江区科技服务平台',
        theme: 'economy',
        updateFrequency: 'yearly',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['科技', '高新技术企业', '开放数据'],
        fields: [
          F.creditCode('credit_code', '统一社会信用代码', true),
          F.enterpriseName('name', '企业名称'),
          field('cert_no', '证书编号', 'string'),
          field('tech_field', '技术领域', 'string'),
          F.date('issued_on', '发证日期'),
          F.date('valid_until', '有效期至'),
        ],
      },
      contact('滨江区科学技术局', 'bj-kjj', '0571-87700000'),
    ),
    rows: {
      *enterprise(u, rng) {
        const e = u.enterprise;
        const tech = ['I', 'M', 'C'].includes(e.industry_code);
        if (
          e.district_code !== BINJIANG ||
          !tech ||
          e.enterprise_type === '个体工商户' ||
          !u.active ||
          !rng.chance(0.35)
        )
          return;
        const year = rng.int(2022, 2024);
        const issued = `${year}-12-${digits(rng.int(1, 28), 2)}`;
        yield {
          credit_code: e.credit_code,
          name: e.name,
          cert_no: `GR${year}33${digits(rng.int(0, 999_999), 6)}`,
          tech_field: rng.pick(HIGH_TECH_FIELDS),
          issued_on: issued,
          valid_until: yearsAfter(issued, 3),
        };
      },
    },
  },
];

import { isoOfDay } from '../dates.ts';
import { digits, scatter } from '../world/codes.ts';
import { contact, dayBetween, enterpriseNameVariant, F, yearsAfter } from './common.ts';
import { type DemoDataset, entry, field, key } from './types.ts';

const owner = { department: 'market' };
const desk = contact('市场监管局信息中心', 'sc-data', '0571-87010000');

const VIOLATIONS: [string, string][] = [
  ['经营超过保质期的食品', '《中华人民共和国食品安全法》第一百二十四条'],
  ['未按规定明码标价', '《中华人民共和国价格法》第四十二条'],
  ['发布虚假广告', '《中华人民共和国广告法》第五十五条'],
  ['销售不合格产品', '《中华人民共和国产品质量法》第四十九条'],
  ['未按规定公示年度报告', '《企业信息公示暂行条例》第十八条'],
  ['使用未经检验的特种设备', '《中华人民共和国特种设备安全法》第八十四条'],
];

/** 杭州市市场监督管理局: the register of market entities, its public extract, licences, penalties, reports. */
export const marketDatasets: DemoDataset[] = [
  {
    owner,
    entry: entry(
      {
        code: 'SC-ZT-001',
        name: '市场主体登记信息',
        nameEn: 'Register of market entities',
        description:
          '企业、个体工商户与农民专业合作社的登记信息（含法定代表人身份信息），是企业名称与法定代表人数据元的权威来源（一数一源）。',
        sourceSystem: '浙江省市场主体登记系统',
        theme: 'legal_entity',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['法人', '企业', '基础库'],
        fields: [
          F.creditCode('credit_code', '统一社会信用代码', true),
          F.enterpriseName('name', '企业名称'),
          field('enterprise_type', '市场主体类型', 'string'),
          field('legal_rep_name', '法定代表人（经营者）', 'string', {
            sensitivity: 'low',
            element: 'LEGAL_REPRESENTATIVE',
          }),
          F.idNumber('legal_rep_id_number', '法定代表人公民身份号码'),
          F.money('registered_capital', '注册资本'),
          field('industry_code', '行业门类代码', 'string'),
          field('industry_name', '行业门类', 'string'),
          F.date('established_on', '成立日期'),
          field('status', '登记状态', 'string'),
          F.date('cancelled_on', '注销（吊销）日期'),
          field('district_code', '登记机关区划代码', 'string'),
          field('street_code', '住所所在街道代码', 'string'),
          field('registered_address', '住所', 'string'),
          F.updatedAt(),
        ],
      },
      desk,
    ),
    rows: {
      *enterprise(u) {
        const e = u.enterprise;
        yield {
          credit_code: e.credit_code,
          name: e.name,
          enterprise_type: e.enterprise_type,
          legal_rep_name: e.legal_rep_name,
          legal_rep_id_number: e.legal_rep_id_number,
          registered_capital: e.registered_capital,
          industry_code: e.industry_code,
          industry_name: e.industry_name,
          established_on: e.established_on,
          status: e.status,
          cancelled_on: e.cancelled_on,
          district_code: e.district_code,
          street_code: e.street_code,
          registered_address: e.registered_address,
          updated_at: e.updated_at,
        };
      },
    },
    defects: {
      rates: { duplicate: 0.003, missing: 0.01, bad_checksum: 0.002, stale: 0.01 },
      key: 'credit_code',
      missingFields: ['registered_address', 'industry_code'],
      checksumFields: { credit_code: 'credit-code', legal_rep_id_number: 'resident-id' },
      staleField: 'updated_at',
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'SC-ZT-002',
        name: '企业登记公示信息',
        nameEn: 'Public register extract of enterprises',
        description:
          '依《企业信息公示暂行条例》公示的企业与农民专业合作社登记事项（不含个体工商户及个人身份信息）。',
        sourceSystem: '国家企业信用信息公示系统（浙江）',
        theme: 'legal_entity',
        updateFrequency: 'daily',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['法人', '企业', '信用公示', '开放数据'],
        fields: [
          F.creditCode('credit_code', '统一社会信用代码', true),
          F.enterpriseName('name', '企业名称'),
          field('enterprise_type', '企业类型', 'string'),
          F.money('registered_capital', '注册资本'),
          field('industry_name', '行业门类', 'string'),
          F.date('established_on', '成立日期'),
          field('status', '登记状态', 'string'),
          F.date('cancelled_on', '注销（吊销）日期'),
          field('registered_address', '住所', 'string'),
          field('district', '所在区县', 'string'),
        ],
      },
      desk,
    ),
    rows: {
      *enterprise(u, _rng, w) {
        const e = u.enterprise;
        if (e.enterprise_type === '个体工商户') return;
        yield {
          credit_code: e.credit_code,
          name: e.name,
          enterprise_type: e.enterprise_type,
          registered_capital: e.registered_capital,
          industry_name: e.industry_name,
          established_on: e.established_on,
          status: e.status,
          cancelled_on: e.cancelled_on,
          registered_address: e.registered_address,
          district: w.divisions.districts.find((d) => d.code === e.district_code)?.name ?? null,
        };
      },
    },
    defects: { rates: { missing: 0.005 }, key: 'credit_code', missingFields: ['registered_address'] },
  },
  {
    owner,
    entry: entry(
      {
        code: 'SC-SP-001',
        name: '食品经营许可证信息',
        nameEn: 'Food business licences',
        description:
          '餐饮服务与食品销售经营者的食品经营许可证：许可证编号、经营者名称、经营场所、主体业态、有效期。',
        sourceSystem: '浙江省食品经营许可系统',
        theme: 'legal_entity',
        updateFrequency: 'daily',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['食品安全', '许可', '开放数据'],
        fields: [
          key('licence_no', '许可证编号'),
          F.creditCode(),
          F.enterpriseName('operator_name', '经营者名称'),
          field('business_address', '经营场所', 'string'),
          field('category', '主体业态', 'string'),
          field('items', '经营项目', 'string'),
          F.date('issued_on', '发证日期'),
          F.date('valid_until', '有效期至'),
          field('status', '许可状态', 'string'),
        ],
      },
      desk,
    ),
    rows: {
      *enterprise(u, rng, w) {
        const e = u.enterprise;
        const food = e.industry_code === 'H' || (e.industry_code === 'F' && rng.chance(0.25));
        if (!food || !u.active) return;
        const issued = dayBetween(rng, isoOfDay(Math.max(w.asOfDay - 5 * 365 + 30, 0)), isoOfDay(w.asOfDay));
        const catering = e.industry_code === 'H';
        yield {
          licence_no: '',
          credit_code: e.credit_code,
          operator_name: e.name,
          business_address: e.registered_address,
          category: catering ? '餐饮服务经营者' : '食品销售经营者',
          items: catering
            ? rng.pick(['热食类食品制售', '热食类食品制售；冷食类食品制售', '糕点类食品制售（含裱花蛋糕）'])
            : rng.pick([
                '预包装食品销售（含冷藏冷冻食品）',
                '散装食品销售（不含冷藏冷冻食品）',
                '保健食品销售',
              ]),
          issued_on: issued,
          valid_until: yearsAfter(issued, 5),
          status: '有效',
        };
      },
    },
    // JY, the business category (1 sales, 2 catering), the district code and a serial with check digit.
    serial: {
      field: 'licence_no',
      format: (n, row) => {
        const body = `JY${row.category === '餐饮服务经营者' ? 2 : 1}${String(row.credit_code).slice(2, 8)}${digits(scatter(n, 10 ** 6, 7_919, 4_711), 6)}`;
        return body + (body.length % 10);
      },
    },
    conflict: { rate: 0.03, key: 'credit_code', field: 'operator_name', alternative: enterpriseNameVariant },
    defects: { rates: { missing: 0.01 }, key: 'credit_code', missingFields: ['business_address'] },
  },
  {
    owner,
    entry: entry(
      {
        code: 'SC-CF-001',
        name: '行政处罚信息公示',
        nameEn: 'Administrative penalties (published)',
        description: '市场监管部门对企业作出的行政处罚决定，依法向社会公示。',
        sourceSystem: '浙江省行政执法监管平台',
        theme: 'credit',
        updateFrequency: 'daily',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['信用', '行政处罚', '开放数据'],
        fields: [
          key('decision_no', '决定书文号'),
          F.creditCode(),
          F.enterpriseName('party_name', '当事人名称'),
          field('violation', '违法行为类型', 'string'),
          field('basis', '处罚依据', 'string'),
          field('penalty', '处罚种类', 'string'),
          F.money('fine', '罚没金额'),
          F.date('decided_on', '处罚决定日期'),
          field('authority', '处罚机关', 'string'),
        ],
      },
      desk,
    ),
    rows: {
      *enterprise(u, rng, w) {
        const e = u.enterprise;
        if (e.enterprise_type === '个体工商户' || !rng.chance(0.03)) return;
        const [violation, basis] = rng.pick(VIOLATIONS);
        const fine = rng.chance(0.2) ? 0 : rng.int(1, 200) * 1000;
        const district = w.divisions.districts.find((d) => d.code === e.district_code)?.name ?? '';
        yield {
          decision_no: '',
          credit_code: e.credit_code,
          party_name: e.name,
          violation,
          basis,
          penalty: fine === 0 ? '警告' : '罚款',
          fine,
          decided_on: dayBetween(rng, isoOfDay(Math.max(0, w.asOfDay - 3 * 365)), isoOfDay(w.asOfDay)),
          authority: district ? `杭州市${district}市场监督管理局` : '杭州市市场监督管理局',
        };
      },
    },
    serial: {
      field: 'decision_no',
      format: (n, row) => `杭市监处罚〔${String(row.decided_on).slice(0, 4)}〕${n + 1}号`,
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'SC-NB-001',
        name: '企业年度报告信息',
        nameEn: 'Annual reports of enterprises',
        description:
          '企业报送的年度报告：从业人数、资产、营业收入、纳税与参保人数；按统一社会信用代码和报告年度唯一。',
        sourceSystem: '国家企业信用信息公示系统（浙江）',
        theme: 'economy',
        updateFrequency: 'yearly',
        shareType: 'unconditional',
        openType: 'none',
        level: 'L2',
        tags: ['企业', '年报', '经济'],
        fields: [
          F.creditCode('credit_code', '统一社会信用代码', true),
          field('report_year', '报告年度', 'integer', { key: true }),
          F.enterpriseName('name', '企业名称'),
          F.count('employees', '从业人数', '人'),
          F.money('total_assets', '资产总额'),
          F.money('revenue', '营业总收入'),
          F.money('tax_paid', '纳税总额'),
          F.count('insured', '社保参保人数', '人'),
          F.date('submitted_on', '报送日期'),
        ],
      },
      desk,
    ),
    rows: {
      *enterprise(u, rng) {
        const e = u.enterprise;
        if (
          e.enterprise_type === '个体工商户' ||
          !u.active ||
          e.established_on >= '2024-01-01' ||
          !rng.chance(0.9)
        )
          return;
        const revenue = Math.round(u.employees * Math.exp(rng.normal(12.8, 0.7)));
        yield {
          credit_code: e.credit_code,
          report_year: 2024,
          name: e.name,
          employees: u.employees,
          total_assets: Math.round(Math.max(e.registered_capital * 0.3, revenue * rng.next() * 1.5)),
          revenue,
          tax_paid: Math.round(revenue * rng.next() * 0.06),
          insured: Math.max(0, u.employees - rng.int(0, Math.ceil(u.employees * 0.2))),
          submitted_on: dayBetween(rng, '2025-01-01', '2025-06-30'),
        };
      },
    },
    defects: {
      rates: { missing: 0.03 },
      key: 'credit_code',
      missingFields: ['employees', 'revenue', 'tax_paid'],
    },
  },
];

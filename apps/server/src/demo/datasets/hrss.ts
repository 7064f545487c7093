import { dayOf, isoOfDay } from '../dates.ts';
import { digits, scatter } from '../world/codes.ts';
import {
  addressVariant,
  contact,
  dayBetween,
  enterpriseNameVariant,
  F,
  updatedSince,
  yearsAfter,
} from './common.ts';
import { type DemoDataset, entry, field, key } from './types.ts';

const owner = { department: 'hrss' };
const desk = contact('人力社保局信息中心', 'rs-data', '0571-85150000');

// Zhejiang's 2024 contribution base limits, in yuan a month.
const BASE_MIN = 4_462;
const BASE_MAX = 22_311;

const OCCUPATIONS = [
  '电工',
  '焊工',
  '育婴员',
  '中式烹调师',
  '养老护理员',
  '美容师',
  '汽车维修工',
  '保育师',
  '网络与信息安全管理员',
  '电子商务师',
];
const LEVELS = ['五级/初级工', '四级/中级工', '三级/高级工', '二级/技师', '一级/高级技师'];

/** 杭州市人力资源和社会保障局: social insurance, employment, pensions, skills, unemployment benefits. */
export const hrssDatasets: DemoDataset[] = [
  {
    owner,
    entry: entry(
      {
        code: 'RS-SB-001',
        name: '社会保险参保登记信息',
        nameEn: 'Social insurance enrolment',
        description: '基本养老保险参保人员：险种、参保状态、参保单位、缴费基数与户籍地址。',
        sourceSystem: '浙江省人力社保一体化经办系统',
        theme: 'society',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['社保', '养老保险'],
        fields: [
          F.idNumber('id_number', '公民身份号码', true),
          F.personName(),
          F.gender(),
          field('insurance_type', '险种', 'string'),
          field('status', '参保状态', 'string'),
          F.creditCode('employer_credit_code', '参保单位统一社会信用代码'),
          F.enterpriseName('employer_name', '参保单位名称'),
          field('contribution_base', '缴费基数', 'integer', { unit: '元/月', sensitivity: 'medium' }),
          F.date('started_on', '参保日期'),
          F.address('hukou_address', '户籍地址', 'HUKOU_ADDRESS'),
          F.updatedAt(),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        for (const r of u.residents) {
          const p = r.person;
          const adult = yearsAfter(p.birth_date, 18);
          let row: {
            type: string;
            status: string;
            employer: typeof r.job;
            base: number | null;
            since: string;
          } | null = null;
          if (r.job) {
            row = {
              type: '企业职工基本养老保险',
              status: '参保缴费',
              employer: r.job,
              base: Math.min(BASE_MAX, Math.max(BASE_MIN, r.job.wage)),
              since: r.job.since,
            };
          } else if (r.pension) {
            row = {
              type: r.pension,
              status: '退休',
              employer: null,
              base: null,
              since: dayBetween(rng, adult, r.retiredOn ?? adult),
            };
          } else if (r.age >= 18 && r.age < 60 && rng.chance(0.55)) {
            row = {
              type: '城乡居民基本养老保险',
              status: rng.chance(0.85) ? '参保缴费' : '暂停缴费',
              employer: null,
              base: null,
              since: dayBetween(rng, adult, isoOfDay(w.asOfDay)),
            };
          }
          if (!row) continue;
          yield {
            id_number: p.id_number,
            name: p.name,
            gender: p.gender,
            insurance_type: row.type,
            status: row.status,
            employer_credit_code: row.employer?.employer.credit_code ?? null,
            employer_name: row.employer?.employer.name ?? null,
            contribution_base: row.base,
            started_on: row.since,
            hukou_address: r.hukouAddress,
            updated_at: updatedSince(rng, row.since, w.asOfDay),
          };
        }
      },
    },
    // The address recorded when the person enrolled, written the way the social insurance system does.
    conflict: { rate: 0.02, key: 'id_number', field: 'hukou_address', alternative: addressVariant },
    defects: {
      rates: { missing: 0.015, bad_checksum: 0.002, stale: 0.01 },
      key: 'id_number',
      missingFields: ['hukou_address', 'started_on'],
      checksumFields: { id_number: 'resident-id' },
      staleField: 'updated_at',
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'RS-JY-001',
        name: '就业登记信息',
        nameEn: 'Employment registrations',
        description: '用人单位办理的就业登记：劳动者、用人单位、岗位、合同类型、入职日期与月工资。',
        sourceSystem: '浙江省公共就业服务系统',
        theme: 'society',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['就业', '劳动关系'],
        fields: [
          key('registration_no', '就业登记编号'),
          F.idNumber(),
          F.personName(),
          F.gender(),
          F.creditCode('employer_credit_code', '用人单位统一社会信用代码'),
          F.enterpriseName('employer_name', '用人单位名称'),
          field('position', '岗位', 'string'),
          field('contract_type', '劳动合同类型', 'string'),
          F.date('hired_on', '入职日期'),
          field('monthly_wage', '月工资', 'integer', { unit: '元', sensitivity: 'medium' }),
          F.updatedAt(),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        for (const r of u.residents) {
          if (!r.job) continue;
          yield {
            registration_no: '',
            id_number: r.person.id_number,
            name: r.person.name,
            gender: r.person.gender,
            employer_credit_code: r.job.employer.credit_code,
            employer_name: r.job.employer.name,
            position: r.job.position,
            contract_type: r.job.contract,
            hired_on: r.job.since,
            monthly_wage: r.job.wage,
            updated_at: updatedSince(rng, r.job.since, w.asOfDay),
          };
        }
      },
    },
    serial: {
      field: 'registration_no',
      format: (n, row) =>
        `JY${String(row.hired_on).slice(0, 4)}${digits(scatter(n, 10 ** 9, 7_919, 424_242), 9)}`,
    },
    conflict: { rate: 0.03, key: 'id_number', field: 'employer_name', alternative: enterpriseNameVariant },
    defects: {
      rates: { duplicate: 0.006, bad_checksum: 0.003, stale: 0.01 },
      key: 'id_number',
      checksumFields: { id_number: 'resident-id', employer_credit_code: 'credit-code' },
      staleField: 'updated_at',
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'RS-YL-001',
        name: '养老金领取人员信息',
        nameEn: 'Pension recipients',
        description: '按月领取基本养老金的退休人员：险种、退休日期与月养老金。',
        sourceSystem: '浙江省人力社保一体化经办系统',
        theme: 'society',
        updateFrequency: 'monthly',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['养老金', '退休'],
        fields: [
          F.idNumber('id_number', '公民身份号码', true),
          F.personName(),
          F.gender(),
          field('pension_type', '养老保险类型', 'string'),
          F.date('retired_on', '退休（待遇享受）日期'),
          field('monthly_pension', '月养老金', 'integer', { unit: '元', sensitivity: 'medium' }),
          F.updatedAt(),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        for (const r of u.residents) {
          if (!r.pension || !r.retiredOn) continue;
          const enterprise = r.pension === '企业职工基本养老保险';
          yield {
            id_number: r.person.id_number,
            name: r.person.name,
            gender: r.person.gender,
            pension_type: r.pension,
            retired_on: r.retiredOn,
            monthly_pension: enterprise ? rng.normalInt(4200, 1200, 1800, 15000) : rng.int(300, 620),
            updated_at: updatedSince(rng, isoOfDay(w.asOfDay - 60), w.asOfDay),
          };
        }
      },
    },
    defects: {
      rates: { missing: 0.01, stale: 0.02 },
      key: 'id_number',
      missingFields: ['monthly_pension'],
      staleField: 'updated_at',
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'RS-JN-001',
        name: '职业技能等级证书信息',
        nameEn: 'Vocational skill certificates',
        description: '职业技能等级认定机构颁发的职业技能等级证书。',
        sourceSystem: '浙江省职业技能鉴定管理系统',
        theme: 'education',
        updateFrequency: 'weekly',
        shareType: 'unconditional',
        openType: 'none',
        level: 'L2',
        tags: ['技能人才', '证照'],
        fields: [
          key('cert_no', '证书编号'),
          F.idNumber(),
          F.personName(),
          field('occupation', '职业（工种）', 'string'),
          field('level', '等级', 'string'),
          F.date('issued_on', '发证日期'),
          field('issuer', '评价机构', 'string'),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        for (const r of u.residents) {
          if (r.age < 20 || r.age > 60 || !rng.chance(0.06)) continue;
          yield {
            cert_no: '',
            id_number: r.person.id_number,
            name: r.person.name,
            occupation: rng.pick(OCCUPATIONS),
            level: LEVELS[Math.min(4, Math.floor(rng.next() ** 2 * 5))] as string,
            issued_on: dayBetween(rng, yearsAfter(r.person.birth_date, 18), isoOfDay(w.asOfDay)),
            issuer: rng.chance(0.6)
              ? '杭州市职业技能鉴定指导中心'
              : `杭州${r.home.district.name}职业技能等级认定中心`,
          };
        }
      },
    },
    serial: {
      field: 'cert_no',
      format: (n, row) =>
        `S${String(row.issued_on).slice(0, 4)}33${digits(scatter(n, 10 ** 10, 48_271, 12_121), 10)}`,
    },
    defects: {
      rates: { duplicate: 0.005, bad_checksum: 0.002 },
      key: 'id_number',
      checksumFields: { id_number: 'resident-id' },
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'RS-SY-001',
        name: '失业保险金领取信息',
        nameEn: 'Unemployment benefit recipients',
        description: '领取失业保险金的人员、领取期限与月标准。',
        sourceSystem: '浙江省人力社保一体化经办系统',
        theme: 'society',
        updateFrequency: 'monthly',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['失业保险', '就业'],
        fields: [
          F.idNumber('id_number', '公民身份号码', true),
          F.personName(),
          F.gender(),
          F.date('start_on', '领取起始日期'),
          F.count('months', '领取期限', '月'),
          F.money('monthly_amount', '月领取标准'),
          field('status', '领取状态', 'string'),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        for (const r of u.residents) {
          if (r.job || r.age < 25 || r.age > 55 || !rng.chance(0.025)) continue;
          const start = dayBetween(rng, isoOfDay(w.asOfDay - 700), isoOfDay(w.asOfDay - 10));
          const months = rng.int(3, 24);
          const end = dayOf(start) + Math.round(months * 30.4);
          yield {
            id_number: r.person.id_number,
            name: r.person.name,
            gender: r.person.gender,
            start_on: start,
            months,
            monthly_amount: rng.int(2000, 2300),
            status: end > w.asOfDay ? '领取中' : '已结束',
          };
        }
      },
    },
  },
];

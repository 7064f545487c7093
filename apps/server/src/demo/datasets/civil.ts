import { dayOf, isoOfDay } from '../dates.ts';
import { tradeName } from '../names.ts';
import { digits, organisationCreditCode, scatter } from '../world/codes.ts';
import { cityPhone, districtShort, placeName, roadAddress } from '../world/facilities.ts';
import type { Resident } from '../world/world.ts';
import { contact, dayBetween, F, updatedSince } from './common.ts';
import { type DemoDataset, entry, field, key, type Row } from './types.ts';

const owner = { department: 'civil' };
const desk = contact('民政局信息中心', 'mz-data', '0571-85250000');

const office = (r: Resident) => `杭州市${r.hukou.district.name}民政局婚姻登记处`;

/** 杭州市民政局: marriages (the authoritative marital status), assistance, elderly care, social organisations. */
export const civilDatasets: DemoDataset[] = [
  {
    owner,
    entry: entry(
      {
        code: 'MZ-HY-001',
        name: '婚姻登记信息',
        nameEn: 'Marriage and divorce registrations',
        description: '婚姻登记机关办理的结婚登记与离婚登记，每条记录一个登记证件。',
        sourceSystem: '全国婚姻登记信息系统（浙江）',
        theme: 'population',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['婚姻', '民政'],
        fields: [
          key('cert_no', '登记证字号'),
          field('kind', '登记类别', 'string'),
          F.date('registered_on', '登记日期'),
          F.idNumber('male_id_number', '男方公民身份号码'),
          F.personName('male_name', '男方姓名'),
          F.idNumber('female_id_number', '女方公民身份号码'),
          F.personName('female_name', '女方姓名'),
          field('office', '登记机关', 'string'),
        ],
      },
      desk,
    ),
    rows: {
      *household(u) {
        for (const r of u.residents) {
          if (r.person.gender !== '男' || !r.spouse || !r.marriedOn) continue;
          const wife = u.residents.find((x) => x.person === r.spouse);
          if (!wife) continue;
          const couple = {
            male_id_number: r.person.id_number,
            male_name: r.person.name,
            female_id_number: wife.person.id_number,
            female_name: wife.person.name,
            office: office(r),
          };
          yield { cert_no: '', kind: '结婚登记', registered_on: r.marriedOn, ...couple };
          if (r.divorcedOn) yield { cert_no: '', kind: '离婚登记', registered_on: r.divorcedOn, ...couple };
        }
      },
    },
    // 结婚证字号 J + area + year + serial; 离婚证 L.
    serial: {
      field: 'cert_no',
      format: (n, row) =>
        `${row.kind === '离婚登记' ? 'L' : 'J'}${String(row.male_id_number).slice(0, 6)}-${String(row.registered_on).slice(0, 4)}-${digits(scatter(n, 10 ** 7, 7_919, 101), 7)}`,
    },
    defects: {
      rates: { duplicate: 0.004, bad_checksum: 0.002 },
      key: 'male_id_number',
      checksumFields: { male_id_number: 'resident-id', female_id_number: 'resident-id' },
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'MZ-HY-002',
        name: '个人婚姻状况信息',
        nameEn: 'Marital status from the marriage registry',
        description:
          '依据婚姻登记记录确定的个人婚姻状况，是婚姻状况数据元的权威来源（一数一源）；未办理过婚姻登记的人员不在其中。',
        sourceSystem: '全国婚姻登记信息系统（浙江）',
        theme: 'population',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['婚姻', '民政', '一数一源'],
        fields: [
          F.idNumber('id_number', '公民身份号码', true),
          F.personName(),
          F.gender(),
          field('marital_status', '婚姻状况', 'string', { sensitivity: 'medium', element: 'MARITAL_STATUS' }),
          F.date('last_registered_on', '最近登记日期'),
          F.updatedAt(),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        for (const r of u.residents) {
          if (r.civil === '未婚' || r.age < 20) continue;
          const last = r.divorcedOn ?? r.marriedOn;
          yield {
            id_number: r.person.id_number,
            name: r.person.name,
            gender: r.person.gender,
            marital_status: r.civil,
            last_registered_on: last,
            updated_at: updatedSince(rng, last ?? isoOfDay(w.asOfDay - 365), w.asOfDay),
          };
        }
      },
    },
    worldConflicts: 'marital_status',
  },
  {
    owner,
    entry: entry(
      {
        code: 'MZ-DB-001',
        name: '最低生活保障对象名册',
        nameEn: 'Minimum living allowance recipients',
        description: '城乡最低生活保障家庭及其成员、月保障金额与审批日期。',
        sourceSystem: '浙江省大救助信息系统',
        theme: 'society',
        updateFrequency: 'monthly',
        shareType: 'conditional',
        openType: 'none',
        level: 'L4',
        tags: ['社会救助', '低保'],
        fields: [
          F.idNumber('id_number', '公民身份号码', true),
          F.personName(),
          F.idNumber('head_id_number', '申请人公民身份号码'),
          field('relation', '与申请人关系', 'string'),
          F.money('monthly_allowance', '月保障金额'),
          F.date('approved_on', '审批日期'),
          field('community_code', '所在社区代码', 'string'),
          field('community', '所在社区', 'string'),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        const head = u.residents[0];
        if (!head || head.job || !rng.chance(0.012)) return;
        const approved = dayBetween(rng, isoOfDay(w.asOfDay - 5 * 365), isoOfDay(w.asOfDay - 30));
        // 2024 standard: 1,283 yuan per person a month, less what the family earns.
        for (const r of u.residents) {
          yield {
            id_number: r.person.id_number,
            name: r.person.name,
            head_id_number: head.person.id_number,
            relation: r.person.relation === '户主' ? '本人' : r.person.relation,
            monthly_allowance: rng.int(600, 1283),
            approved_on: approved,
            community_code: r.home.code,
            community: r.home.name,
          };
        }
      },
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'MZ-GL-001',
        name: '高龄津贴发放名册',
        nameEn: 'Old-age allowance for people aged 80 and over',
        description: '80 周岁及以上老年人高龄津贴的发放对象与标准。',
        sourceSystem: '杭州市养老服务信息平台',
        theme: 'society',
        updateFrequency: 'monthly',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['养老', '津贴'],
        fields: [
          F.idNumber('id_number', '公民身份号码', true),
          F.personName(),
          F.gender(),
          F.birthDate(),
          F.count('age', '年龄', '岁'),
          F.money('monthly_amount', '月发放标准'),
          field('community_code', '所在社区代码', 'string'),
          F.date('first_paid_on', '首次发放日期'),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        for (const r of u.residents) {
          if (r.age < 80) continue;
          const eighty = isoOfDay(dayOf(r.person.birth_date) + Math.ceil(80 * 365.25));
          yield {
            id_number: r.person.id_number,
            name: r.person.name,
            gender: r.person.gender,
            birth_date: r.person.birth_date,
            age: r.age,
            monthly_amount: r.age >= 100 ? 500 : r.age >= 90 ? 200 : 60,
            community_code: r.home.code,
            first_paid_on: dayBetween(rng, eighty, isoOfDay(Math.min(w.asOfDay, dayOf(eighty) + 90))),
          };
        }
      },
    },
    defects: { rates: { missing: 0.01 }, key: 'id_number', missingFields: ['first_paid_on'] },
  },
  {
    owner,
    entry: entry(
      {
        code: 'MZ-YL-001',
        name: '养老服务机构名录',
        nameEn: 'Elderly care facilities',
        description: '全市街道（乡镇）居家养老服务中心与养老机构的名称、性质、床位、地址和联系电话。',
        sourceSystem: '杭州市养老服务信息平台',
        theme: 'society',
        updateFrequency: 'quarterly',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['养老', '设施', '开放数据'],
        fields: [
          F.creditCode('org_code', '统一社会信用代码', true),
          field('name', '机构名称', 'string'),
          field('type', '机构类型', 'string'),
          field('nature', '机构性质', 'string'),
          F.count('beds', '床位数', '张'),
          field('address', '地址', 'string'),
          field('district', '所在区县', 'string'),
          field('street', '所在街道', 'string'),
          field('phone', '联系电话', 'string'),
          F.date('opened_on', '开业日期'),
        ],
      },
      desk,
    ),
    rows: {
      *reference(w, rng) {
        let i = 0;
        for (const d of w.divisions.districts) {
          for (const s of d.streets) {
            const base = { district: d.name, street: s.name };
            yield {
              org_code: organisationCreditCode('52', d.code, ++i, 9_001),
              name: `杭州市${districtShort(d.name)}${placeName(s.name)}居家养老服务中心`,
              type: '居家养老服务中心',
              nature: '公建民营',
              beds: rng.int(10, 40),
              address: roadAddress(rng, s),
              ...base,
              phone: cityPhone(rng),
              opened_on: dayBetween(rng, '2012-01-01', '2022-12-31'),
            } satisfies Row;
            if (rng.chance(0.4)) {
              yield {
                org_code: organisationCreditCode('52', d.code, ++i, 9_001),
                name: `杭州市${districtShort(d.name)}${tradeName(rng)}颐养院`,
                type: '养老机构',
                nature: rng.chance(0.6) ? '民办' : '公办',
                beds: rng.int(60, 600),
                address: roadAddress(rng, s),
                ...base,
                phone: cityPhone(rng),
                opened_on: dayBetween(rng, '2000-01-01', '2023-12-31'),
              };
            }
          }
        }
      },
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'MZ-SZ-001',
        name: '社会组织登记信息',
        nameEn: 'Registered social organisations',
        description: '在本市民政部门登记的社会团体、民办非企业单位（社会服务机构）和基金会。',
        sourceSystem: '社会组织法人库',
        theme: 'legal_entity',
        updateFrequency: 'weekly',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['社会组织', '法人', '开放数据'],
        fields: [
          F.creditCode('credit_code', '统一社会信用代码', true),
          field('name', '社会组织名称', 'string'),
          field('type', '组织类型', 'string'),
          field('authority', '登记管理机关', 'string'),
          F.date('registered_on', '成立登记日期'),
          field('address', '住所', 'string'),
          field('district', '所在区县', 'string'),
          field('status', '登记状态', 'string'),
        ],
      },
      desk,
    ),
    rows: {
      *reference(w, rng) {
        let i = 0;
        const districtBodies = [
          '个体劳动者协会',
          '慈善总会',
          '老年人体育协会',
          '书法家协会',
          '青年企业家商会',
          '志愿者协会',
          '社会工作者协会',
          '科技工作者协会',
        ];
        const streetBodies = ['社区社会组织联合会', '邻里互助服务中心', '乐龄服务中心'];
        for (const d of w.divisions.districts) {
          const s0 = d.streets[0];
          if (!s0) continue;
          for (const body of districtBodies) {
            if (!rng.chance(0.7)) continue;
            yield {
              credit_code: organisationCreditCode('51', d.code, ++i, 5_003),
              name: `杭州市${d.name}${body}`,
              type: '社会团体',
              authority: `杭州市${d.name}民政局`,
              registered_on: dayBetween(rng, '1995-01-01', '2023-12-31'),
              address: roadAddress(rng, s0),
              district: d.name,
              status: rng.chance(0.95) ? '正常' : '已注销',
            };
          }
          for (const s of d.streets) {
            const body = rng.pick(streetBodies);
            yield {
              credit_code: organisationCreditCode('52', d.code, ++i, 5_003),
              name: `杭州市${d.name}${s.name}${body}`,
              type: '民办非企业单位',
              authority: `杭州市${d.name}民政局`,
              registered_on: dayBetween(rng, '2010-01-01', '2024-06-30'),
              address: roadAddress(rng, s),
              district: d.name,
              status: '正常',
            };
          }
        }
        yield {
          credit_code: organisationCreditCode('53', '330100', ++i, 5_003),
          name: '杭州市慈善基金会',
          type: '基金会',
          authority: '杭州市民政局',
          registered_on: '1999-03-18',
          address: '浙江省杭州市上城区解放路18号',
          district: '上城区',
          status: '正常',
        };
      },
    },
  },
];

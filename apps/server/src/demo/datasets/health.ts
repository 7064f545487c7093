import { isoOfDay } from '../dates.ts';
import { personName } from '../names.ts';
import { digits, scatter } from '../world/codes.ts';
import { contact, dayBetween, F, updatedSince, yearsAfter } from './common.ts';
import { type DemoDataset, entry, field, key } from './types.ts';

const owner = { department: 'health' };
const desk = contact('卫生健康委信息中心', 'wj-data', '0571-87000000');

// Doses due by age in the national immunisation programme (国家免疫规划), cumulative.
const DOSES_BY_AGE = [8, 14, 17, 19, 19, 19, 22];

/** 杭州市卫生健康委员会: births, clinics, vaccinations, family doctors. */
export const healthDatasets: DemoDataset[] = [
  {
    owner,
    entry: entry(
      {
        code: 'WJ-CS-001',
        name: '出生医学证明信息',
        nameEn: 'Medical birth certificates',
        description:
          '助产机构签发的出生医学证明：新生儿、父母与出生信息；新生儿公民身份号码在户口申报后回填（出生一件事）。',
        sourceSystem: '浙江省妇幼健康信息系统',
        theme: 'health',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L4',
        tags: ['出生', '妇幼', '出生一件事'],
        fields: [
          key('cert_no', '出生医学证明编号'),
          F.idNumber('child_id_number', '新生儿公民身份号码'),
          F.personName('child_name', '新生儿姓名'),
          F.gender(),
          F.birthDate(),
          F.count('birth_weight_g', '出生体重', '克'),
          F.count('gestational_weeks', '出生孕周', '周'),
          field('birth_place', '助产机构', 'string'),
          F.idNumber('mother_id_number', '母亲公民身份号码'),
          F.personName('mother_name', '母亲姓名'),
          F.idNumber('father_id_number', '父亲公民身份号码'),
          F.personName('father_name', '父亲姓名'),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        for (const r of u.residents) {
          if (r.person.birth_date < '2016-01-01') continue;
          yield {
            cert_no: '',
            child_id_number: r.person.id_number,
            child_name: r.person.name,
            gender: r.person.gender,
            birth_date: r.person.birth_date,
            birth_weight_g: rng.normalInt(3300, 420, 1500, 4800),
            gestational_weeks: rng.normalInt(39, 1.4, 30, 42),
            birth_place: w.facilities.maternityFor(r.hukou.district).name,
            mother_id_number: r.mother?.id_number ?? null,
            mother_name: r.mother?.name ?? null,
            father_id_number: r.father?.id_number ?? null,
            father_name: r.father?.name ?? null,
          };
        }
      },
    },
    // Letter (per print batch) and nine digits, as on the national form.
    serial: {
      field: 'cert_no',
      format: (n, row) =>
        `${'PQRS'[Number(String(row.birth_date).slice(2, 4)) % 4]}${digits(scatter(n, 10 ** 9, 48_271, 99_991), 9)}`,
    },
    defects: {
      rates: { duplicate: 0.003, missing: 0.02, bad_checksum: 0.003 },
      key: 'child_id_number',
      missingFields: ['father_id_number', 'father_name', 'child_id_number'],
      checksumFields: { mother_id_number: 'resident-id' },
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'WJ-YL-001',
        name: '医疗机构名录',
        nameEn: 'Medical institutions',
        description: '全市医院、社区卫生服务中心与乡镇卫生院的名称、类别、等级、床位、地址和电话。',
        sourceSystem: '医疗机构注册联网管理系统',
        theme: 'health',
        updateFrequency: 'quarterly',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['医疗', '设施', '开放数据'],
        fields: [
          F.creditCode('org_code', '统一社会信用代码', true),
          field('name', '机构名称', 'string'),
          field('category', '机构类别', 'string'),
          field('grade', '医院等级', 'string'),
          F.count('beds', '核定床位', '张'),
          field('address', '地址', 'string'),
          field('district', '所在区县', 'string'),
          field('street', '所在街道', 'string'),
          field('phone', '联系电话', 'string'),
        ],
      },
      desk,
    ),
    rows: {
      *reference(w) {
        for (const c of w.facilities.clinics) {
          yield {
            org_code: c.code,
            name: c.name,
            category: c.category,
            grade: c.grade,
            beds: c.beds,
            address: c.address,
            district: c.district.name,
            street: c.street.name,
            phone: c.phone,
          };
        }
      },
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'WJ-JZ-001',
        name: '儿童预防接种档案',
        nameEn: 'Childhood immunisation records',
        description: '7 周岁以下儿童的预防接种档案汇总：应种与已种剂次、最近接种日期、接种单位。',
        sourceSystem: '浙江省免疫规划信息系统',
        theme: 'health',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L4',
        tags: ['免疫规划', '儿童', '健康'],
        fields: [
          F.idNumber('child_id_number', '儿童公民身份号码', true),
          F.personName(),
          F.gender(),
          F.birthDate(),
          F.personName('guardian_name', '监护人姓名'),
          F.mobile('guardian_mobile', '监护人电话'),
          field('clinic', '接种单位', 'string'),
          F.count('doses_due', '应种剂次', '剂'),
          F.count('doses_done', '已种剂次', '剂'),
          field('up_to_date', '是否按期完成', 'boolean'),
          F.date('last_dose_on', '最近接种日期'),
          F.updatedAt(),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        for (const r of u.residents) {
          if (r.age >= 7) continue;
          const guardian = r.mother ?? r.father ?? u.residents[0]?.person;
          const due = DOSES_BY_AGE[r.age] as number;
          const done = rng.chance(0.93) ? due : Math.max(0, due - rng.int(1, 3));
          const last = dayBetween(rng, r.person.birth_date, isoOfDay(w.asOfDay));
          yield {
            child_id_number: r.person.id_number,
            name: r.person.name,
            gender: r.person.gender,
            birth_date: r.person.birth_date,
            guardian_name: guardian?.name ?? null,
            guardian_mobile: guardian?.mobile ?? null,
            clinic: w.facilities.clinicFor(r.home.street).name,
            doses_due: due,
            doses_done: done,
            up_to_date: done >= due,
            last_dose_on: last,
            updated_at: updatedSince(rng, last, w.asOfDay),
          };
        }
      },
    },
    defects: {
      rates: { missing: 0.03, bad_checksum: 0.002, stale: 0.02 },
      key: 'child_id_number',
      missingFields: ['guardian_mobile', 'last_dose_on'],
      checksumFields: { child_id_number: 'resident-id' },
      staleField: 'updated_at',
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'WJ-QY-001',
        name: '家庭医生签约居民',
        nameEn: 'Residents signed with a family doctor',
        description: '与社区卫生服务中心家庭医生团队签约的居民、服务包与有效期。',
        sourceSystem: '杭州市基层卫生信息系统',
        theme: 'health',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['家庭医生', '基层卫生'],
        fields: [
          F.idNumber('id_number', '公民身份号码', true),
          F.personName(),
          F.gender(),
          F.count('age', '年龄', '岁'),
          field('team', '签约团队', 'string'),
          F.personName('doctor_name', '签约医生'),
          field('package', '服务包', 'string'),
          F.date('signed_on', '签约日期'),
          F.date('valid_until', '有效期至'),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        for (const r of u.residents) {
          if (!(r.age >= 65 ? rng.chance(0.72) : r.age >= 18 && rng.chance(0.08))) continue;
          const signed = dayBetween(rng, isoOfDay(w.asOfDay - 365), isoOfDay(w.asOfDay));
          const clinic = w.facilities.clinicFor(r.home.street);
          const birthYear = rng.int(1965, 1995);
          yield {
            id_number: r.person.id_number,
            name: r.person.name,
            gender: r.person.gender,
            age: r.age,
            team: `${clinic.name}全科团队${rng.int(1, 8)}`,
            doctor_name: personName(rng, rng.chance(0.55) ? '女' : '男', birthYear),
            package: r.age >= 65 ? '老年人服务包' : rng.pick(['基础服务包', '慢病服务包']),
            signed_on: signed,
            valid_until: yearsAfter(signed, 1),
          };
        }
      },
    },
    defects: { rates: { duplicate: 0.002 }, key: 'id_number' },
  },
];

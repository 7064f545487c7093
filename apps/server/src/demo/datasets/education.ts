import { isoOfDay } from '../dates.ts';
import type { Resident } from '../world/world.ts';
import { addressVariant, contact, F, updatedSince } from './common.ts';
import { type DemoDataset, entry, field, key } from './types.ts';

const owner = { department: 'education' };
const desk = contact('教育局信息中心', 'jy-data', '0571-86900000');

const GRADES = [
  '一年级',
  '二年级',
  '三年级',
  '四年级',
  '五年级',
  '六年级',
  '七年级',
  '八年级',
  '九年级',
  '高一',
  '高二',
  '高三',
];
const KINDERGARTEN_CLASSES = ['小班', '中班', '大班'];

/** The school year a pupil is in, from the September they started. */
function gradeOf(r: Resident, asOfDay: number): string {
  const start = Number((r.enrolledOn ?? '').slice(0, 4));
  const asOf = isoOfDay(asOfDay);
  const schoolYear = Number(asOf.slice(0, 4)) - (asOf.slice(5) >= '09-01' ? 0 : 1);
  const offset = { kindergarten: 0, primary: 0, junior: 6, senior: 9 }[r.school?.stage ?? 'primary'];
  const i = Math.max(0, schoolYear - start) + offset;
  return GRADES[Math.min(GRADES.length - 1, i)] as string;
}

function guardianOf(r: Resident) {
  return r.mother ?? r.father ?? null;
}

/** 杭州市教育局: pupils, kindergarten children and the schools they attend. */
export const educationDatasets: DemoDataset[] = [
  {
    owner,
    entry: entry(
      {
        code: 'JY-XJ-001',
        name: '中小学学生学籍信息',
        nameEn: 'School pupil registry',
        description: '全市中小学在籍学生：全国学籍号、就读学校、年级、入学日期、户籍地址与监护人。',
        sourceSystem: '全国中小学生学籍信息管理系统（浙江）',
        theme: 'education',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L4',
        tags: ['教育', '学籍', '未成年人'],
        fields: [
          key('student_no', '全国学籍号', { sensitivity: 'high' }),
          F.idNumber(),
          F.personName(),
          F.gender(),
          F.birthDate(),
          field('school_code', '学校标识码', 'string'),
          field('school_name', '就读学校', 'string'),
          field('grade', '年级', 'string'),
          F.date('enrolled_on', '入学日期'),
          F.address('hukou_address', '户籍地址', 'HUKOU_ADDRESS'),
          F.personName('guardian_name', '监护人姓名'),
          F.mobile('guardian_mobile', '监护人电话'),
          F.updatedAt(),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        for (const r of u.residents) {
          if (!r.school || r.school.stage === 'kindergarten') continue;
          const g = guardianOf(r);
          yield {
            student_no: `G${r.person.id_number}`,
            id_number: r.person.id_number,
            name: r.person.name,
            gender: r.person.gender,
            birth_date: r.person.birth_date,
            school_code: r.school.code,
            school_name: r.school.name,
            grade: gradeOf(r, w.asOfDay),
            enrolled_on: r.enrolledOn,
            hukou_address: r.hukouAddress,
            guardian_name: g?.name ?? null,
            guardian_mobile: g?.mobile ?? null,
            updated_at: updatedSince(rng, r.enrolledOn ?? isoOfDay(w.asOfDay), w.asOfDay),
          };
        }
      },
    },
    conflict: { rate: 0.03, key: 'id_number', field: 'hukou_address', alternative: addressVariant },
    defects: {
      rates: { missing: 0.03, bad_checksum: 0.002, stale: 0.01 },
      key: 'id_number',
      missingFields: ['guardian_mobile', 'guardian_name'],
      checksumFields: { id_number: 'resident-id' },
      staleField: 'updated_at',
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'JY-XX-001',
        name: '中小学及幼儿园名录',
        nameEn: 'Schools and kindergartens',
        description:
          '全市幼儿园、小学、初级中学和高级中学：学校标识码、名称、办学性质、地址与在校（园）人数。',
        sourceSystem: '教育事业统计系统',
        theme: 'education',
        updateFrequency: 'yearly',
        shareType: 'unconditional',
        openType: 'unconditional',
        level: 'L1',
        tags: ['教育', '学校', '开放数据'],
        fields: [
          key('school_code', '学校标识码'),
          field('name', '学校名称', 'string'),
          field('kind', '学校类型', 'string'),
          field('running', '办学性质', 'string'),
          field('address', '地址', 'string'),
          field('district', '所在区县', 'string'),
          field('street', '所在街道', 'string'),
          F.count('founded_year', '建校年份', '年'),
          F.count('students', '在校（园）人数', '人'),
        ],
      },
      desk,
    ),
    rows: {
      // After the pass, so the enrolment is that of the pupil registry.
      *summary(w) {
        for (const s of w.facilities.schools) {
          yield {
            school_code: s.code,
            name: s.name,
            kind: s.kind,
            running: s.running,
            address: s.address,
            district: s.district.name,
            street: s.street.name,
            founded_year: s.founded,
            students: w.stats.enrolment.get(s.code) ?? 0,
          };
        }
      },
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'JY-YE-001',
        name: '幼儿园在园幼儿信息',
        nameEn: 'Kindergarten children',
        description: '在园幼儿的园所、班级、入园日期与监护人。',
        sourceSystem: '全国学前教育管理信息系统（浙江）',
        theme: 'education',
        updateFrequency: 'weekly',
        shareType: 'conditional',
        openType: 'none',
        level: 'L4',
        tags: ['教育', '学前', '未成年人'],
        fields: [
          F.idNumber('child_id_number', '幼儿公民身份号码', true),
          F.personName(),
          F.gender(),
          F.birthDate(),
          field('kindergarten_code', '幼儿园标识码', 'string'),
          field('kindergarten_name', '幼儿园名称', 'string'),
          field('class_level', '班级', 'string'),
          F.date('enrolled_on', '入园日期'),
          F.personName('guardian_name', '监护人姓名'),
          F.mobile('guardian_mobile', '监护人电话'),
          F.updatedAt(),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        for (const r of u.residents) {
          if (r.school?.stage !== 'kindergarten') continue;
          const g = guardianOf(r);
          yield {
            child_id_number: r.person.id_number,
            name: r.person.name,
            gender: r.person.gender,
            birth_date: r.person.birth_date,
            kindergarten_code: r.school.code,
            kindergarten_name: r.school.name,
            class_level: KINDERGARTEN_CLASSES[Math.min(2, r.age - 3)] as string,
            enrolled_on: r.enrolledOn,
            guardian_name: g?.name ?? null,
            guardian_mobile: g?.mobile ?? null,
            updated_at: updatedSince(rng, r.enrolledOn ?? isoOfDay(w.asOfDay), w.asOfDay),
          };
        }
      },
    },
    defects: { rates: { missing: 0.03 }, key: 'child_id_number', missingFields: ['guardian_mobile'] },
  },
];

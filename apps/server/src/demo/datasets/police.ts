import { dayOf, isoOfDay } from '../dates.ts';
import { digits, scatter } from '../world/codes.ts';
import type { Vehicle } from '../world/world.ts';
import { contact, dayBetween, F, updatedSince, yearsAfter } from './common.ts';
import { type DemoDataset, entry, field, key, type Row } from './types.ts';

const owner = { department: 'police' };
const desk = contact('公安局人口与出入境数据专班', 'ga-data', '0571-87280000');

const REASONS = ['务工', '经商', '投靠亲属', '购房', '租房居住', '就学'];

/** 杭州市公安局: 户籍, residence registration, exit-entry documents, vehicles and drivers. */
export const policeDatasets: DemoDataset[] = [
  {
    owner,
    entry: entry(
      {
        code: 'GA-RK-001',
        name: '户籍人口基本信息',
        nameEn: 'Registered residents (hukou)',
        description:
          '全市户籍人口的身份、户籍与居住信息，来自公安人口信息管理系统，按公民身份号码唯一标识。婚姻状况以民政婚姻登记为准（一数一源）。',
        sourceSystem: '浙江省公安厅人口信息管理系统',
        theme: 'population',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['人口', '户籍', '基础库'],
        fields: [
          F.idNumber('id_number', '公民身份号码', true),
          F.personName(),
          F.gender(),
          F.birthDate(),
          field('ethnicity', '民族', 'string', { sensitivity: 'medium' }),
          field('household_id', '户号', 'string'),
          field('relation', '与户主关系', 'string'),
          field('hukou_community_code', '户籍地社区代码', 'string'),
          F.address('hukou_address', '户籍地址', 'HUKOU_ADDRESS'),
          F.address('residence_address', '现居住地址'),
          F.mobile(),
          field('marital_status', '婚姻状况', 'string', { sensitivity: 'medium', element: 'MARITAL_STATUS' }),
          field('education', '文化程度', 'string'),
          F.updatedAt(),
        ],
      },
      desk,
    ),
    rows: {
      *household(u) {
        for (const r of u.residents) {
          const p = r.person;
          yield {
            id_number: p.id_number,
            name: p.name,
            gender: p.gender,
            birth_date: p.birth_date,
            ethnicity: p.ethnicity,
            household_id: p.household_id,
            relation: p.relation,
            hukou_community_code: p.hukou_community_code,
            hukou_address: r.hukouAddress,
            residence_address: p.address,
            mobile: p.mobile,
            marital_status: p.marital_status,
            education: p.education,
            updated_at: p.updated_at,
          };
        }
      },
    },
    defects: {
      rates: { duplicate: 0.003, missing: 0.02, bad_checksum: 0.001, stale: 0.01 },
      key: 'id_number',
      missingFields: ['mobile', 'education', 'residence_address'],
      checksumFields: { id_number: 'resident-id' },
      staleField: 'updated_at',
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'GA-RK-002',
        name: '户籍家庭户信息',
        nameEn: 'Registered households',
        description: '户籍登记的家庭户：户号、户主、户籍地址与在册人数。',
        sourceSystem: '浙江省公安厅人口信息管理系统',
        theme: 'population',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['人口', '户籍', '家庭'],
        fields: [
          key('household_id', '户号'),
          F.idNumber('head_id_number', '户主公民身份号码'),
          F.personName('head_name', '户主姓名'),
          field('household_type', '户别', 'string'),
          F.count('member_count', '户内人数', '人'),
          field('hukou_community_code', '户籍地社区代码', 'string'),
          F.address('hukou_address', '户籍地址', 'HUKOU_ADDRESS'),
          F.date('established_on', '立户日期'),
          F.updatedAt(),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        const head = u.residents[0];
        if (!head) return;
        const adult = isoOfDay(dayOf(head.person.birth_date) + Math.ceil(18 * 365.25));
        yield {
          household_id: u.household.household_id,
          head_id_number: head.person.id_number,
          head_name: head.person.name,
          household_type: '家庭户',
          member_count: u.residents.length,
          hukou_community_code: u.household.hukou_community_code,
          hukou_address: head.hukouAddress,
          established_on: dayBetween(rng, adult, isoOfDay(w.asOfDay)),
          updated_at: u.residents
            .map((r) => r.person.updated_at)
            .sort()
            .at(-1) as string,
        };
      },
    },
    defects: {
      rates: { missing: 0.01, stale: 0.01 },
      key: 'household_id',
      missingFields: ['hukou_address', 'established_on'],
      staleField: 'updated_at',
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'GA-RK-003',
        name: '人户分离人员居住登记',
        nameEn: 'Residence registrations of people living away from their hukou',
        description: '户籍地与实际居住地不一致人员的居住登记（居住证申领依据），由社区民警和网格员采集。',
        sourceSystem: '杭州市流动人口和出租房屋管理系统',
        theme: 'population',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['人口', '居住登记', '人户分离'],
        fields: [
          key('registration_no', '登记编号'),
          F.idNumber(),
          F.personName(),
          F.gender(),
          F.address('hukou_address', '户籍地址', 'HUKOU_ADDRESS'),
          F.address('residence_address', '居住地址'),
          field('residence_community_code', '居住地社区代码', 'string'),
          field('reason', '居住事由', 'string'),
          F.date('registered_on', '登记日期'),
          F.mobile(),
          F.updatedAt(),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        for (const r of u.residents) {
          if (r.home.code === r.hukou.code || r.age < 16) continue;
          const registered = dayBetween(rng, yearsAfter(r.person.birth_date, 16), isoOfDay(w.asOfDay));
          yield {
            registration_no: '',
            id_number: r.person.id_number,
            name: r.person.name,
            gender: r.person.gender,
            hukou_address: r.hukouAddress,
            residence_address: r.person.address,
            residence_community_code: r.home.code,
            reason: r.job ? rng.pick(['务工', '经商']) : rng.pick(REASONS),
            registered_on: registered,
            mobile: r.person.mobile,
            updated_at: updatedSince(rng, registered, w.asOfDay),
          };
        }
      },
    },
    serial: {
      field: 'registration_no',
      format: (n, row) =>
        `JZ${String(row.residence_community_code).slice(0, 6)}${digits(scatter(n, 10 ** 8, 7_919, 77), 8)}`,
    },
    defects: {
      rates: { duplicate: 0.01, missing: 0.03, bad_checksum: 0.005, stale: 0.02 },
      key: 'id_number',
      missingFields: ['mobile', 'reason', 'id_number'],
      checksumFields: { id_number: 'resident-id' },
      staleField: 'updated_at',
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'GA-CRJ-001',
        name: '普通护照签发信息',
        nameEn: 'Passports issued',
        description: '杭州市公安局出入境管理局签发的普通护照。',
        sourceSystem: '出入境管理信息系统',
        theme: 'population',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['出入境', '证照'],
        fields: [
          key('passport_no', '护照号码', { sensitivity: 'medium', personalType: 'passport' }),
          F.idNumber(),
          F.personName(),
          F.gender(),
          F.birthDate(),
          F.date('issued_on', '签发日期'),
          F.date('expires_on', '有效期至'),
          field('authority', '签发机关', 'string'),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        for (const r of u.residents) {
          if (r.age < 16 || !rng.chance(r.age < 60 ? 0.14 : 0.06)) continue;
          const issued = dayBetween(
            rng,
            isoOfDay(Math.max(dayOf(yearsAfter(r.person.birth_date, 16)), w.asOfDay - 3650)),
            isoOfDay(w.asOfDay),
          );
          yield {
            passport_no: '',
            id_number: r.person.id_number,
            name: r.person.name,
            gender: r.person.gender,
            birth_date: r.person.birth_date,
            issued_on: issued,
            expires_on: yearsAfter(issued, 10),
            authority: '杭州市公安局出入境管理局',
          };
        }
      },
    },
    serial: { field: 'passport_no', format: (n) => `E${digits(scatter(n, 10 ** 8, 48_271, 31_337), 8)}` },
    defects: {
      rates: { duplicate: 0.002, bad_checksum: 0.002 },
      key: 'id_number',
      checksumFields: { id_number: 'resident-id' },
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'GA-JDC-001',
        name: '机动车登记信息',
        nameEn: 'Registered motor vehicles',
        description: '本市登记的机动车：号牌、车辆类型、品牌、所有人（个人或单位）、检验有效期与状态。',
        sourceSystem: '公安交通管理综合应用平台',
        theme: 'transport',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['交通', '车辆', '车管'],
        fields: [
          key('plate', '号牌号码', { sensitivity: 'medium' }),
          field('plate_type', '号牌种类', 'string'),
          field('vehicle_type', '车辆类型', 'string'),
          field('brand', '品牌', 'string'),
          field('color', '车身颜色', 'string'),
          field('owner_type', '所有人类型', 'string'),
          field('owner_id', '所有人证件号码', 'string', {
            sensitivity: 'medium',
            personalType: 'resident_id',
          }),
          field('owner_name', '所有人名称', 'string', { sensitivity: 'medium' }),
          F.date('registered_on', '初次登记日期'),
          F.date('inspection_until', '检验有效期止'),
          field('status', '机动车状态', 'string'),
          F.updatedAt(),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        for (const r of u.residents) {
          if (!r.vehicle) continue;
          yield vehicleRow(
            r.vehicle,
            '个人',
            r.person.id_number,
            r.person.name,
            updatedSince(rng, r.vehicle.registeredOn, w.asOfDay),
          );
        }
      },
      *enterprise(u, rng, w) {
        for (const v of u.vehicles)
          yield vehicleRow(
            v,
            '单位',
            u.enterprise.credit_code,
            u.enterprise.name,
            updatedSince(rng, v.registeredOn, w.asOfDay),
          );
      },
    },
    defects: {
      rates: { missing: 0.01, stale: 0.01 },
      key: 'plate',
      missingFields: ['brand', 'color'],
      staleField: 'updated_at',
    },
  },
  {
    owner,
    entry: entry(
      {
        code: 'GA-JSR-001',
        name: '机动车驾驶人信息',
        nameEn: 'Driving licence holders',
        description:
          '本市核发的机动车驾驶证：准驾车型、初次领证日期、有效期、记分与状态。驾驶证号即公民身份号码。',
        sourceSystem: '公安交通管理综合应用平台',
        theme: 'transport',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        tags: ['交通', '驾驶证', '车管'],
        fields: [
          F.idNumber('id_number', '驾驶证号（公民身份号码）', true),
          F.personName(),
          F.gender(),
          F.birthDate(),
          field('licence_class', '准驾车型', 'string'),
          F.date('first_issued_on', '初次领证日期'),
          F.date('valid_until', '有效期止'),
          F.count('points', '累积记分', '分'),
          field('status', '驾驶证状态', 'string'),
          F.mobile(),
          F.updatedAt(),
        ],
      },
      desk,
    ),
    rows: {
      *household(u, rng, w) {
        for (const r of u.residents) {
          const l = r.licence;
          if (!l) continue;
          yield {
            id_number: r.person.id_number,
            name: r.person.name,
            gender: r.person.gender,
            birth_date: r.person.birth_date,
            licence_class: l.class,
            first_issued_on: l.firstIssued,
            valid_until: l.validUntil,
            points: l.points,
            status: l.status,
            mobile: r.person.mobile,
            updated_at: updatedSince(rng, l.firstIssued, w.asOfDay),
          };
        }
      },
    },
    defects: {
      rates: { duplicate: 0.002, missing: 0.01, bad_checksum: 0.001 },
      key: 'id_number',
      missingFields: ['mobile'],
      checksumFields: { id_number: 'resident-id' },
    },
  },
];

function vehicleRow(
  v: Vehicle,
  ownerType: '个人' | '单位',
  ownerId: string,
  ownerName: string,
  updatedAt: string,
): Row {
  return {
    plate: v.plate,
    plate_type: v.plateType,
    vehicle_type: v.vehicleType,
    brand: v.brand,
    color: v.color,
    owner_type: ownerType,
    owner_id: ownerId,
    owner_name: ownerName,
    registered_on: v.registeredOn,
    inspection_until: v.inspectionUntil,
    status: v.status,
    updated_at: updatedAt,
  };
}

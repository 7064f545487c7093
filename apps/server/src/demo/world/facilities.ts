import { districtRoads } from '../addresses.ts';
import type { District, Divisions, Street } from '../divisions.ts';
import { Random, type Seed } from '../random.ts';
import { digits, organisationCreditCode } from './codes.ts';

/** Public facilities of the city, derived from its real divisions: the same for every scale. */
export type School = {
  code: string;
  name: string;
  stage: 'kindergarten' | 'primary' | 'junior' | 'senior';
  kind: '幼儿园' | '小学' | '初级中学' | '高级中学';
  running: '公办' | '民办';
  district: District;
  street: Street;
  address: string;
  founded: number;
};

export type Clinic = {
  code: string;
  name: string;
  category: '综合医院' | '中医医院' | '妇幼保健院' | '社区卫生服务中心' | '乡镇卫生院';
  grade: '三级甲等' | '二级甲等' | '二级乙等' | '一级甲等';
  beds: number;
  district: District;
  street: Street;
  address: string;
  phone: string;
};

export type Facilities = {
  schools: School[];
  clinics: Clinic[];
  /** Schools of one stage serving a street (for seniors, the district's high schools). */
  schoolsFor(street: Street, stage: School['stage']): School[];
  /** Where a street's residents register births and get vaccinated. */
  clinicFor(street: Street): Clinic;
  /** The district hospital where most of a district's babies are born. */
  maternityFor(district: District): Clinic;
};

/** 北山街道 → 北山, 瓶窑镇 → 瓶窑: the short place name facilities are named after. */
export function placeName(name: string): string {
  return name.replace(/(街道|镇|乡)$/, '');
}

export function districtShort(name: string): string {
  return name.length > 2 ? name.replace(/[区县市]$/, '') : name;
}

/** An address on one of the district's roads. */
export function roadAddress(rng: Random, street: Street): string {
  const road = rng.pick(districtRoads(street.district.code));
  return `浙江省杭州市${street.district.name}${street.name}${road}${rng.int(1, 600)}号`;
}

export function cityPhone(rng: Random): string {
  return `0571-${rng.int(2, 8)}${digits(rng.int(0, 9_999_999), 7)}`;
}

/** Schools and clinics for every street, in division order, so codes are stable. */
export function buildFacilities(seed: Seed, divisions: Divisions): Facilities {
  const rng = new Random(seed, 'facilities');
  const schools: School[] = [];
  const clinics: Clinic[] = [];
  const byStreet = new Map<string, Record<School['stage'], School[]>>();
  const seniors = new Map<string, School[]>();
  const streetClinic = new Map<string, Clinic>();
  const maternity = new Map<string, Clinic>();

  for (const district of divisions.districts) {
    let schoolSerial = 0;
    const schoolCode = () => `3${district.code}${digits(++schoolSerial, 3)}`;
    const short = districtShort(district.name);
    const seniorList: School[] = [];
    for (const [i, suffix] of ['高级中学', '第二高级中学'].entries()) {
      const street = district.streets[i % district.streets.length] as Street;
      const s: School = {
        code: schoolCode(),
        name: `杭州市${short}${suffix}`,
        stage: 'senior',
        kind: '高级中学',
        running: '公办',
        district,
        street,
        address: roadAddress(rng, street),
        founded: rng.int(1950, 2005),
      };
      seniorList.push(s);
      schools.push(s);
    }
    seniors.set(district.code, seniorList);

    let clinicSerial = 0;
    const clinicCode = () => organisationCreditCode('12', district.code, ++clinicSerial, 4_441);
    for (const [category, name, grade, beds] of [
      ['综合医院', `杭州市${short}第一人民医院`, '三级甲等', rng.int(600, 1500)],
      ['中医医院', `杭州市${short}中医院`, '二级甲等', rng.int(200, 600)],
      ['妇幼保健院', `杭州市${short}妇幼保健院`, '二级甲等', rng.int(100, 300)],
    ] as const) {
      const street = district.streets[0] as Street;
      const c: Clinic = {
        code: clinicCode(),
        name,
        category,
        grade,
        beds,
        district,
        street,
        address: roadAddress(rng, street),
        phone: cityPhone(rng),
      };
      clinics.push(c);
      if (category === '妇幼保健院') maternity.set(district.code, c);
    }

    for (const street of district.streets) {
      const place = placeName(street.name);
      const town = street.name.endsWith('镇') || street.name.endsWith('乡');
      const stageLists: Record<School['stage'], School[]> = {
        kindergarten: [],
        primary: [],
        junior: [],
        senior: seniorList,
      };
      const big = street.communities.length > 15;
      const plan: [School['stage'], School['kind'], string][] = [
        ['kindergarten', '幼儿园', `杭州市${short}${place}幼儿园`],
        ['primary', '小学', `杭州市${short}${place}小学`],
        ['junior', '初级中学', `杭州市${short}${place}${town ? street.name.slice(-1) : ''}中学`],
      ];
      if (big) {
        plan.push(['kindergarten', '幼儿园', `杭州市${short}${place}第二幼儿园`]);
        plan.push(['primary', '小学', `杭州市${short}${place}第二小学`]);
      }
      for (const [stage, kind, name] of plan) {
        const s: School = {
          code: schoolCode(),
          name,
          stage,
          kind,
          running: stage === 'kindergarten' && rng.chance(0.3) ? '民办' : '公办',
          district,
          street,
          address: roadAddress(rng, street),
          founded: rng.int(1950, 2018),
        };
        stageLists[stage].push(s);
        schools.push(s);
      }
      byStreet.set(street.code, stageLists);

      const c: Clinic = {
        code: clinicCode(),
        name: town ? `杭州市${short}${street.name}卫生院` : `杭州市${short}${place}街道社区卫生服务中心`,
        category: town ? '乡镇卫生院' : '社区卫生服务中心',
        grade: '一级甲等',
        beds: town ? rng.int(20, 80) : rng.int(0, 40),
        district,
        street,
        address: roadAddress(rng, street),
        phone: cityPhone(rng),
      };
      clinics.push(c);
      streetClinic.set(street.code, c);
    }
  }

  return {
    schools,
    clinics,
    schoolsFor: (street, stage) =>
      stage === 'senior'
        ? (seniors.get(street.district.code) as School[])
        : (byStreet.get(street.code) as Record<School['stage'], School[]>)[stage],
    clinicFor: (street) => streetClinic.get(street.code) as Clinic,
    maternityFor: (district) => maternity.get(district.code) as Clinic,
  };
}

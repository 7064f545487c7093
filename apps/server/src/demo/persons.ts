import { type Address, dwellingAddress } from './addresses.ts';
import { ageOn, dayOf, isoOfDay, timestampOn, yearOfDay } from './dates.ts';
import { type Community, loadDivisions } from './divisions.ts';
import { type MemberPlan, planHousehold, type Relation } from './households.ts';
import { localAreaCode, outsideAreaCode } from './id-area-codes.ts';
import { IdNumberAllocator } from './id-numbers.ts';
import { MobileAllocator } from './mobiles.ts';
import { type Gender, personName, pickSurname } from './names.ts';
import {
  type Education,
  type MaritalStatus,
  pickEducation,
  pickEthnicity,
  singleMaritalStatus,
} from './person-attributes.ts';
import { Random, type Seed } from './random.ts';

/** One resident, flat so that it maps one-to-one onto a CSV row or a dataset table. */
export type Person = {
  id_number: string;
  name: string;
  gender: Gender;
  birth_date: string;
  ethnicity: string;
  household_id: string;
  relation: Relation;
  hukou_district_code: string;
  hukou_community_code: string;
  address_community_code: string;
  address_district: string;
  address_street: string;
  address_community: string;
  address: string;
  mobile: string | null;
  marital_status: MaritalStatus;
  education: Education;
  spouse_id_number: string | null;
  updated_at: string;
};

export type Household = {
  household_id: string;
  hukou_community_code: string;
  address: Address;
  members: Person[];
};

export type PersonOptions = {
  /** The reference date ages are counted to; fixed so that a seed means the same city on every day. */
  asOf?: string;
};

export const DEFAULT_AS_OF = '2025-06-30';

type Origin = 'local' | 'outside';

/** An endless, deterministic stream of households (户) with their members. */
export function* generateHouseholds(seed: Seed, options: PersonOptions = {}): Generator<Household> {
  const asOfDay = dayOf(options.asOf ?? DEFAULT_AS_OF);
  const divisions = loadDivisions();
  const rng = new Random(seed, 'households');
  const ids = new IdNumberAllocator();
  const mobiles = new MobileAllocator(`${seed}`);
  const householdNumbers = new Map<string, number>();
  const dwellingSerials = new Map<string, number>();
  while (true) {
    const hukou = divisions.pickCommunity(rng);
    // 人户分离: a fifth of households live away from their registered community.
    const home: Community = rng.chance(0.8) ? hukou : divisions.pickCommunity(rng);
    const serial = dwellingSerials.get(home.code) ?? 0;
    dwellingSerials.set(home.code, serial + 1);
    const address = dwellingAddress(rng, home, serial);
    const n = (householdNumbers.get(hukou.code) ?? 0) + 1;
    householdNumbers.set(hukou.code, n);
    const householdId = hukou.code + String(n).padStart(5, '0');
    const { members: plans } = planHousehold(rng);
    const headOrigin: Origin = rng.chance(0.75) ? 'local' : 'outside';

    const surnames: string[] = [];
    const ethnicities: string[] = [];
    const members: Person[] = [];
    for (const [i, plan] of plans.entries()) {
      // Kept off the exact anniversary so that leap days cannot make someone a year younger than planned.
      const birthDay = asOfDay - Math.floor((plan.age + 0.003 + 0.994 * rng.next()) * 365.2425);
      const birthYear = yearOfDay(birthDay);
      surnames.push(inheritSurname(rng, plans, surnames, plan));
      ethnicities.push(inheritEthnicity(rng, plans, ethnicities, plan));
      // Children and grandchildren got their numbers at birth here; elders share the head's origin.
      const bornHere = ['子', '女', '孙子', '孙女'].includes(plan.relation) && plan.age < 18;
      const origin = bornHere
        ? 'local'
        : plan.relation === '配偶' && rng.chance(0.35)
          ? flip(headOrigin)
          : headOrigin;
      const [idNumber, actualBirthDay] = allocateId(
        ids,
        rng,
        origin,
        hukou.district.code,
        birthDay,
        birthYear,
        plan.gender,
      );
      const age = ageOn(actualBirthDay, asOfDay);
      const hasChildren = plans.some((p) => isChildOf(p.relation, plan.relation));
      members.push({
        id_number: idNumber,
        name: personName(rng, plan.gender, birthYear, surnames[i]),
        gender: plan.gender,
        birth_date: isoOfDay(actualBirthDay),
        ethnicity: ethnicities[i] as string,
        household_id: householdId,
        relation: plan.relation,
        hukou_district_code: hukou.district.code,
        hukou_community_code: hukou.code,
        address_community_code: home.code,
        address_district: address.district,
        address_street: address.street,
        address_community: address.community,
        address: address.text,
        mobile: hasMobile(rng, age) ? mobiles.allocate(rng) : null,
        marital_status:
          plan.spouse !== null ? '已婚' : singleMaritalStatus(rng, age, plan.gender, hasChildren),
        education: pickEducation(rng, age, birthYear),
        spouse_id_number: null,
        updated_at: timestampOn(asOfDay - rng.int(0, 720), rng.normalInt(13 * 3600, 3 * 3600, 0, 86_399)),
      });
    }
    for (const [i, plan] of plans.entries()) {
      if (plan.spouse !== null)
        (members[i] as Person).spouse_id_number = (members[plan.spouse] as Person).id_number;
    }
    yield { household_id: householdId, hukou_community_code: hukou.code, address, members };
  }
}

/** The first `count` persons of the city for this seed, household by household. */
export function* generatePersons(seed: Seed, count: number, options: PersonOptions = {}): Generator<Person> {
  let emitted = 0;
  if (emitted >= count) return;
  for (const household of generateHouseholds(seed, options)) {
    for (const person of household.members) {
      yield person;
      if (++emitted >= count) return;
    }
  }
}

function flip(o: Origin): Origin {
  return o === 'local' ? 'outside' : 'local';
}

function allocateId(
  ids: IdNumberAllocator,
  rng: Random,
  origin: Origin,
  districtCode: string,
  birthDay: number,
  birthYear: number,
  gender: Gender,
): [string, number] {
  const area = origin === 'local' ? localAreaCode(rng, districtCode, birthYear) : outsideAreaCode(rng);
  // A full day (all 500 sequences of a gender) is practically impossible; moving a day keeps numbers unique.
  for (let day = birthDay; ; day--) {
    const id = ids.allocate(area, day, gender);
    if (id) return [id, day];
  }
}

function isChildOf(child: Relation, parent: Relation): boolean {
  if (parent === '户主' || parent === '配偶') return child === '子' || child === '女';
  if (parent === '父亲' || parent === '母亲') return true;
  if (parent === '子' || parent === '女' || parent === '儿媳' || parent === '女婿') {
    return child === '孙子' || child === '孙女';
  }
  return false;
}

const FATHER_OF: Partial<Record<Relation, Relation[]>> = {
  子: ['户主', '配偶'],
  女: ['户主', '配偶'],
  孙子: ['子', '女婿'],
  孙女: ['子', '女婿'],
};

/** Children mostly take the father's surname; parents of the head pass theirs to the head. */
function inheritSurname(rng: Random, plans: MemberPlan[], surnames: string[], plan: MemberPlan): string {
  if (plan.relation === '父亲') {
    // The head is already named; the father shares the name.
    return surnames[0] as string;
  }
  const fathers = FATHER_OF[plan.relation];
  if (fathers && rng.chance(0.92)) {
    const idx = plans.findIndex(
      (p, j) => j < surnames.length && p.gender === '男' && fathers.includes(p.relation),
    );
    if (idx >= 0) return surnames[idx] as string;
  }
  return pickSurname(rng);
}

function inheritEthnicity(rng: Random, plans: MemberPlan[], ethnicities: string[], plan: MemberPlan): string {
  // The head's parents passed their ethnicity on to the head, who is listed first.
  if (plan.relation === '父亲' || plan.relation === '母亲') return ethnicities[0] as string;
  const parents = FATHER_OF[plan.relation];
  if (parents) {
    const idx = plans.findIndex((p, j) => j < ethnicities.length && parents.includes(p.relation));
    if (idx >= 0) return ethnicities[idx] as string;
  }
  return pickEthnicity(rng);
}

function hasMobile(rng: Random, age: number): boolean {
  if (age < 12) return false;
  const p = age < 16 ? 0.4 : age < 18 ? 0.75 : age < 70 ? 0.98 : age < 80 ? 0.85 : 0.55;
  return rng.chance(p);
}

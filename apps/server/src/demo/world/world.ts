import { dwellingAddress } from '../addresses.ts';
import { ageOn, dayOf, isoOfDay } from '../dates.ts';
import { DefectLog, maritalStatusConflict } from '../defects.ts';
import { type Community, type Divisions, loadDivisions } from '../divisions.ts';
import type { Enterprise } from '../enterprises.ts';
import { MARRIAGE_AGE } from '../households.ts';
import type { House } from '../houses.ts';
import type { MaritalStatus } from '../person-attributes.ts';
import { DEFAULT_AS_OF, type Household, type Person } from '../persons.ts';
import { Random, type Seed } from '../random.ts';
import { PlateAllocator } from './codes.ts';
import { buildFacilities, type Facilities, type School } from './facilities.ts';
import { WorldStats } from './stats.ts';
import { type Job, type Licence, makeVehicle, pickLicence, pickPosition, type Vehicle } from './traits.ts';

export type { Job, Licence, Vehicle } from './traits.ts';

/** One person with the facts several departments record about them, decided once so they agree. */
export type Resident = {
  person: Person;
  age: number;
  home: Community;
  hukou: Community;
  /** 户籍地址: the dwelling when living where registered, otherwise a dwelling in the registered community. */
  hukouAddress: string;
  /** What 民政 (the civil registry) holds: the 户籍 status, except where the two sources disagree. */
  civil: MaritalStatus;
  marriedOn: string | null;
  divorcedOn: string | null;
  spouse: Person | null;
  father: Person | null;
  mother: Person | null;
  job: Job | null;
  pension: '企业职工基本养老保险' | '城乡居民基本养老保险' | null;
  retiredOn: string | null;
  licence: Licence | null;
  vehicle: Vehicle | null;
  school: School | null;
  enrolledOn: string | null;
};

export type HouseholdUnit = { household: Household; residents: Resident[]; house: House | null };

export type EnterpriseUnit = {
  enterprise: Enterprise;
  active: boolean;
  /** Whole years since establishment. */
  years: number;
  employees: number;
  vehicles: Vehicle[];
};

export type WorldOptions = {
  seed: Seed;
  asOf?: string;
  /** Share of adults on whom 户籍 and 民政 disagree about marital status. */
  maritalConflictRate?: number;
  keepConflictEntries?: boolean;
};

const RETIREMENT_AGE = { 男: 60, 女: 55 } as const;
const EMPLOYER_POOL = 256;

/**
 * The synthetic city's shared facts: facilities from the real divisions, and per household or
 * enterprise the facts several datasets must agree on (jobs, cars, schools, marriages). Holds only
 * a small pool of recent employers, so memory does not grow with the city.
 */
export class World {
  readonly seed: Seed;
  readonly asOfDay: number;
  readonly divisions: Divisions;
  readonly facilities: Facilities;
  readonly stats = new WorldStats();
  readonly plates = new PlateAllocator();
  /** The 一数一源 conflicts on marital status, as `DefectLog` entries keyed by ID number. */
  readonly maritalConflicts: DefectLog;
  private readonly rng: Random;
  private readonly enterpriseRng: Random;
  private readonly conflictRate: number;
  private readonly employers: Enterprise[] = [];
  private employerCursor = 0;

  constructor(options: WorldOptions) {
    this.seed = options.seed;
    this.asOfDay = dayOf(options.asOf ?? DEFAULT_AS_OF);
    this.divisions = loadDivisions();
    this.facilities = buildFacilities(options.seed, this.divisions);
    this.rng = new Random(options.seed, 'world', 'households');
    this.enterpriseRng = new Random(options.seed, 'world', 'enterprises');
    this.conflictRate = options.maritalConflictRate ?? 0.02;
    this.maritalConflicts = new DefectLog(options.keepConflictEntries ?? true);
  }

  /** A recently registered active company (developers, contractors); null before any has streamed by. */
  pickEmployer(rng: Random): Enterprise | null {
    return this.employers.length === 0
      ? null
      : (this.employers[rng.int(0, this.employers.length - 1)] as Enterprise);
  }

  /** An enterprise's facts; active companies also join the pool that employs residents. */
  enterprise(e: Enterprise): EnterpriseUnit {
    const rng = this.enterpriseRng;
    const active = e.status === '存续' || e.status === '在业';
    const years = Math.max(0, ageOn(dayOf(e.established_on), this.asOfDay));
    const employees =
      e.enterprise_type === '个体工商户'
        ? rng.int(1, 6)
        : e.enterprise_type === '农民专业合作社'
          ? rng.int(5, 40)
          : Math.min(5000, Math.max(1, Math.round(Math.exp(rng.normal(2.4, 1.2)))));
    const vehicles: Vehicle[] = [];
    if (active) {
      const shop = e.enterprise_type === '个体工商户';
      const fleet =
        e.industry_code === 'G' ? (shop ? rng.int(1, 2) : rng.int(2, 12)) : rng.chance(0.2) ? 1 : 0;
      for (let i = 0; i < fleet; i++)
        vehicles.push(
          makeVehicle(
            rng,
            this.plates,
            dayOf(e.established_on),
            this.asOfDay,
            e.industry_code === 'G' && !shop,
          ),
        );
    }
    this.stats.enterprise(e.district_code, e.enterprise_type, active, e.registered_capital);
    if (active && e.enterprise_type !== '个体工商户') {
      if (this.employers.length < EMPLOYER_POOL) this.employers.push(e);
      else this.employers[this.employerCursor++ % EMPLOYER_POOL] = e;
    }
    return { enterprise: e, active, years, employees, vehicles };
  }

  /** A household's residents with their facts, counted into the statistics. */
  household(household: Household, house: House | null): HouseholdUnit {
    const rng = this.rng;
    const members = household.members;
    const first = members[0];
    const hukou = this.divisions.byCommunityCode.get(household.hukou_community_code) as Community;
    const home = this.divisions.byCommunityCode.get(first?.address_community_code ?? hukou.code) as Community;
    const hukouAddress = home.code === hukou.code ? household.address.text : dwellingAddress(rng, hukou).text;
    const residents: Resident[] = members.map((p) => this.resident(rng, p, home, hukou, hukouAddress));
    linkFamily(residents);
    this.marriages(rng, residents);
    let vehicles = 0;
    for (const r of residents) {
      if (r.licence && vehicles < 2 && rng.chance(0.5)) {
        r.vehicle = makeVehicle(rng, this.plates, dayOf(r.licence.firstIssued), this.asOfDay, false);
        vehicles++;
      }
      this.count(r);
    }
    this.stats.community(home.code).households++;
    return { household, residents, house };
  }

  private resident(
    rng: Random,
    p: Person,
    home: Community,
    hukou: Community,
    hukouAddress: string,
  ): Resident {
    const age = ageOn(dayOf(p.birth_date), this.asOfDay);
    const retirementAge = RETIREMENT_AGE[p.gender];
    const working = age >= 18 && age < retirementAge;
    const employed =
      working &&
      rng.chance(age < 22 ? 0.25 : age < 25 ? 0.6 : age < 50 ? 0.8 : 0.6) &&
      this.employers.length > 0;
    let job: Job | null = null;
    if (employed) {
      const employer = this.employers[rng.int(0, this.employers.length - 1)] as Enterprise;
      const start = Math.max(dayOf(employer.established_on), dayOf(p.birth_date) + Math.ceil(18 * 365.25));
      const since = start >= this.asOfDay ? this.asOfDay : rng.int(start, this.asOfDay);
      job = {
        employer,
        since: isoOfDay(since),
        position: pickPosition(rng, employer.industry_code),
        wage: Math.round(Math.exp(rng.normal(9.0, 0.45)) / 100) * 100,
        contract: rng.weighted(
          ['固定期限劳动合同', '无固定期限劳动合同', '以完成一定工作任务为期限'],
          [70, 25, 5],
        ),
      };
    }
    let pension: Resident['pension'] = null;
    let retiredOn: string | null = null;
    if (age >= retirementAge) {
      const r = rng.next();
      pension = r < 0.72 ? '企业职工基本养老保险' : r < 0.97 ? '城乡居民基本养老保险' : null;
      const birth = dayOf(p.birth_date);
      if (pension)
        retiredOn = isoOfDay(
          Math.min(this.asOfDay, birth + Math.round(retirementAge * 365.25) + rng.int(0, 60)),
        );
    }
    const licence = pickLicence(rng, age, dayOf(p.birth_date), this.asOfDay);
    let school: School | null = null;
    let enrolledOn: string | null = null;
    const stage =
      age >= 3 && age <= 5
        ? 'kindergarten'
        : age >= 6 && age <= 11
          ? 'primary'
          : age >= 12 && age <= 14
            ? 'junior'
            : age >= 15 && age <= 17
              ? 'senior'
              : null;
    if (stage && (stage !== 'kindergarten' || rng.chance(0.9))) {
      school = rng.pick(this.facilities.schoolsFor(home.street, stage));
      const entryAge = { kindergarten: 3, primary: 6, junior: 12, senior: 15 }[stage];
      enrolledOn = `${Number(p.birth_date.slice(0, 4)) + entryAge + (p.birth_date.slice(5) > '08-31' ? 1 : 0)}-09-01`;
      if (enrolledOn > isoOfDay(this.asOfDay)) enrolledOn = isoOfDay(this.asOfDay);
      this.stats.enrol(school.code);
    }
    return {
      person: p,
      age,
      home,
      hukou,
      hukouAddress,
      civil: p.marital_status,
      marriedOn: null,
      divorcedOn: null,
      spouse: null,
      father: null,
      mother: null,
      job,
      pension,
      retiredOn,
      licence,
      vehicle: null,
      school,
      enrolledOn,
    };
  }

  /**
   * Marriage dates for couples in the household, and the cases where 民政 knows better than 户籍:
   * a divorce not yet reported (both spouses), or a single person's marriage, divorce or widowhood.
   */
  private marriages(rng: Random, residents: Resident[]): void {
    const log = this.maritalConflicts;
    const done = new Set<Resident>();
    for (const r of residents) {
      if (done.has(r)) continue;
      done.add(r);
      const spouse = r.spouse ? residents.find((x) => x.person === r.spouse) : undefined;
      if (spouse && r.person.marital_status === '已婚' && spouse.person.marital_status === '已婚') {
        done.add(spouse);
        const [husband, wife] = r.person.gender === '男' ? [r, spouse] : [spouse, r];
        const from = Math.max(
          dayOf(husband.person.birth_date) + Math.ceil(MARRIAGE_AGE.男 * 365.25),
          dayOf(wife.person.birth_date) + Math.ceil(MARRIAGE_AGE.女 * 365.25),
          dayOf('1981-01-01'),
        );
        const children = residents.filter((c) => c.father === husband.person || c.mother === wife.person);
        const firstChild = Math.min(this.asOfDay, ...children.map((c) => dayOf(c.person.birth_date) - 200));
        const married = from >= firstChild ? from : rng.int(from, firstChild);
        husband.marriedOn = wife.marriedOn = isoOfDay(Math.min(married, this.asOfDay));
        const conflict = rng.chance(this.conflictRate) && married < this.asOfDay - 400;
        for (const x of [husband, wife]) {
          log.input++;
          if (conflict) {
            x.civil = '离婚';
            log.add({
              kind: 'conflict',
              key: x.person.id_number,
              field: 'marital_status',
              original: '已婚',
              injected: '离婚',
              position: log.output,
            });
          }
          log.output++;
        }
        if (conflict) {
          const divorced = isoOfDay(rng.int(married + 365, this.asOfDay - 30));
          husband.divorcedOn = wife.divorcedOn = divorced;
        }
        continue;
      }
      log.input++;
      if (r.age >= 20 && rng.chance(this.conflictRate)) {
        const other = maritalStatusConflict(r.person.marital_status, r.person, rng);
        if (other !== undefined && other !== r.person.marital_status) {
          r.civil = other;
          log.add({
            kind: 'conflict',
            key: r.person.id_number,
            field: 'marital_status',
            original: r.person.marital_status,
            injected: other,
            position: log.output,
          });
        }
      }
      log.output++;
      // Someone married, divorced or widowed registered a marriage once, after reaching the legal age.
      if (r.civil !== '未婚') {
        const from = Math.max(
          dayOf(r.person.birth_date) + Math.ceil(MARRIAGE_AGE[r.person.gender] * 365.25),
          dayOf('1981-01-01'),
        );
        const to = this.asOfDay - 60;
        const married = from >= to ? to : rng.int(from, to);
        r.marriedOn = isoOfDay(married);
        if (r.civil === '离婚') r.divorcedOn = isoOfDay(Math.min(to, married + rng.int(365, 20 * 365)));
      }
    }
  }

  private count(r: Resident): void {
    const home = this.stats.community(r.home.code);
    home.residents++;
    if (r.person.gender === '男') home.male++;
    else home.female++;
    if (r.age < 18) home.minors++;
    else if (r.age < 60) home.working++;
    else home.elderly++;
    this.stats.community(r.hukou.code).registered++;
  }
}

/** Spouses and parents from the relations to the head (GB/T 4761), within the household. */
function linkFamily(residents: Resident[]): void {
  const byRelation = (rel: string) => residents.find((r) => r.person.relation === rel)?.person ?? null;
  const head = residents[0]?.person ?? null;
  for (const r of residents) {
    const s = r.person.spouse_id_number;
    r.spouse = s ? (residents.find((x) => x.person.id_number === s)?.person ?? null) : null;
  }
  const headSpouse = residents.find((r) => r.person.relation === '配偶')?.person ?? null;
  for (const r of residents) {
    const rel = r.person.relation;
    let a: Person | null = null;
    let b: Person | null = null;
    if (rel === '子' || rel === '女') [a, b] = [head, headSpouse];
    else if (rel === '户主') [a, b] = [byRelation('父亲'), byRelation('母亲')];
    else if (rel === '孙子' || rel === '孙女') {
      const child = residents.find((x) => ['子', '女'].includes(x.person.relation) && x.spouse)?.person;
      const inLaw = residents.find((x) => ['儿媳', '女婿'].includes(x.person.relation))?.person ?? null;
      [a, b] = [
        child ?? residents.find((x) => ['子', '女'].includes(x.person.relation))?.person ?? null,
        inLaw,
      ];
    }
    for (const parent of [a, b]) {
      if (!parent) continue;
      if (parent.gender === '男') r.father = parent;
      else r.mother = parent;
    }
  }
}

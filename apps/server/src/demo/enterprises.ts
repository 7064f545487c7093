import { creditCodeCheckChar } from '../platform/formats.ts';
import { businessAddress } from './addresses.ts';
import { ageOn, dayOf, isoOfDay, timestampOn, yearOfDay } from './dates.ts';
import { loadDivisions } from './divisions.ts';
import { localAreaCode } from './id-area-codes.ts';
import { COMPANY_INDUSTRIES, SHOP_INDUSTRIES } from './industries.ts';
import { type EnterpriseForm, enterpriseName } from './names.ts';
import { DEFAULT_AS_OF, generatePersons, type Person } from './persons.ts';
import { Random, type Seed, weightedTable } from './random.ts';

export type EnterpriseStatus = '存续' | '在业' | '注销' | '吊销';

export type Enterprise = {
  credit_code: string;
  name: string;
  enterprise_type: EnterpriseForm;
  legal_rep_id_number: string;
  legal_rep_name: string;
  /** Integer yuan (注册资本; 资金数额 for individual businesses, 出资总额 for cooperatives). */
  registered_capital: number;
  industry_code: string;
  industry_name: string;
  established_on: string;
  status: EnterpriseStatus;
  cancelled_on: string | null;
  district_code: string;
  street_code: string;
  registered_address: string;
  updated_at: string;
};

export type EnterpriseOptions = {
  asOf?: string;
  /** Where legal representatives come from; by default the persons of the same seed, so they exist in that dataset. */
  persons?: Iterable<Person>;
  /** Share of eligible adults (25–75) who become a representative as the persons stream passes. */
  repShare?: number;
};

// Registration authority 9 (market regulation), then the category: 1 enterprise, 2 individual, 3 cooperative.
const CATEGORY: Record<EnterpriseForm, string> = {
  有限责任公司: '1',
  股份有限公司: '1',
  个体工商户: '2',
  农民专业合作社: '3',
};
const FORMS = weightedTable<EnterpriseForm>([
  ['有限责任公司', 60],
  ['个体工商户', 36],
  ['股份有限公司', 1.5],
  ['农民专业合作社', 2.5],
]);

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The GB 11714 check character of an 8-character organisation code body (letters count A = 10 … Z = 35). */
export function organisationCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8.charCodeAt(i);
    const v = ch <= 57 ? ch - 48 : ch - 55;
    sum += v * (ORG_WEIGHTS[i] as number);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

// Counters through affine bijections keep codes unique without a set of issued codes.
const MA_SPACE = 31 ** 6;
const DIGIT_SPACE = 100_000_000;

function organisationCode(index: number, modern: boolean): string {
  let body: string;
  if (modern) {
    // Entities registered after the 2015 reform got `MA` + six characters from the credit alphabet.
    let n = (index * 48_271 + 7_654_321) % MA_SPACE;
    let tail = '';
    for (let i = 0; i < 6; i++) {
      tail = ORG_ALPHABET[n % 31] + tail;
      n = Math.floor(n / 31);
    }
    body = `MA${tail}`;
  } else {
    body = String((index * 73_939_133 + 14_300_000) % DIGIT_SPACE).padStart(8, '0');
  }
  return body + organisationCheckChar(body);
}

const REFORM_DAY = dayOf('2015-10-01');

/** The first `count` enterprises of the city for this seed. */
export function* generateEnterprises(
  seed: Seed,
  count: number,
  options: EnterpriseOptions = {},
): Generator<Enterprise> {
  const asOfDay = dayOf(options.asOf ?? DEFAULT_AS_OF);
  const divisions = loadDivisions();
  const rng = new Random(seed, 'enterprises');
  const persons = (options.persons ?? generatePersons(seed, Number.POSITIVE_INFINITY, options))[
    Symbol.iterator
  ]();
  const repShare = options.repShare ?? 0.3;
  const recentReps: Person[] = [];
  let modernIndex = 0;
  let legacyIndex = 0;

  for (let i = 0; i < count; i++) {
    const rep = nextRep(rng, persons, recentReps, asOfDay, repShare);
    const form = FORMS.pick(rng);
    const section = form === '个体工商户' ? SHOP_INDUSTRIES.pick(rng) : COMPANY_INDUSTRIES.pick(rng);
    const keyword =
      form === '农民专业合作社'
        ? rng.pick(['茶叶', '果蔬', '竹笋', '水产养殖', '山核桃', '蚕桑'])
        : form === '个体工商户'
          ? rng.pick(section.shopWords)
          : rng.pick(section.companyWords);
    const established = establishmentDay(rng, form, dayOf(rep.birth_date), asOfDay);
    const community = rng.chance(0.6)
      ? (divisions.byCommunityCode.get(rep.address_community_code) ?? divisions.pickCommunity(rng))
      : divisions.pickCommunity(rng);
    const modern = established >= REFORM_DAY;
    const org = organisationCode(modern ? modernIndex++ : legacyIndex++, modern);
    // Codes were assigned at registration or in the 2016 re-licensing, under that year's district codes;
    // larger companies register with the city authority.
    const cityLevel = form !== '个体工商户' && form !== '农民专业合作社' && rng.chance(0.1);
    const area = cityLevel
      ? '330100'
      : localAreaCode(rng, community.district.code, Math.max(yearOfDay(established), 2016));
    const body = `9${CATEGORY[form]}${area}${org}`;
    const { status, cancelled } = statusOf(rng, established, asOfDay);
    yield {
      credit_code: body + (creditCodeCheckChar(body) as string),
      name: enterpriseName(rng, form, keyword, community.district.name),
      enterprise_type: form,
      legal_rep_id_number: rep.id_number,
      legal_rep_name: rep.name,
      registered_capital: capitalOf(rng, form),
      industry_code: section.code,
      industry_name: section.name,
      established_on: isoOfDay(established),
      status,
      cancelled_on: cancelled === null ? null : isoOfDay(cancelled),
      district_code: community.district.code,
      street_code: community.street.code,
      registered_address: businessAddress(rng, community),
      updated_at: timestampOn(
        Math.max(established, asOfDay - rng.int(0, 1500)),
        rng.int(8 * 3600, 18 * 3600),
      ),
    };
  }
}

function nextRep(
  rng: Random,
  persons: Iterator<Person>,
  recent: Person[],
  asOfDay: number,
  share: number,
): Person {
  for (;;) {
    const next = persons.next();
    if (next.done) {
      // A finite pool ran out: people who already represent a firm open another one.
      if (recent.length === 0) throw new Error('no adult aged 25–75 among the persons given');
      return rng.pick(recent);
    }
    const age = ageOn(dayOf(next.value.birth_date), asOfDay);
    if (age < 25 || age > 75 || !rng.chance(share)) continue;
    if (recent.length < 1000) recent.push(next.value);
    else recent[rng.int(0, 999)] = next.value;
    return next.value;
  }
}

/** Registrations grew ~9% a year; nobody registers before turning 20. */
function establishmentDay(rng: Random, form: EnterpriseForm, repBirthDay: number, asOfDay: number): number {
  const earliest = Math.max(
    repBirthDay + Math.ceil(20 * 365.25),
    dayOf(form === '个体工商户' ? '1985-01-01' : '1992-01-01'),
  );
  const span = asOfDay - earliest;
  if (span <= 0) return asOfDay;
  // Exponential growth toward the present: sample the age of the firm from an exponential distribution.
  const ageDays = Math.floor((-Math.log(1 - rng.next()) * 365.25) / 0.09);
  return asOfDay - (ageDays % span);
}

function statusOf(
  rng: Random,
  established: number,
  asOfDay: number,
): { status: EnterpriseStatus; cancelled: number | null } {
  const years = (asOfDay - established) / 365.25;
  const pClosed = Math.min(0.45, 0.025 * years);
  if (rng.chance(pClosed)) {
    const cancelled = established + Math.floor(rng.next() * (asOfDay - established));
    return { status: rng.chance(0.85) ? '注销' : '吊销', cancelled };
  }
  return { status: rng.chance(0.8) ? '存续' : '在业', cancelled: null };
}

const ROUND_CAPITAL = weightedTable(
  (
    [
      [100_000, 10],
      [300_000, 6],
      [500_000, 15],
      [1_000_000, 25],
      [2_000_000, 8],
      [3_000_000, 6],
      [5_000_000, 14],
      [10_000_000, 10],
      [20_000_000, 3],
      [50_000_000, 2],
      [100_000_000, 1],
    ] as const
  ).map(([v, w]) => [v as number, w] as const),
);

function capitalOf(rng: Random, form: EnterpriseForm): number {
  switch (form) {
    case '个体工商户':
      return rng.int(1, 500) * 1000;
    case '农民专业合作社':
      return rng.int(10, 500) * 10_000;
    case '股份有限公司':
      return rng.pick([5_000_000, 10_000_000, 30_000_000, 50_000_000, 100_000_000, 360_000_000]);
    default:
      // Most founders type a round figure; some register odd amounts after capital changes.
      return rng.chance(0.85) ? ROUND_CAPITAL.pick(rng) : Math.round(Math.exp(rng.normal(14, 1.3)));
  }
}

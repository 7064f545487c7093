import { readReferenceAreas } from '../modules/areas/index.ts';
import { type Random, type WeightedTable, weightedTable } from './random.ts';

export type District = { code: string; name: string; streets: Street[] };
export type Street = { code: string; name: string; district: District; communities: Community[] };
export type Community = {
  code: string;
  /** The registered name of the committee, e.g. `庄丰村委会`. */
  officialName: string;
  /** The name people write in addresses, e.g. `庄丰村`. */
  name: string;
  rural: boolean;
  street: Street;
  district: District;
};

export type Divisions = {
  districts: District[];
  communities: Community[];
  byCommunityCode: Map<string, Community>;
  /** A community drawn by resident population (district census totals spread over its communities). */
  pickCommunity(rng: Random): Community;
  pickDistrict(rng: Random): District;
};

// Resident population by district, in 10,000s (7th census 2020, re-cut to the 2021 districts).
const DISTRICT_POPULATION: Record<string, number> = {
  '330102': 132,
  '330105': 118,
  '330106': 114,
  '330108': 50,
  '330109': 201,
  '330110': 126,
  '330111': 83,
  '330112': 64,
  '330113': 117,
  '330114': 77,
  '330122': 45,
  '330127': 33,
  '330182': 44,
};

/** The committee name as written in an address: 村委会/村民委员会 → 村, 居委会 → 社区. */
export function addressCommunityName(official: string): string {
  return official
    .replace(/村?村民委员会$/, '村')
    .replace(/村委会$/, '村')
    .replace(/社区居委会$/, '社区')
    .replace(/(居民委员会|居委会)$/, '社区');
}

let cached: Divisions | undefined;

/** Hangzhou's real divisions, indexed for generation; read once per process. */
export function loadDivisions(): Divisions {
  if (cached) return cached;
  const areas = readReferenceAreas();
  const districts = new Map<string, District>();
  const streets = new Map<string, Street>();
  const communities: Community[] = [];
  for (const a of areas) {
    if (a.level === 'district') districts.set(a.code, { code: a.code, name: a.name, streets: [] });
    else if (a.level === 'street') {
      const district = districts.get(a.parent_code as string);
      if (!district) throw new Error(`street ${a.code} without district`);
      const street: Street = { code: a.code, name: a.name, district, communities: [] };
      district.streets.push(street);
      streets.set(a.code, street);
    } else if (a.level === 'community') {
      const street = streets.get(a.parent_code as string);
      if (!street) throw new Error(`community ${a.code} without street`);
      const name = addressCommunityName(a.name);
      const c: Community = {
        code: a.code,
        officialName: a.name,
        name,
        rural: name.endsWith('村'),
        street,
        district: street.district,
      };
      street.communities.push(c);
      communities.push(c);
    }
  }
  const perDistrict = new Map<string, number>();
  for (const c of communities) {
    perDistrict.set(c.district.code, (perDistrict.get(c.district.code) ?? 0) + (c.rural ? 1 : 3));
  }
  // An urban community houses about three times a village's people.
  const communityTable: WeightedTable<Community> = weightedTable(
    communities.map((c) => {
      const pop = DISTRICT_POPULATION[c.district.code] ?? 30;
      return [c, (pop * (c.rural ? 1 : 3)) / (perDistrict.get(c.district.code) as number)] as const;
    }),
  );
  const districtList = [...districts.values()];
  const districtTable = weightedTable(
    districtList.map((d) => [d, DISTRICT_POPULATION[d.code] ?? 30] as const),
  );
  cached = {
    districts: districtList,
    communities,
    byCommunityCode: new Map(communities.map((c) => [c.code, c])),
    pickCommunity: (rng) => communityTable.pick(rng),
    pickDistrict: (rng) => districtTable.pick(rng),
  };
  return cached;
}

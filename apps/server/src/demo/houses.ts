import { dayOf, isoOfDay, timestampOn } from './dates.ts';
import { DEFAULT_AS_OF, generateHouseholds, type PersonOptions } from './persons.ts';
import { hashSeed, Random, type Seed } from './random.ts';

export type House = {
  /** 不动产权证号, e.g. 浙(2019)杭州市不动产权第0123456号. */
  certificate_number: string;
  /** 不动产单元号 style unit key: community code + building + unit + room, or + 组/号 in villages. */
  unit_id: string;
  owner_id_number: string;
  owner_name: string;
  community_code: string;
  district: string;
  street: string;
  community: string;
  address: string;
  building: number | null;
  unit: number | null;
  room: string | null;
  usage: '住宅' | '农村宅基地住宅';
  floor_area_m2: number;
  built_year: number;
  registered_on: string;
  updated_at: string;
};

/**
 * One house per household of the same seed, owned by the head: the house is where the household
 * lives, so persons, households and houses join on the address.
 */
export function* generateHouses(seed: Seed, count: number, options: PersonOptions = {}): Generator<House> {
  if (count <= 0) return;
  const asOfDay = dayOf(options.asOf ?? DEFAULT_AS_OF);
  const rng = new Random(seed, 'houses');
  let emitted = 0;
  let serial = 0;
  const seen = new Set<number>();
  const asOfYear = Number(isoOfDay(asOfDay).slice(0, 4));
  for (const household of generateHouseholds(seed, options)) {
    const a = household.address;
    const head = household.members[0];
    if (!head) continue;
    const unitId =
      a.building === null
        ? `${a.communityCode}-${a.road}-${a.number}`
        : `${a.communityCode}-${a.road}${a.number}-${a.building}-${a.unit}-${a.room}`;
    // Two households drawn to the same dwelling share it (renting, 合租); the register has one owner per unit.
    // A 32-bit hash keeps the memory at ~40 bytes a house; a rare hash clash only drops a house.
    const key = hashSeed(unitId);
    if (seen.has(key)) continue;
    seen.add(key);
    const rural = a.building === null;
    const builtYear = rural ? rng.int(1975, 2022) : rng.int(1985, Math.min(2023, asOfYear - 1));
    // Unified real-estate registration (and its 浙(year) certificates) started in 2016.
    const registeredYear = rng.int(Math.min(asOfYear, Math.max(2016, builtYear + 1)), asOfYear);
    serial++;
    yield {
      certificate_number: `浙(${registeredYear})杭州市不动产权第${String((serial * 7_919) % 10_000_000).padStart(7, '0')}号`,
      unit_id: unitId,
      owner_id_number: head.id_number,
      owner_name: head.name,
      community_code: a.communityCode,
      district: a.district,
      street: a.street,
      community: a.community,
      address: a.text,
      building: a.building,
      unit: a.unit,
      room: a.room,
      usage: rural ? '农村宅基地住宅' : '住宅',
      floor_area_m2: rural ? rng.int(80, 320) : Math.max(28, Math.round(rng.normal(92, 28) * 100) / 100),
      built_year: builtYear,
      registered_on: isoOfDay(Math.min(asOfDay, dayOf(`${registeredYear}-01-01`) + rng.int(0, 364))),
      updated_at: timestampOn(asOfDay - rng.int(0, 900), rng.int(8 * 3600, 18 * 3600)),
    };
    if (++emitted >= count) return;
  }
}

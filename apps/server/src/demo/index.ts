export { type Address, businessAddress, dwellingAddress } from './addresses.ts';
export { CsvFileSink, MemorySink, type RowSink } from './csv-sink.ts';
export { type CsvOptions, type CsvResult, csvField, csvRow, writeCsv } from './csv-writer.ts';
export { DEMO_DATASETS, DEMO_ELEMENTS, type DemoDataset, type DemoElement } from './datasets/index.ts';
export {
  type ChecksumKind,
  type ConflictOptions,
  conflictingSource,
  type DefectEntry,
  type DefectKind,
  DefectLog,
  type DefectOptions,
  flipCheckChar,
  injectDefects,
  maritalStatusConflict,
} from './defects.ts';
export { type Community, type District, type Divisions, loadDivisions, type Street } from './divisions.ts';
export {
  type Enterprise,
  type EnterpriseOptions,
  type EnterpriseStatus,
  generateEnterprises,
  organisationCheckChar,
} from './enterprises.ts';
export { type CityOptions, type DatasetOutput, generateCity } from './generate-city.ts';
export {
  type HouseholdKind,
  MARRIAGE_AGE,
  type MemberPlan,
  planHousehold,
  type Relation,
} from './households.ts';
export { generateHouses, type House } from './houses.ts';
export {
  HANGZHOU_ID_AREA_CODES,
  type IdAreaCode,
  localAreaCode,
  OUTSIDE_ID_AREA_CODES,
} from './id-area-codes.ts';
export { INDUSTRY_SECTIONS, type IndustrySection } from './industries.ts';
export { MOBILE_PATTERN } from './mobiles.ts';
export { type EnterpriseForm, enterpriseName, type Gender, personName } from './names.ts';
export {
  DEFAULT_AS_OF,
  generateHouseholds,
  generatePersons,
  type Household,
  type Person,
  type PersonOptions,
} from './persons.ts';
export { Random, type Seed, weightedTable } from './random.ts';
export { type CountEstimate, estimateCounts, SCALES, type ScaleName, type ScalePreset } from './scale.ts';
export { DEMO_SEED, type DemoSeedReport, seedDemo } from './seed/seed-demo.ts';

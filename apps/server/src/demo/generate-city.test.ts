import { beforeAll, describe, expect, it } from 'vitest';
import { isValidCreditCode, isValidResidentId } from '../platform/formats.ts';
import { MemorySink } from './csv-sink.ts';
import { DEMO_DATASETS } from './datasets/index.ts';
import type { Row } from './datasets/types.ts';
import { dayOf } from './dates.ts';
import { generateEnterprises } from './enterprises.ts';
import { type DatasetOutput, generateCity } from './generate-city.ts';
import { DEFAULT_AS_OF, generatePersons, type Person } from './persons.ts';

const SEED = 'consistency';
const PERSONS = 4_000;
const ENTERPRISES = 400;
const asOf = dayOf(DEFAULT_AS_OF);

let rows: Map<string, Row[]>;
let outputs: Map<string, DatasetOutput>;
const persons = new Map<string, Person>();
const creditCodes = new Set<string>();

async function generate(codes?: string[]) {
  const sinks = new Map<string, MemorySink>();
  const out = await generateCity({
    seed: SEED,
    persons: PERSONS,
    enterprises: ENTERPRISES,
    datasets: codes ? DEMO_DATASETS.filter((d) => codes.includes(d.entry.code)) : DEMO_DATASETS,
    sink: (d) => {
      const s = new MemorySink();
      sinks.set(d.entry.code, s);
      return s;
    },
  });
  return {
    rows: new Map([...sinks].map(([c, s]) => [c, s.rows])),
    outputs: new Map(out.map((o) => [o.code, o])),
  };
}

const of = (code: string) => rows.get(code) as Row[];
const ageOf = (p: Person) => Math.floor((asOf - dayOf(p.birth_date)) / 365.25);

beforeAll(async () => {
  ({ rows, outputs } = await generate());
  for (const p of generatePersons(SEED, PERSONS)) persons.set(p.id_number, p);
  for (const e of generateEnterprises(SEED, ENTERPRISES, { persons: generatePersons(SEED, PERSONS) }))
    creditCodes.add(e.credit_code);
}, 120_000);

describe('the generated city', () => {
  it('gives every dataset rows with exactly its fields, typed as declared', () => {
    const patterns = {
      date: /^\d{4}-\d{2}-\d{2}$/,
      datetime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/,
      decimal: /^-?\d+(\.\d+)?$/,
    };
    // Problems are collected rather than asserted one by one: there are ~50,000 rows.
    const problems: string[] = [];
    for (const d of DEMO_DATASETS) {
      const rs = of(d.entry.code);
      const names = d.entry.fields
        .map((f) => f.name)
        .sort()
        .join(',');
      if (outputs.get(d.entry.code)?.rows !== rs.length) problems.push(`${d.entry.code}: row count`);
      for (const r of rs) {
        if (Object.keys(r).sort().join(',') !== names)
          problems.push(`${d.entry.code}: fields ${Object.keys(r)}`);
        for (const f of d.entry.fields) {
          const v = r[f.name];
          const where = `${d.entry.code}.${f.name}=${v}`;
          if (v === null || v === undefined) {
            if (f.key) problems.push(`${where}: empty key`);
            continue;
          }
          const ok =
            f.type === 'integer'
              ? Number.isSafeInteger(v)
              : f.type === 'boolean'
                ? typeof v === 'boolean'
                : f.type === 'string'
                  ? typeof v === 'string'
                  : patterns[f.type].test(String(v));
          if (!ok) problems.push(`${where}: not a ${f.type}`);
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    // Reference lists are there at any scale; person datasets follow the population.
    expect(of('GA-RK-001').length).toBeGreaterThanOrEqual(PERSONS);
    expect(of('SC-ZT-001').length).toBeGreaterThanOrEqual(ENTERPRISES);
  });

  it('keeps record numbers unique, so duplicates of 重复登记 survive as second records', () => {
    for (const d of DEMO_DATASETS.filter((x) => x.serial)) {
      const keys = of(d.entry.code).map((r) => r[d.serial?.field as string]);
      expect(new Set(keys).size, d.entry.code).toBe(keys.length);
    }
    const dup = outputs.get('GA-RK-003')?.defects;
    expect(dup?.counts.duplicate).toBeGreaterThan(0);
    const ids = of('GA-RK-003').map((r) => r.id_number);
    const repeated = ids.filter((id, i) => id !== null && ids.indexOf(id) !== i);
    expect(repeated.length).toBeGreaterThanOrEqual(dup?.counts.duplicate as number);
  });

  it('draws every dataset from the same persons and enterprises', () => {
    const known = (id: unknown) => persons.has(String(id));
    const brokenIds = (code: string) =>
      new Set(
        (outputs.get(code)?.defects?.entries ?? [])
          .filter((e) => e.kind === 'bad_checksum')
          .map((e) => String(e.injected)),
      );
    for (const [code, field] of [
      ['GA-RK-001', 'id_number'],
      ['MZ-HY-002', 'id_number'],
      ['RS-SB-001', 'id_number'],
      ['GA-JSR-001', 'id_number'],
      ['ZR-BDC-001', 'owner_id_number'],
      ['SC-ZT-001', 'legal_rep_id_number'],
      ['JY-XJ-001', 'id_number'],
    ] as const) {
      const broken = brokenIds(code);
      const strangers = of(code).filter(
        (r) => r[field] !== null && !known(r[field]) && !broken.has(String(r[field])),
      );
      expect(strangers, `${code}.${field}`).toEqual([]);
    }
    // Employers and legal entities are the registered enterprises.
    const jobs = of('RS-JY-001');
    expect(jobs.length).toBeGreaterThan(PERSONS / 5);
    const badCodes = brokenIds('RS-JY-001');
    for (const r of jobs)
      if (!badCodes.has(String(r.employer_credit_code)))
        expect(creditCodes.has(String(r.employer_credit_code))).toBe(true);
    for (const r of of('SC-ZT-002')) expect(creditCodes.has(String(r.credit_code))).toBe(true);
    // Pupils are of school age; newborns' parents are in the register.
    for (const r of of('JY-XJ-001')) {
      const p = persons.get(String(r.id_number));
      if (p) expect(ageOf(p)).toBeGreaterThanOrEqual(5);
      if (p) expect(ageOf(p)).toBeLessThanOrEqual(18);
    }
    for (const r of of('WJ-CS-001'))
      if (r.mother_id_number && isValidResidentId(String(r.mother_id_number)))
        expect(known(r.mother_id_number)).toBe(true);
  });

  it('makes 户籍 and 民政 disagree on marital status exactly where the log says', () => {
    const log = outputs.get('MZ-HY-002')?.conflicts;
    expect(log?.counts.conflict).toBeGreaterThan(10);
    const civil = new Map(of('MZ-HY-002').map((r) => [r.id_number, r.marital_status]));
    const hukou = new Map(of('GA-RK-001').map((r) => [r.id_number, r.marital_status]));
    const logged = new Set<string>();
    for (const e of log?.entries ?? []) {
      logged.add(e.key);
      expect(civil.get(e.key)).toBe(e.injected);
      // 户籍 keeps the original, unless a defect blanked or duplicated the row there.
      if (hukou.get(e.key) !== undefined) expect(hukou.get(e.key)).toBe(e.original);
    }
    // Everywhere else the two agree.
    for (const [id, status] of civil)
      if (!logged.has(String(id)) && hukou.has(id)) expect(hukou.get(id), String(id)).toBe(status);
  });

  it('injects the logged defects and nothing else', () => {
    const out = outputs.get('GA-RK-001');
    const log = out?.defects;
    const rs = of('GA-RK-001');
    expect(rs.length).toBe(PERSONS + (log?.counts.duplicate ?? 0));
    const invalid = rs.filter((r) => !isValidResidentId(String(r.id_number)));
    expect(invalid.length).toBe(log?.counts.bad_checksum);
    const byId = new Map<string, number>();
    for (const r of rs) byId.set(String(r.id_number), (byId.get(String(r.id_number)) ?? 0) + 1);
    expect([...byId.values()].filter((n) => n > 1).length).toBe(log?.counts.duplicate);
    // Compared field by field with the clean person: blanks that the person did not have were injected.
    const source = { mobile: 'mobile', education: 'education', residence_address: 'address' } as const;
    let blanked = 0;
    for (const r of rs) {
      const p = persons.get(String(r.id_number));
      if (!p) continue;
      for (const [field, from] of Object.entries(source))
        if (r[field] === null && p[from] !== null) blanked++;
    }
    expect(blanked).toBe(log?.counts.missing);
    const brokenCodes = of('SC-ZT-001').filter((r) => !isValidCreditCode(String(r.credit_code)));
    expect(brokenCodes.length).toBe(
      outputs
        .get('SC-ZT-001')
        ?.defects?.entries.filter((e) => e.kind === 'bad_checksum' && e.field === 'credit_code').length,
    );
  });

  it('statistics add up to the persons streamed', () => {
    const stats = of('SJ-TJ-001');
    expect(stats.reduce((a, r) => a + Number(r.residents), 0)).toBe(PERSONS);
    expect(stats.reduce((a, r) => a + Number(r.registered), 0)).toBe(PERSONS);
    const pupils = of('JY-XX-001').reduce((a, r) => a + Number(r.students), 0);
    // Enrolment is what the pupil and kindergarten registers received before their defects.
    const registered = (code: string) => outputs.get(code)?.defects?.input ?? Number.NaN;
    expect(pupils).toBe(registered('JY-XJ-001') + registered('JY-YE-001'));
  });

  it('produces the same rows for a dataset whatever else is generated with it', async () => {
    const alone = await generate(['MZ-HY-002', 'RS-JY-001', 'JT-ZD-001']);
    for (const code of ['MZ-HY-002', 'RS-JY-001', 'JT-ZD-001'])
      expect(alone.rows.get(code)).toEqual(of(code));
  }, 60_000);
});

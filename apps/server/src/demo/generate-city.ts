import type { RowSink } from './csv-sink.ts';
import type { DemoDataset, Row } from './datasets/types.ts';
import { ConflictInjector, DefectInjector, DefectLog } from './defects.ts';
import { generateEnterprises } from './enterprises.ts';
import { generateHouses, type House } from './houses.ts';
import { DEFAULT_AS_OF, generateHouseholds, generatePersons } from './persons.ts';
import { Random, type Seed } from './random.ts';
import { type EnterpriseUnit, World } from './world/world.ts';

export type CityOptions = {
  seed: Seed;
  persons: number;
  enterprises: number;
  asOf?: string;
  /** The datasets to produce; the others' rows are not even built. */
  datasets: readonly DemoDataset[];
  sink: (dataset: DemoDataset) => RowSink;
  /** Keep every defect entry (tests) or only the counts (large cities). */
  keepDefectEntries?: boolean;
  onProgress?: (personsDone: number, personsTotal: number) => void | Promise<void>;
};

/** What was written for one dataset, with the ground truth of what was injected into it. */
export type DatasetOutput = {
  code: string;
  rows: number;
  defects: DefectLog | null;
  conflicts: DefectLog | null;
};

/** A dataset's way from its row source to its sink: conflict, defects, record number. */
class Stage {
  readonly rng: Random;
  rows = 0;
  private serial = 0;
  private readonly conflict: ConflictInjector<Row> | null;
  private readonly defects: DefectInjector<Row> | null;
  private readonly worldConflicts: DefectLog | null;

  constructor(
    readonly dataset: DemoDataset,
    readonly sink: RowSink,
    seed: Seed,
    world: World,
    keepEntries: boolean,
  ) {
    const code = dataset.entry.code;
    this.rng = new Random(seed, 'dataset', code);
    this.conflict = dataset.conflict
      ? new ConflictInjector({ ...dataset.conflict, seed: `${seed}:${code}` }, new DefectLog(keepEntries))
      : null;
    this.defects = dataset.defects
      ? new DefectInjector({ ...dataset.defects, seed: `${seed}:${code}` }, new DefectLog(keepEntries))
      : null;
    this.worldConflicts = dataset.worldConflicts === 'marital_status' ? world.maritalConflicts : null;
  }

  emit(rows: Iterable<Row>): void {
    for (const row of rows) {
      const r = this.conflict ? this.conflict.push(row) : row;
      if (!this.defects) this.write(r);
      else for (const out of this.defects.push(r)) this.write(out);
    }
  }

  finish(): void {
    if (this.defects) for (const out of this.defects.finish()) this.write(out);
  }

  output(): DatasetOutput {
    return {
      code: this.dataset.entry.code,
      rows: this.rows,
      defects: this.defects?.log ?? null,
      conflicts: this.conflict?.log ?? this.worldConflicts,
    };
  }

  private write(row: Row): void {
    const s = this.dataset.serial;
    this.sink.write(s ? { ...row, [s.field]: s.format(this.serial++, row) } : row);
    this.rows++;
  }
}

/**
 * Streams the synthetic city once, household by household with enterprises interleaved in
 * proportion, and feeds every requested dataset from the same persons, households, houses and
 * enterprises, so their keys join. Memory stays flat whatever the size: rows go straight to sinks.
 */
export async function generateCity(options: CityOptions): Promise<DatasetOutput[]> {
  const { seed, persons: total, enterprises: enterpriseTotal } = options;
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const keep = options.keepDefectEntries ?? true;
  const world = new World({ seed, asOf, keepConflictEntries: keep });
  const stages = options.datasets.map((d) => new Stage(d, options.sink(d), seed, world, keep));
  const withHook = (hook: 'reference' | 'household' | 'enterprise' | 'summary') =>
    stages.filter((s) => s.dataset.rows[hook]);
  const byHousehold = withHook('household');
  const byEnterprise = withHook('enterprise');
  const drain = async () => {
    for (const s of stages) await s.sink.drain();
  };

  for (const s of withHook('reference')) {
    s.emit(s.dataset.rows.reference?.(world, s.rng) ?? []);
    await drain();
  }

  // Legal representatives come from the same first `total` persons, so they exist in 户籍.
  const enterprises = generateEnterprises(seed, enterpriseTotal, {
    asOf,
    persons: generatePersons(seed, total, { asOf }),
  });
  let enterprisesDone = 0;
  const nextEnterprise = (): boolean => {
    const n = enterprises.next();
    if (n.done) return false;
    enterprisesDone++;
    const unit: EnterpriseUnit = world.enterprise(n.value);
    for (const s of byEnterprise) s.emit(s.dataset.rows.enterprise?.(unit, s.rng, world) ?? []);
    return true;
  };
  // A few employers exist before the first resident looks for a job.
  for (let i = 0; i < Math.min(enterpriseTotal, 64); i++) nextEnterprise();

  const houses = generateHouses(seed, Number.POSITIVE_INFINITY, { asOf });
  let nextHouse: House | undefined = houses.next().value ?? undefined;
  let personsDone = 0;
  let households = 0;
  if (total > 0) {
    for (const h of generateHouseholds(seed, { asOf })) {
      const members = h.members.slice(0, total - personsDone);
      personsDone += members.length;
      const target = Math.floor((enterpriseTotal * personsDone) / total);
      while (enterprisesDone < target && nextEnterprise()) {}
      // Houses come in household order, one per dwelling: a household sharing one gets none.
      let house: House | null = null;
      if (nextHouse && nextHouse.owner_id_number === h.members[0]?.id_number) {
        house = nextHouse;
        nextHouse = houses.next().value ?? undefined;
      }
      const unit = world.household(members.length === h.members.length ? h : { ...h, members }, house);
      for (const s of byHousehold) s.emit(s.dataset.rows.household?.(unit, s.rng, world) ?? []);
      if (++households % 64 === 0) {
        await drain();
        await options.onProgress?.(personsDone, total);
      }
      if (personsDone >= total) break;
    }
  }
  while (nextEnterprise()) {
    if (enterprisesDone % 256 === 0) await drain();
  }
  for (const s of stages) s.finish();
  for (const s of withHook('summary')) s.emit(s.dataset.rows.summary?.(world, s.rng) ?? []);
  for (const s of stages) await s.sink.close();
  await options.onProgress?.(personsDone, total);
  return stages.map((s) => s.output());
}

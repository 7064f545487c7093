import { creditCodeCheckChar, residentIdCheckChar } from '../platform/formats.ts';
import { dayOf, timestampOn } from './dates.ts';
import type { MaritalStatus } from './person-attributes.ts';
import { DEFAULT_AS_OF } from './persons.ts';
import { Random, type Seed } from './random.ts';

export type DefectKind = 'duplicate' | 'missing' | 'bad_checksum' | 'stale';
export type ChecksumKind = 'resident-id' | 'credit-code';

export type DefectEntry = {
  kind: DefectKind | 'conflict';
  /** The record's key value (the original value when the key itself was corrupted). */
  key: string;
  field: string | null;
  original: unknown;
  injected: unknown;
  /** Zero-based position of the affected record in the output stream. */
  position: number;
};

/**
 * The ground truth of an injection run: exact counts always, entries unless switched off (at city
 * scale millions of entries would rival the data they describe).
 */
export class DefectLog {
  readonly entries: DefectEntry[] = [];
  readonly counts: Record<DefectKind | 'conflict', number> = {
    duplicate: 0,
    missing: 0,
    bad_checksum: 0,
    stale: 0,
    conflict: 0,
  };
  /** Records read and records written (written = read + duplicates). */
  input = 0;
  output = 0;

  constructor(readonly keepEntries = true) {}

  add(entry: DefectEntry): void {
    this.counts[entry.kind]++;
    if (this.keepEntries) this.entries.push(entry);
  }
}

type Fields<T> = keyof T & string;

export type DefectOptions<T> = {
  seed: Seed;
  /** Probability per input record; kinds are exclusive, so the rates must sum to at most 1. */
  rates: Partial<Record<DefectKind, number>>;
  key: Fields<T>;
  /** Fields that may be blanked (set to null); a record whose candidates are all empty stays clean. */
  missingFields?: Fields<T>[];
  /** Fields whose check character can be flipped, with the scheme that computes it. */
  checksumFields?: Partial<Record<Fields<T>, ChecksumKind>>;
  /** A `timestampOn`-style field moved into the past for stale records. */
  staleField?: Fields<T>;
  asOf?: string;
  /** A stale record was last updated more than this many days before `asOf`. */
  staleAfterDays?: number;
  /** A duplicate reappears within this many records of its original. */
  duplicateWindow?: number;
};

const KINDS: readonly DefectKind[] = ['duplicate', 'missing', 'bad_checksum', 'stale'];
const ALPHABETS: Record<ChecksumKind, string> = {
  'resident-id': '0123456789X',
  'credit-code': '0123456789ABCDEFGHJKLMNPQRTUWXY',
};

/** Passes records through, injecting at most one defect per record at the given rates, and logs each one. */
export function* injectDefects<T extends Record<string, unknown>>(
  records: Iterable<T>,
  options: DefectOptions<T>,
  log: DefectLog = new DefectLog(),
): Generator<T> {
  const injector = new DefectInjector(options, log);
  for (const source of records) yield* injector.push(source);
  yield* injector.finish();
}

/**
 * The push form of `injectDefects`, for a generator that feeds many datasets from one pass: each
 * record in, the records due out (itself, possibly changed, then any duplicates whose turn came).
 */
export class DefectInjector<T extends Record<string, unknown>> {
  private readonly rng: Random;
  private readonly rates: number[];
  private readonly missingFields: Fields<T>[];
  private readonly checksumFields: [Fields<T>, ChecksumKind][];
  private readonly staleBefore: number;
  private readonly window: number;
  // Pending duplicates with the output position after which they are released.
  private readonly pending: { record: T; after: number }[] = [];

  constructor(
    private readonly options: DefectOptions<T>,
    readonly log: DefectLog = new DefectLog(),
  ) {
    this.rng = new Random(options.seed, 'defects');
    this.rates = KINDS.map((k) => options.rates[k] ?? 0);
    if (this.rates.reduce((a, b) => a + b, 0) > 1) throw new Error('defect rates sum above 1');
    this.missingFields = options.missingFields ?? [];
    this.checksumFields = Object.entries(options.checksumFields ?? {}) as [Fields<T>, ChecksumKind][];
    if ((options.rates.missing ?? 0) > 0 && this.missingFields.length === 0)
      throw new Error('missing rate without fields');
    if ((options.rates.bad_checksum ?? 0) > 0 && this.checksumFields.length === 0)
      throw new Error('checksum rate without fields');
    if ((options.rates.stale ?? 0) > 0 && !options.staleField)
      throw new Error('stale rate without staleField');
    this.staleBefore = dayOf(options.asOf ?? DEFAULT_AS_OF) - (options.staleAfterDays ?? 3 * 365);
    this.window = options.duplicateWindow ?? 20;
  }

  push(source: T): T[] {
    const { rng, log, options } = this;
    log.input++;
    const kind = pickKind(rng, this.rates);
    let record = source;
    const position = log.output;
    if (kind === 'duplicate') {
      const at = log.output + rng.int(1, this.window);
      this.pending.push({ record: { ...source }, after: at });
      this.pending.sort((a, b) => a.after - b.after);
    } else if (kind === 'missing') {
      const candidates = this.missingFields.filter(
        (f) => source[f] !== null && source[f] !== undefined && source[f] !== '',
      );
      if (candidates.length > 0) {
        const field = rng.pick(candidates);
        record = { ...source, [field]: null };
        log.add({
          kind,
          key: String(source[options.key]),
          field,
          original: source[field],
          injected: null,
          position,
        });
      }
    } else if (kind === 'bad_checksum') {
      const candidates = this.checksumFields.filter(
        ([f]) => typeof source[f] === 'string' && (source[f] as string).length === 18,
      );
      if (candidates.length > 0) {
        const [field, scheme] = rng.pick(candidates);
        const value = source[field] as string;
        const broken = flipCheckChar(rng, value, scheme);
        record = { ...source, [field]: broken };
        log.add({
          kind,
          key: String(source[options.key]),
          field,
          original: value,
          injected: broken,
          position,
        });
      }
    } else if (kind === 'stale') {
      const field = options.staleField as Fields<T>;
      const stale = timestampOn(this.staleBefore - rng.int(1, 5 * 365), rng.int(8 * 3600, 18 * 3600));
      record = { ...source, [field]: stale };
      log.add({
        kind,
        key: String(source[options.key]),
        field,
        original: source[field],
        injected: stale,
        position,
      });
    }
    log.output++;
    const out = [record];
    this.emitDue(out);
    return out;
  }

  /** The duplicates still pending at the end of the stream. */
  finish(): T[] {
    for (const p of this.pending) p.after = 0;
    const out: T[] = [];
    this.emitDue(out);
    return out;
  }

  private emitDue(out: T[]): void {
    const { pending, log } = this;
    while (pending.length > 0 && (pending[0] as { after: number }).after <= log.output) {
      const { record } = pending.shift() as { record: T };
      log.add({
        kind: 'duplicate',
        key: String(record[this.options.key]),
        field: null,
        original: null,
        injected: null,
        position: log.output,
      });
      log.output++;
      out.push(record);
    }
  }
}

function pickKind(rng: Random, rates: number[]): DefectKind | null {
  let r = rng.next();
  for (let i = 0; i < rates.length; i++) {
    r -= rates[i] as number;
    if (r < 0) return KINDS[i] as DefectKind;
  }
  return null;
}

/** The value with its check character replaced by another one of the scheme's alphabet, so it fails validation. */
export function flipCheckChar(rng: Random, value: string, scheme: ChecksumKind): string {
  const body = value.slice(0, 17);
  const correct = scheme === 'resident-id' ? residentIdCheckChar(body) : creditCodeCheckChar(body);
  const alphabet = ALPHABETS[scheme];
  let c = correct;
  while (c === correct) c = alphabet[rng.int(0, alphabet.length - 1)] as string;
  return body + c;
}

export type ConflictOptions<T> = {
  seed: Seed;
  rate: number;
  key: Fields<T>;
  field: Fields<T>;
  /** The second source's different value; undefined when no plausible alternative exists (record kept as is). */
  alternative: (value: unknown, record: T, rng: Random) => unknown;
};

/**
 * A second department's copy of the same records in which `field` disagrees at `rate`: the raw material
 * for 一数一源 (one authoritative source per data item) to find and resolve.
 */
export function* conflictingSource<T extends Record<string, unknown>>(
  records: Iterable<T>,
  options: ConflictOptions<T>,
  log: DefectLog = new DefectLog(),
): Generator<T> {
  const injector = new ConflictInjector(options, log);
  for (const source of records) yield injector.push(source);
}

/** The push form of `conflictingSource`: one record in, the same record or its disagreeing copy out. */
export class ConflictInjector<T extends Record<string, unknown>> {
  private readonly rng: Random;

  constructor(
    private readonly options: ConflictOptions<T>,
    readonly log: DefectLog = new DefectLog(),
  ) {
    this.rng = new Random(options.seed, 'conflicts', options.field);
  }

  push(source: T): T {
    const { rng, log, options } = this;
    log.input++;
    let record = source;
    if (rng.chance(options.rate)) {
      const value = source[options.field];
      const other = options.alternative(value, source, rng);
      if (other !== undefined && other !== value) {
        record = { ...source, [options.field]: other };
        log.add({
          kind: 'conflict',
          key: String(source[options.key]),
          field: options.field,
          original: value,
          injected: other,
          position: log.output,
        });
      }
    }
    log.output++;
    return record;
  }
}

/** What 婚姻登记 typically knows that 户籍 has not caught up with: a divorce, a remarriage, a new marriage. */
export function maritalStatusConflict(
  value: unknown,
  record: { birth_date?: unknown },
  rng: Random,
): MaritalStatus | undefined {
  // Children have no marriage record to disagree with.
  const born = typeof record.birth_date === 'string' ? Number(record.birth_date.slice(0, 4)) : 0;
  if (born > Number(DEFAULT_AS_OF.slice(0, 4)) - 20) return undefined;
  switch (value as MaritalStatus) {
    case '已婚':
      return rng.chance(0.85) ? '离婚' : '丧偶';
    case '未婚':
      return '已婚';
    case '离婚':
    case '丧偶':
      return '已婚';
    default:
      return undefined;
  }
}

import { z } from 'zod';
import { ImportMode } from './ingest.ts';

/** Shown instead of a stored password or header value; sent back unchanged, it keeps the stored one. */
export const MASKED = '****';

const param = z.string().trim().min(1).max(100);
const pageSize = z.number().int().min(1).max(10_000).default(100);
const timeoutSeconds = z.number().int().min(1).max(3600).default(60);

export const PostgresSourceConfig = z
  .object({
    kind: z.literal('postgres'),
    /** `postgres://user:password@host:5432/db?sslmode=require`; answered with the password masked. */
    connectionString: z.string().trim().min(1).max(2000),
    /** `schema.table` or `table`: every column of it. Exactly one of `table` and `query`. */
    table: z.string().trim().min(1).max(200).nullable().default(null),
    /** One SELECT, run read-only. */
    query: z.string().trim().min(1).max(20_000).nullable().default(null),
    /** Limit for each statement on the source server. */
    timeoutSeconds,
  })
  .refine((c) => (c.table === null) !== (c.query === null), {
    message: 'exactly one of table and query',
    path: ['table'],
  });

/** How the records of an HTTP API come page by page. */
export const HttpPaging = z.discriminatedUnion('style', [
  z.object({ style: z.literal('none') }),
  z.object({
    style: z.literal('page'),
    pageParam: param.default('page'),
    sizeParam: param.default('size'),
    pageSize,
    /** Number of the first page: 1 for most APIs, 0 for some. */
    firstPage: z.number().int().min(0).max(1).default(1),
  }),
  z.object({
    style: z.literal('offset'),
    offsetParam: param.default('offset'),
    limitParam: param.default('limit'),
    pageSize,
  }),
  z.object({
    style: z.literal('cursor'),
    /** Where the response gives the next page: a JSON pointer (`/links/next`) or dotted path (`next`). */
    nextPath: z.string().trim().min(1).max(500),
    /** Empty: that value is the next page's URL. Set: it is a cursor, sent as this query parameter. */
    cursorParam: param.nullable().default(null),
  }),
]);
export type HttpPaging = z.infer<typeof HttpPaging>;

export const HttpSourceConfig = z.object({
  kind: z.literal('http'),
  url: z.url({ protocol: /^https?$/ }).max(2000),
  /** Sent with every request (e.g. `Authorization`); values are stored encrypted and answered masked. */
  headers: z
    .record(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/, 'header name'), z.string().max(4000))
    .default({}),
  /** Where the records are: a JSON pointer (`/data/items`) or dotted path (`data.items`); empty: the body. */
  recordsPath: z.string().trim().max(500).default(''),
  paging: HttpPaging.default({ style: 'none' }),
  /** A run that would need more pages fails instead of loading part of the data. */
  maxPages: z.number().int().min(1).max(100_000).default(1000),
  /** Query parameter that tells the API the last watermark, so it can send only newer records. */
  watermarkParam: param.nullable().default(null),
  timeoutSeconds,
});

export const SourceConfig = z.discriminatedUnion('kind', [PostgresSourceConfig, HttpSourceConfig]);
export type SourceConfig = z.infer<typeof SourceConfig>;
export type SourceKind = SourceConfig['kind'];

export const SCHEDULE_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type ScheduleWeekday = (typeof SCHEDULE_WEEKDAYS)[number];
/** Scheduled runs may not come closer together than this. */
export const SCHEDULE_MIN_MINUTES = 5;

const enabled = z.boolean().default(true);
/**
 * When a source pulls by itself; times are Beijing time (Asia/Shanghai). Values are checked by the
 * server (interval of at least 5 minutes, `HH:MM`, weekday `mon`…`sun`) with a message in both languages.
 */
export const SourceScheduleInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('interval'),
    every: z.number().int(),
    unit: z.enum(['minutes', 'hours']).default('minutes'),
    enabled,
  }),
  z.object({ kind: z.literal('daily'), time: z.string().max(20), enabled }),
  z.object({ kind: z.literal('weekly'), weekday: z.string().max(20), time: z.string().max(20), enabled }),
]);
export type SourceScheduleInput = z.input<typeof SourceScheduleInput>;

/** A schedule as stored and answered: time always `HH:MM`. */
export const SourceSchedule = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('interval'),
    every: z.number().int(),
    unit: z.enum(['minutes', 'hours']),
    enabled: z.boolean(),
  }),
  z.object({ kind: z.literal('daily'), time: z.string(), enabled: z.boolean() }),
  z.object({
    kind: z.literal('weekly'),
    weekday: z.enum(SCHEDULE_WEEKDAYS),
    time: z.string(),
    enabled: z.boolean(),
  }),
]);
export type SourceSchedule = z.infer<typeof SourceSchedule>;

export const PullSourceInput = z.object({
  name: z.string().trim().min(1).max(60),
  mode: ImportMode.default('upsert'),
  /** Incremental loads: only records whose value here is greater than the stored watermark. */
  watermarkColumn: z.string().trim().min(1).max(200).nullable().default(null),
  config: SourceConfig,
  /** Pull by itself on this schedule; null: only when asked. */
  schedule: SourceScheduleInput.nullable().default(null),
});
export type PullSourceInput = z.input<typeof PullSourceInput>;
export const PullSourceUpdate = PullSourceInput.extend({
  /** Start the next run from the beginning, as if nothing had been pulled yet. */
  resetWatermark: z.boolean().default(false),
  /** Left out: the schedule stays as it is; null: no schedule any more. */
  schedule: SourceScheduleInput.nullable().optional(),
});
export type PullSourceUpdate = z.input<typeof PullSourceUpdate>;

export const PullRunStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
export type PullRunStatus = z.infer<typeof PullRunStatus>;
/** `skipped`: the run was due while another pull of the source was still going. */
export const ScheduledRunStatus = z.enum(['succeeded', 'failed', 'skipped']);
export type ScheduledRunStatus = z.infer<typeof ScheduledRunStatus>;

export const PullSource = z.object({
  id: z.uuid(),
  datasetId: z.uuid(),
  datasetCode: z.string(),
  name: z.string(),
  mode: ImportMode,
  watermarkColumn: z.string().nullable(),
  /** The greatest watermark value loaded so far. */
  watermark: z.string().nullable(),
  watermarkAt: z.string().nullable(),
  /** As configured, with the password and header values masked. */
  config: SourceConfig,
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  lastRun: z
    .object({
      status: PullRunStatus,
      jobId: z.uuid(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      /** Records pulled; the import's report tells how many were loaded. */
      records: z.number().int().nullable(),
      importId: z.uuid().nullable(),
      error: z.string().nullable(),
    })
    .nullable(),
  schedule: SourceSchedule.nullable(),
  /** When the next scheduled run is due; null when none waits (no schedule, disabled, or one is running). */
  nextRunAt: z.string().nullable(),
  /** How the last scheduled run went: the import it made, or why it failed or was skipped. */
  lastScheduledRun: z
    .object({
      at: z.string(),
      status: ScheduledRunStatus,
      importId: z.uuid().nullable(),
      error: z.string().nullable(),
    })
    .nullable(),
});
export type PullSource = z.infer<typeof PullSource>;
export const PullSourceList = z.object({ items: z.array(PullSource) });
export const SourceParams = z.object({ id: z.uuid(), sourceId: z.uuid() });

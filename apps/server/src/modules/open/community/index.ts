import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/connection.ts';
import { type Actor, systemActor } from '../../../platform/actor.ts';
import type { Ledger } from '../../../platform/ledger/index.ts';
import type { OrgsService } from '../../orgs/index.ts';
import type { Calendar } from '../../quality/index.ts';
import { feedbackRoutes } from './feedback.routes.ts';
import { createFeedbackService } from './feedback.service.ts';
import { requestsRoutes } from './requests.routes.ts';
import { createRequestsService } from './requests.service.ts';
import { usageRoutes } from './usage.routes.ts';
import { createUsageService } from './usage.service.ts';

export type { OpenCommunityTables } from './community.tables.ts';
export { openCommunityMigrations } from './migrations.ts';
export { ANSWER_WORKING_DAYS } from './requests.service.ts';
export type { UsageCounter, UsageKind } from './usage.service.ts';

export type OpenCommunityDeps = {
  db: Db;
  orgs: OrgsService;
  ledger: Ledger;
  /** The working-day calendar (holidays, 调休) from a day on. */
  calendar: (from: string) => Promise<Calendar>;
  now?: () => Date;
};

type CalendarYears = {
  getYear: (actor: Actor, year: number) => Promise<{ days: { date: string; kind: 'holiday' | 'workday' }[] }>;
};

/** The working-day calendar from the quality module's calendar service: a day's year and the next. */
export const calendarFrom =
  (service: CalendarYears) =>
  async (from: string): Promise<Calendar> => {
    const year = Number(from.slice(0, 4));
    const years = await Promise.all([year, year + 1].map((y) => service.getYear(systemActor, y)));
    return new Map(years.flatMap((y) => y.days.map((d) => [d.date, d.kind] as const)));
  };

/** Open data community (开放数据互动): data requests (点单式开放), ratings and comments, usage statistics. */
export function createOpenCommunity(deps: OpenCommunityDeps) {
  return {
    requests: createRequestsService(deps),
    feedback: createFeedbackService(deps),
    usage: createUsageService(deps),
  };
}

export type OpenCommunity = ReturnType<typeof createOpenCommunity>;

/** Every community route under /api/v1/open (register with that prefix). */
export const communityRoutes: FastifyPluginAsyncZod<{ community: OpenCommunity; perMinute: number }> = async (
  app,
  { community, perMinute },
) => {
  await app.register(requestsRoutes, { requests: community.requests, perMinute });
  await app.register(feedbackRoutes, { feedback: community.feedback, perMinute });
  await app.register(usageRoutes, { usage: community.usage, perMinute });
};

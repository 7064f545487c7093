import { type DemoAccount, Health, Meta } from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { VERSION } from '../version.ts';

/** Liveness, readiness and the public facts about this installation. */
export const systemRoutes: FastifyPluginAsyncZod<{
  db: Db;
  demo: boolean;
  demoAccounts: DemoAccount[];
}> = async (app, { db, demo, demoAccounts }) => {
  app.get(
    '/healthz',
    { schema: { tags: ['system'], summary: '存活检查 / Liveness', response: { 200: Health } } },
    async () => ({ status: 'ok' as const, checks: { process: 'ok' } }),
  );
  app.get(
    '/readyz',
    { schema: { tags: ['system'], summary: '就绪检查 / Readiness', response: { 200: Health, 503: Health } } },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(db);
        return { status: 'ok' as const, checks: { database: 'ok' } };
      } catch (e) {
        return reply.code(503).send({ status: 'unavailable', checks: { database: (e as Error).message } });
      }
    },
  );
  app.get(
    '/api/v1/meta',
    { schema: { tags: ['system'], summary: '平台信息 / About this installation', response: { 200: Meta } } },
    async () => ({ name: 'Shuzhi 数智', version: VERSION, demo, demoAccounts: demo ? demoAccounts : [] }),
  );
};

import {
  ConsistencyProof,
  ConsistencyQuery,
  InclusionProof,
  InclusionQuery,
  LedgerEntries,
  LedgerEntriesQuery,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../http/route-schema.ts';
import type { Ledger } from './ledger.service.ts';

const tags = ['ledger'];

/** Checkpoints and proofs are public (anyone may audit the log); entries are for auditors. */
export const ledgerRoutes: FastifyPluginAsyncZod<{ ledger: Ledger }> = async (app, { ledger }) => {
  app.get(
    '/checkpoint',
    {
      schema: {
        tags,
        summary: '最新签名检查点（C2SP signed note） / Latest signed checkpoint (C2SP tlog-checkpoint)',
        response: { 200: z.string(), ...problems },
      },
    },
    async (_req, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(await ledger.checkpoint()),
  );
  app.get(
    '/verifier-key',
    {
      schema: {
        tags,
        summary: '检查点验证公钥（C2SP vkey） / Checkpoint verifier key (C2SP vkey)',
        response: { 200: z.string() },
      },
    },
    async (_req, reply) => reply.type('text/plain; charset=utf-8').send(`${ledger.verifierKey()}\n`),
  );
  app.get(
    '/entries',
    {
      schema: {
        tags,
        summary: '账本条目 [start, end)（审计员） / Ledger entries [start, end) (auditors)',
        querystring: LedgerEntriesQuery,
        response: { 200: LedgerEntries, ...problems },
      },
    },
    (req) => ledger.listEntries(req.actor, req.query.start, req.query.end),
  );
  app.get(
    '/proof/inclusion',
    {
      schema: {
        tags,
        summary: '包含证明（RFC 9162） / Inclusion proof (RFC 9162)',
        querystring: InclusionQuery,
        response: { 200: InclusionProof, ...problems },
      },
    },
    (req) => ledger.inclusion(req.query.index, req.query.size),
  );
  app.get(
    '/proof/consistency',
    {
      schema: {
        tags,
        summary: '一致性证明（RFC 9162） / Consistency proof (RFC 9162)',
        querystring: ConsistencyQuery,
        response: { 200: ConsistencyProof, ...problems },
      },
    },
    (req) => ledger.consistency(req.query.first, req.query.second),
  );
};

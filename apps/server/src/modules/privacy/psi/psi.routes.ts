import { CreatePsiSessionBody, PsiSession, PsiSessionList } from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../../platform/http/route-schema.ts';
import type { PsiService } from './psi.service.ts';

type Opts = { psi: PsiService; maxKeys: number };
const SessionParams = z.object({ id: z.uuid() });
const octets = 'application/octet-stream';

/** Blinded points travel as raw bytes (n × 32): a million of them is 32 MB, not 45 MB of base64 JSON. */
const psiUploads: FastifyPluginAsyncZod<Opts> = async (app, { psi, maxKeys }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    octets,
    { parseAs: 'buffer', bodyLimit: maxKeys * 32 + 1024 },
    (_req, body, done) => done(null, body),
  );
  const tags = ['privacy'];
  for (const stage of ['blinded', 'reblinded'] as const) {
    app.put(
      `/psi/sessions/:id/${stage}`,
      {
        schema: {
          tags,
          summary:
            stage === 'blinded'
              ? '上传本方盲化集合 H(x)^a（n × 32 字节） / Upload your blinded set H(x)^a (n × 32 bytes)'
              : '上传对方集合的再盲化 H(y)^ba（按对方顺序） / Upload the peer’s set re-blinded H(y)^ba (in its order)',
          params: SessionParams,
          body: z.any(),
          response: { 200: PsiSession, ...problems },
        },
      },
      (req) =>
        stage === 'blinded'
          ? psi.uploadBlinded(req.actor, req.params.id, req.body)
          : psi.uploadReblinded(req.actor, req.params.id, req.body),
    );
  }
};

/** Set-intersection sessions: create, upload, download, finish. */
export const psiRoutes: FastifyPluginAsyncZod<Opts> = async (app, opts) => {
  const { psi } = opts;
  const tags = ['privacy'];
  await app.register(psiUploads, opts);
  app.post(
    '/psi/sessions',
    {
      schema: {
        tags,
        summary: '发起隐私求交会话 / Start a private set intersection session',
        body: CreatePsiSessionBody,
        response: { 201: PsiSession, ...problems },
      },
    },
    async (req, reply) => reply.code(201).send(await psi.create(req.actor, req.body)),
  );
  app.get(
    '/psi/sessions',
    {
      schema: {
        tags,
        summary: '本机构的求交会话 / Sessions of your organisation',
        response: { 200: PsiSessionList, ...problems },
      },
    },
    (req) => psi.list(req.actor),
  );
  app.get(
    '/psi/sessions/:id',
    {
      schema: {
        tags,
        summary: '求交会话 / A session',
        params: SessionParams,
        response: { 200: PsiSession, ...problems },
      },
    },
    (req) => psi.get(req.actor, req.params.id),
  );
  app.get(
    '/psi/sessions/:id/peer-blinded',
    {
      schema: {
        tags,
        summary: '对方的盲化集合（n × 32 字节） / The peer’s blinded set (n × 32 bytes)',
        params: SessionParams,
        response: { 200: z.any().describe('n × 32 bytes, application/octet-stream'), ...problems },
      },
    },
    async (req, reply) => reply.type(octets).send(await psi.peerBlinded(req.actor, req.params.id)),
  );
  app.get(
    '/psi/sessions/:id/result',
    {
      schema: {
        tags,
        summary:
          '本方集合经双方盲化的结果（按本方上传顺序），与本方算出的对方结果比对即得交集 / Your set blinded by both (in your order); compare with the peer’s to get the intersection',
        params: SessionParams,
        response: { 200: z.any().describe('n × 32 bytes, application/octet-stream'), ...problems },
      },
    },
    async (req, reply) => reply.type(octets).send(await psi.result(req.actor, req.params.id)),
  );
  app.post(
    '/psi/sessions/:id/finish',
    {
      schema: {
        tags,
        summary: '结束会话并删除所有盲化数据 / Finish and erase every blinded point',
        params: SessionParams,
        response: { 200: PsiSession, ...problems },
      },
    },
    (req) => psi.finish(req.actor, req.params.id),
  );
};

import { CreateOrgBody, IdParams, Org, OrgListQuery, OrgPage, UpdateOrgBody } from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../platform/http/route-schema.ts';
import type { OrgsService } from './orgs.service.ts';

const tags = ['orgs'];

export const orgsRoutes: FastifyPluginAsyncZod<{ orgs: OrgsService }> = async (app, { orgs }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: '机构列表 / List organisations',
        querystring: OrgListQuery,
        response: { 200: OrgPage, ...problems },
      },
    },
    (req) => orgs.listOrgs(req.query),
  );
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: '机构详情 / Get an organisation',
        params: IdParams,
        response: { 200: Org, ...problems },
      },
    },
    (req) => orgs.getOrg(req.params.id),
  );
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: '新建机构 / Create an organisation',
        body: CreateOrgBody,
        response: { 201: Org, ...problems },
      },
    },
    async (req, reply) => reply.code(201).send(await orgs.createOrg(req.actor, req.body)),
  );
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: '修改机构 / Update an organisation',
        params: IdParams,
        body: UpdateOrgBody,
        response: { 200: Org, ...problems },
      },
    },
    (req) => orgs.updateOrg(req.actor, req.params.id, req.body),
  );
};

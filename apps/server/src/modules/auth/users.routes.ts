import {
  ApiClientPage,
  ClientListQuery,
  CreateClientBody,
  CreatedClient,
  CreateUserBody,
  IdParams,
  ResetPasswordBody,
  ResetPasswordResult,
  UpdateUserBody,
  User,
  UserListQuery,
  UserPage,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/http/route-schema.ts';
import type { ClientsService } from './clients.service.ts';
import type { UsersService } from './users.service.ts';

const tags = ['auth'];

export const usersRoutes: FastifyPluginAsyncZod<{ users: UsersService; clients: ClientsService }> = async (
  app,
  opts,
) => {
  const { users, clients } = opts;
  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: '用户列表 / List users',
        querystring: UserListQuery,
        response: { 200: UserPage, ...problems },
      },
    },
    (req) => users.listUsers(req.actor, req.query),
  );
  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: '新建用户 / Create a user',
        body: CreateUserBody,
        response: { 201: User, ...problems },
      },
    },
    async (req, reply) => reply.code(201).send(await users.createUser(req.actor, req.body)),
  );
  app.get(
    '/users/:id',
    {
      schema: {
        tags,
        summary: '用户详情 / Get a user',
        params: IdParams,
        response: { 200: User, ...problems },
      },
    },
    (req) => users.getUser(req.actor, req.params.id),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: '修改用户（名称、状态、角色） / Update a user',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: User, ...problems },
      },
    },
    (req) => users.updateUser(req.actor, req.params.id, req.body),
  );
  app.post(
    '/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码 / Reset a password',
        params: IdParams,
        body: ResetPasswordBody,
        response: { 200: ResetPasswordResult, ...problems },
      },
    },
    (req) => users.resetPassword(req.actor, req.params.id, req.body.newPassword),
  );
  app.get(
    '/clients',
    {
      schema: {
        tags,
        summary: 'API 客户端列表 / List API clients',
        querystring: ClientListQuery,
        response: { 200: ApiClientPage, ...problems },
      },
    },
    (req) => clients.listClients(req.actor, req.query),
  );
  app.post(
    '/clients',
    {
      schema: {
        tags,
        summary: '新建 API 客户端（密钥只显示一次） / Create an API client; the secret is shown once',
        body: CreateClientBody,
        response: { 201: CreatedClient, ...problems },
      },
    },
    async (req, reply) => reply.code(201).send(await clients.createClient(req.actor, req.body)),
  );
  app.delete(
    '/clients/:id',
    {
      schema: {
        tags,
        summary: '吊销 API 客户端 / Revoke an API client',
        params: IdParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (req, reply) => {
      await clients.revokeClient(req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
};

import {
  AnswerComplaintBody,
  CalendarDay,
  CalendarDayParams,
  CalendarQuery,
  CalendarYear,
  CloseComplaintBody,
  Complaint,
  ComplaintListQuery,
  ComplaintPage,
  DeleteCalendarDayQuery,
  IdParams,
  PutCalendarDayBody,
  RaiseComplaintBody,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/http/route-schema.ts';
import type { QualityFacade } from './index.ts';

const tags = ['quality'];

/** 质量申诉 (complaints) and the working-day calendar their deadlines count on. */
export const complaintsRoutes: FastifyPluginAsyncZod<{ quality: QualityFacade }> = async (
  app,
  { quality },
) => {
  const c = quality.complaints;
  app.post(
    '/complaints',
    {
      schema: {
        tags,
        summary: '提出质量申诉 / Raise a quality complaint',
        body: RaiseComplaintBody,
        response: { 201: Complaint, ...problems },
      },
    },
    async (req, reply) => reply.code(201).send(await c.raiseComplaint(req.actor, req.body)),
  );
  app.get(
    '/complaints',
    {
      schema: {
        tags,
        summary: '我的申诉 / 待办申诉（数据专员） / My complaints, or the inbox (data officers)',
        querystring: ComplaintListQuery,
        response: { 200: ComplaintPage, ...problems },
      },
    },
    (req) => c.listComplaints(req.actor, req.query),
  );
  app.get(
    '/complaints/:id',
    {
      schema: {
        tags,
        summary: '申诉详情 / A complaint',
        params: IdParams,
        response: { 200: Complaint, ...problems },
      },
    },
    (req) => c.getComplaint(req.actor, req.params.id),
  );
  app.post(
    '/complaints/:id/answer',
    {
      schema: {
        tags,
        summary: '答复或更正（数据所属机构的数据专员） / Answer or report corrected (owner’s data officer)',
        params: IdParams,
        body: AnswerComplaintBody,
        response: { 200: Complaint, ...problems },
      },
    },
    (req) => c.answer(req.actor, req.params.id, req.body),
  );
  app.post(
    '/complaints/:id/close',
    {
      schema: {
        tags,
        summary: '申诉人确认办结 / The complainant closes it',
        params: IdParams,
        body: CloseComplaintBody,
        response: { 200: Complaint, ...problems },
      },
    },
    (req) => c.close(req.actor, req.params.id, req.body.feedback),
  );
  app.get(
    '/calendar',
    {
      schema: {
        tags,
        summary: '工作日历（法定节假日与调休） / The working-day calendar of a year',
        querystring: CalendarQuery,
        response: { 200: CalendarYear, ...problems },
      },
    },
    (req) => quality.calendar.getYear(req.actor, req.query.year),
  );
  app.put(
    '/calendar/:date',
    {
      schema: {
        tags,
        summary: '设置节假日或调休上班日（平台管理员） / Set a holiday or a worked weekend day (admin)',
        params: CalendarDayParams,
        body: PutCalendarDayBody,
        response: { 200: CalendarDay, ...problems },
      },
    },
    (req) => quality.calendar.putDay(req.actor, req.params.date, req.body),
  );
  app.delete(
    '/calendar/:date',
    {
      schema: {
        tags,
        summary: '删除日历条目（平台管理员） / Remove a calendar entry (admin)',
        params: CalendarDayParams,
        querystring: DeleteCalendarDayQuery,
        response: { 204: z.null(), ...problems },
      },
    },
    async (req, reply) => {
      await quality.calendar.deleteDay(req.actor, req.params.date, req.query.reason);
      return reply.code(204).send(null);
    },
  );
};

import type { FastifyInstance } from 'fastify';
import type { HostSession } from '../host/session.ts';
import { raceResultsPdf, resultsPdfFileName } from '../results/race-pdf.ts';
import { access } from './auth.ts';
import { failure } from './replies.ts';

type ResultsPdfRequest = { Params: { id: string }; Querystring: { venue?: unknown } };

/**
 * GET /api/v1/races/:id/results.pdf (view token): the race's official results sheet (issue 11)
 * as an A4 PDF download; `?venue=` names the venue when the meeting name does not. 404 for a
 * race that is not in the program.
 */
export function registerResultsPdfRoute(app: FastifyInstance, session: HostSession): void {
  app.get<ResultsPdfRequest>(
    '/api/v1/races/:id/results.pdf',
    access('view'),
    async (request, reply) => {
      const { id } = request.params;
      const { venue } = request.query;
      if (venue !== undefined && typeof venue !== 'string')
        return reply.code(400).send(failure('venue: give one venue'));
      if (typeof venue === 'string' && venue.length > 200)
        return reply.code(400).send(failure('venue: at most 200 characters'));
      const pdf = await raceResultsPdf(session.host, id, venue ? { venue } : {});
      if (!pdf)
        return reply.code(404).send(failure(`race "${id.slice(0, 100)}" is not in the program`));
      return reply
        .code(200)
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${resultsPdfFileName(id)}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}

import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { RaceHost } from '../host/host.ts';
import {
  parseProgramCommand,
  parseRaceRequest,
  RequestError,
} from '../../shared/protocol/commands.ts';
import { programCommandSchema } from '../../shared/protocol/program.ts';
import { raceCommandSchema } from '../../shared/race/events.ts';
import { access } from './auth.ts';
import { failure, hostReply } from './replies.ts';

/** The request bodies of POST .../commands and POST /api/v1/program as JSON Schema. */
export function commandSchemas(): Record<string, unknown> {
  const revision = z.number().int().min(0).optional();
  const raceRequest = z.union([
    raceCommandSchema,
    z.object({ command: raceCommandSchema, revision }),
    z.object({ commands: z.array(raceCommandSchema).min(1).max(500), revision }),
  ]);
  const options = { io: 'input', unrepresentable: 'any' } as const;
  return {
    raceRequest: z.toJSONSchema(raceRequest, options),
    programCommand: z.toJSONSchema(programCommandSchema, options),
  };
}

type WithRace = { Params: { id: string } };

async function submitTo(
  host: RaceHost,
  body: unknown,
  raceId: string | undefined,
  reply: FastifyReply,
) {
  try {
    const { status, body: answer } = hostReply(
      await host.submit(parseRaceRequest(body), 'http', raceId),
    );
    return reply.code(status).send(answer);
  } catch (error) {
    if (error instanceof RequestError) return reply.code(400).send(failure(error.message));
    throw error;
  }
}

/** The HTTP JSON routes under /api/v1 (the WebSocket route is in ws-route.ts). */
export function registerApiRoutes(app: FastifyInstance, host: RaceHost): void {
  let schemas: Record<string, unknown> | null = null;
  const unknownRace = (reply: FastifyReply, id: string) =>
    reply.code(404).send(failure(`race "${id.slice(0, 100)}" is not in the program`));

  app.get('/api/v1/health', access('public'), () => ({ ok: true }));

  app.get('/api/v1/schema/commands', access('public'), () => (schemas ??= commandSchemas()));

  app.get('/api/v1/program', access('view'), () => host.program());

  app.get<{ Querystring: { race?: unknown } }>(
    '/api/v1/state',
    access('view'),
    async (request, reply) => {
      const race = request.query.race;
      if (race === undefined) return host.snapshot();
      if (typeof race !== 'string') return reply.code(400).send(failure('race: give one race id'));
      if (!host.race(race)) return unknownRace(reply, race);
      return host.snapshot(race);
    },
  );

  app.get<WithRace>('/api/v1/races/:id', access('view'), async (request, reply) => {
    return host.race(request.params.id) ?? unknownRace(reply, request.params.id);
  });

  app.get<WithRace>('/api/v1/races/:id/journal', access('view'), async (request, reply) => {
    return host.journal(request.params.id) ?? unknownRace(reply, request.params.id);
  });

  app.post('/api/v1/commands', access('control'), async (request, reply) =>
    submitTo(host, request.body, undefined, reply),
  );

  app.post<WithRace>('/api/v1/races/:id/commands', access('control'), async (request, reply) =>
    submitTo(host, request.body, request.params.id, reply),
  );

  app.post('/api/v1/program', access('control'), async (request, reply) => {
    try {
      const { status, body } = hostReply(
        await host.programCommand(parseProgramCommand(request.body), 'http'),
      );
      return reply.code(status).send(body);
    } catch (error) {
      if (error instanceof RequestError) return reply.code(400).send(failure(error.message));
      throw error;
    }
  });
}

import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Caller, HostSession } from '../host/session.ts';
import {
  parseProgramRequest,
  parseRaceRequest,
  RequestError,
  type RaceRequest,
} from '../../shared/protocol/commands.ts';
import type { Reply } from '../../shared/protocol/reply.ts';
import { parseHostRequest, type HostRequest } from '../../shared/protocol/socket.ts';
import { programCommandSchema } from '../../shared/protocol/program.ts';
import { raceCommandSchema } from '../../shared/race/events.ts';
import { access } from './auth.ts';
import { failure, sendReply } from './replies.ts';

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

/** Every command over HTTP is journaled with source "http"; the routes check the token's role. */
const http: Caller = { role: 'control', source: 'http' };

/** A race request read from an HTTP body, as the session's request. */
function raceRequest(request: RaceRequest, race: string | undefined): HostRequest {
  const withRevision = request.revision === undefined ? {} : { revision: request.revision };
  return request.kind === 'single'
    ? { type: 'command', race, command: request.command, ...withRevision }
    : { type: 'batch', race, commands: [...request.commands], ...withRevision };
}

/** Parses a body (the one parse of an HTTP request), asks the session, sends its Reply. */
async function answer(
  session: HostSession,
  reply: FastifyReply,
  read: () => HostRequest,
): Promise<FastifyReply> {
  let request: HostRequest;
  try {
    request = read();
  } catch (error) {
    if (error instanceof RequestError) return reply.code(400).send(failure(error.message));
    throw error;
  }
  const answered = await session.answer(request, http);
  const result: Reply =
    answered.kind === 'reply' ? answered.reply : { ok: false, status: 500, error: 'no reply' };
  return sendReply(reply, result);
}

/** The HTTP JSON routes under /api/v1 (the WebSocket route is in ws-route.ts). */
export function registerApiRoutes(app: FastifyInstance, session: HostSession): void {
  const { host } = session;
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
    answer(session, reply, () => raceRequest(parseRaceRequest(request.body), undefined)),
  );

  app.post<WithRace>('/api/v1/races/:id/commands', access('control'), async (request, reply) =>
    answer(session, reply, () => raceRequest(parseRaceRequest(request.body), request.params.id)),
  );

  // The timing feed (issue 12): its status and open proposals; accept or dismiss one.
  app.get('/api/v1/timing', access('view'), async (_request, reply) => {
    const view = session.timingView();
    return view ?? reply.code(404).send(failure('no timing feed in this host'));
  });

  app.post('/api/v1/timing', access('control'), async (request, reply) =>
    answer(session, reply, () => timingRequest(request.body)),
  );

  // A bare program command, or {"command": ..., "revision": N} against the program revision.
  app.post('/api/v1/program', access('control'), async (request, reply) =>
    answer(session, reply, () => programRequest(request.body)),
  );
}

/** `{"action": "accept"|"dismiss", "proposal": "sprint-2", "bibs"?: [...]}` as the session's request. */
function timingRequest(body: unknown): HostRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new RequestError(
      'expected a JSON object: {"action": "accept" or "dismiss", "proposal": "sprint-2", "bibs": [...]}',
    );
  const parsed = parseHostRequest({ ...body, type: 'timing' });
  if (!parsed.ok) throw new RequestError(parsed.error);
  return parsed.request;
}

/** A program request read from an HTTP body: a bare command or `{command, revision}`. */
function programRequest(body: unknown): HostRequest {
  const { command, revision } = parseProgramRequest(body);
  return { type: 'program', command, ...(revision === undefined ? {} : { revision }) };
}

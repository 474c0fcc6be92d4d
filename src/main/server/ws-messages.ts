import type { RaceHost } from '../host/host.ts';
import type { TokenRole } from '../host/tokens.ts';
import {
  parseProgramCommand,
  parseRaceRequest,
  RequestError,
} from '../../shared/protocol/commands.ts';
import {
  socketRequestSchema,
  socketRequestTypes,
  type ErrorMessage,
  type RequestId,
  type SocketMessage,
  type SocketRequest,
} from '../../shared/protocol/socket.ts';
import { describeIssues } from '../../shared/validation.ts';
import { hostReply } from './replies.ts';

/** What a message handler needs to know about its connection. */
export interface SocketContext {
  readonly host: RaceHost;
  readonly role: TokenRole;
  /** Makes the connection follow a race (null: the active one) and sends that state. */
  follow(race: string | null): void;
  log(line: string): void;
}

const error = (status: number, message: string, id?: RequestId): ErrorMessage => ({
  type: 'error',
  ...(id === undefined ? {} : { id }),
  status,
  error: message,
});

/** The id a client gave, when it is usable, so even an error reply can name its request. */
function idOf(value: unknown): RequestId | undefined {
  const id = (value as { id?: unknown } | null)?.id;
  return (typeof id === 'string' && id.length <= 200) ||
    (typeof id === 'number' && Number.isFinite(id))
    ? id
    : undefined;
}

/** Reads a frame into a request, or says why not. */
function readRequest(data: Buffer, isBinary: boolean): SocketRequest | ErrorMessage {
  if (isBinary) return error(400, 'binary frames are not accepted: send JSON as text');
  let value: unknown;
  try {
    value = JSON.parse(data.toString('utf8'));
  } catch (cause) {
    return error(400, `malformed JSON: ${(cause as Error).message}`);
  }
  return validateRequest(value);
}

/** Checks a parsed message (a WebSocket frame's JSON, or an Electron IPC payload). */
function validateRequest(value: unknown): SocketRequest | ErrorMessage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return error(400, `expected a JSON object with a "type" (${socketRequestTypes.join(', ')})`);
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !socketRequestTypes.includes(type)) {
    const what =
      typeof type === 'string'
        ? `unknown message type "${type.slice(0, 100)}"`
        : 'type: missing message type';
    return error(400, `${what} (known: ${socketRequestTypes.join(', ')})`, idOf(value));
  }
  const parsed = socketRequestSchema.safeParse(value);
  if (!parsed.success) return error(400, describeIssues(parsed.error), idOf(value));
  return parsed.data;
}

const needsControl = new Set(['command', 'batch', 'program']);

/**
 * Answers one client frame: the reply to send (ack, journal or error), or null when the
 * answer is the state itself (subscribe). Never throws: the connection stays usable.
 */
export function answerSocketMessage(
  context: SocketContext,
  data: Buffer,
  isBinary: boolean,
): Promise<SocketMessage | null> {
  const request = readRequest(data, isBinary);
  return request.type === 'error' ? Promise.resolve(request) : answerRequest(context, request);
}

/**
 * Answers one already parsed message the same way: the Electron IPC adapter's entry, so both
 * transports validate, authorize and reply identically. Never throws.
 */
export function answerClientMessage(
  context: SocketContext,
  value: unknown,
): Promise<SocketMessage | null> {
  const request = validateRequest(value);
  return request.type === 'error' ? Promise.resolve(request) : answerRequest(context, request);
}

async function answerRequest(
  context: SocketContext,
  request: SocketRequest,
): Promise<SocketMessage | null> {
  const id = 'id' in request ? request.id : undefined;
  if (needsControl.has(request.type) && context.role !== 'control') {
    return error(
      403,
      'the view token may only read and subscribe: use the control token to send commands',
      id,
    );
  }
  const { host } = context;
  try {
    switch (request.type) {
      case 'subscribe': {
        const race = request.race ?? null;
        context.follow(race);
        return race === null || host.race(race)
          ? null
          : error(
              404,
              `race "${race}" is not in the program (yet): following it anyway, race is null until it is added`,
            );
      }
      case 'journal': {
        const journal = host.journal(request.race);
        if (!journal) return error(404, `race "${request.race}" is not in the program`, id);
        return {
          type: 'journal',
          ...(id === undefined ? {} : { id }),
          raceId: request.race,
          entries: journal.entries,
          voided: journal.voided,
        };
      }
      case 'program':
        return toMessage(await host.programCommand(parseProgramCommand(request.command), 'ws'), id);
      case 'command':
      case 'batch': {
        const body =
          request.type === 'command'
            ? { command: request.command, revision: request.revision }
            : { commands: request.commands, revision: request.revision };
        const result = await host.submit(parseRaceRequest(body), 'ws', request.race ?? undefined);
        return toMessage(result, id);
      }
    }
  } catch (cause) {
    if (cause instanceof RequestError) return error(400, cause.message, id);
    context.log(`websocket ${request.type} failed: ${(cause as Error).stack ?? String(cause)}`);
    return error(500, `internal error: ${(cause as Error).message}`, id);
  }
}

function toMessage(
  result: Parameters<typeof hostReply>[0],
  id: RequestId | undefined,
): SocketMessage {
  const { status, body } = hostReply(result);
  const withId = id === undefined ? {} : { id };
  if (body.ok) {
    const { ok: _ok, ...rest } = body;
    return { type: 'ack', ...withId, ok: true, ...rest };
  }
  return error(status, body.error, id);
}

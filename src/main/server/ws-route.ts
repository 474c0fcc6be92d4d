import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { StateSink } from '../host/channel.ts';
import { answerMessage, type HostSession } from '../host/session.ts';
import { refused } from '../../shared/protocol/reply.ts';
import { replyMessage, type SocketMessage } from '../../shared/protocol/socket.ts';
import { access } from './auth.ts';
import { failure } from './replies.ts';

/** Options of the WebSocket route. */
export interface SocketRouteOptions {
  readonly session: HostSession;
  /** A socket whose send buffer holds more than this skips states until it drains. */
  readonly bufferLimit: number;
  /** How often to ping; a socket that has not answered the previous ping is closed. */
  readonly pingIntervalMs: number;
}

const OPEN = 1;

/** A WebSocket as a state sink of the session's fan-out. */
function socketSink(socket: WebSocket, bufferLimit: number): StateSink {
  return {
    send: (text, written) => socket.send(text, () => written()),
    isOpen: () => socket.readyState === OPEN,
    backedUp: () => socket.bufferedAmount > bufferLimit,
  };
}

/** Reads a frame's JSON, or the refusal saying why it is not. */
function frameValue(data: Buffer, isBinary: boolean): { value: unknown } | SocketMessage {
  if (isBinary)
    return replyMessage(refused(400, 'binary frames are not accepted: send JSON as text'));
  try {
    return { value: JSON.parse(data.toString('utf8')) };
  } catch (cause) {
    return replyMessage(refused(400, `malformed JSON: ${(cause as Error).message}`));
  }
}

/**
 * GET /api/v1/ws?token=...[&v=2][&race=ID][&journal=1]: the followed values on connect, then
 * their changes (the replication channel, issue 20; without `v=2` the `state` message alone, as
 * before it); each frame is one request for the session.
 * Returns a stop function for close().
 */
export function registerSocketRoute(app: FastifyInstance, options: SocketRouteOptions): () => void {
  const { session, bufferLimit } = options;
  const { channel } = session;
  const alive = new Map<WebSocket, boolean>();

  app.route<{ Querystring: { race?: unknown; journal?: unknown; v?: unknown } }>({
    method: 'GET',
    url: '/api/v1/ws',
    ...access('view'),
    handler: async (_request, reply) =>
      reply
        .code(426)
        .header('Upgrade', 'websocket')
        .send(failure('this is the WebSocket endpoint: connect with a WebSocket client')),
    wsHandler: (socket, request) => {
      const caller = { role: request.tokenRole ?? 'view', source: 'ws' } as const;
      const sink = socketSink(socket, bufferLimit);
      const reply = (message: SocketMessage | null) => {
        if (message && socket.readyState === OPEN)
          socket.send(JSON.stringify(message), () => channel.drained(sink));
      };
      alive.set(socket, true);
      socket.on('pong', () => alive.set(socket, true));
      socket.on('close', () => {
        alive.delete(socket);
        session.unfollow(sink);
      });
      socket.on('message', (data, isBinary) => {
        const frame = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer);
        const read = frameValue(frame, isBinary);
        if (!('value' in read)) return reply(read);
        void session.receive(read.value, caller, sink).then(reply);
      });
      const { race, journal, v } = request.query;
      const version = v === '2' ? ({ v: 2 } as const) : {};
      if (race !== undefined && typeof race !== 'string') {
        session.follow(sink, ['state'], { legacy: v !== '2', replace: true });
        return reply(
          replyMessage(refused(400, 'race: give one race id; following the active race')),
        );
      }
      const subscribe = {
        type: 'subscribe' as const,
        race: race === undefined || race === '' ? null : race,
        journal: journal === '1' || journal === 'true',
        ...version,
      };
      void session.answer(subscribe, caller, sink).then((answer) => reply(answerMessage(answer)));
    },
  });

  const timer = setInterval(() => {
    for (const [socket, answered] of alive) {
      if (!answered) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
    channel.retryBehind();
  }, options.pingIntervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

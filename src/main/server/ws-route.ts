import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { RaceHost } from '../host/host.ts';
import { access } from './auth.ts';
import { failure } from './replies.ts';
import { answerSocketMessage } from './ws-messages.ts';
import type { SnapshotHub } from './ws-hub.ts';

/** Options of the WebSocket route. */
export interface SocketRouteOptions {
  readonly host: RaceHost;
  readonly hub: SnapshotHub;
  /** How often to ping; a socket that has not answered the previous ping is closed. */
  readonly pingIntervalMs: number;
  readonly log: (line: string) => void;
}

/**
 * GET /api/v1/ws?token=...[&race=ID]: the full state on connect, then a new one after every
 * change; client frames are answered by ws-messages.ts. Returns a stop function for close().
 */
export function registerSocketRoute(app: FastifyInstance, options: SocketRouteOptions): () => void {
  const { host, hub, log } = options;
  const alive = new Map<WebSocket, boolean>();

  app.route<{ Querystring: { race?: unknown } }>({
    method: 'GET',
    url: '/api/v1/ws',
    ...access('view'),
    handler: async (_request, reply) =>
      reply
        .code(426)
        .header('Upgrade', 'websocket')
        .send(failure('this is the WebSocket endpoint: connect with a WebSocket client')),
    wsHandler: (socket, request) => {
      const role = request.tokenRole ?? 'view';
      const race = request.query.race;
      alive.set(socket, true);
      socket.on('pong', () => alive.set(socket, true));
      socket.on('close', () => {
        alive.delete(socket);
        hub.remove(socket);
      });
      socket.on('message', (data, isBinary) => {
        const frame = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer);
        const context = {
          host,
          role,
          log,
          follow: (followed: string | null) => hub.follow(socket, followed),
        };
        void answerSocketMessage(context, frame, isBinary).then((answer) => {
          if (answer) hub.reply(socket, answer);
        });
      });
      if (race !== undefined && typeof race !== 'string') {
        hub.add(socket, null);
        hub.reply(socket, {
          type: 'error',
          status: 400,
          error: 'race: give one race id; following the active race',
        });
        return;
      }
      const followed = race === undefined || race === '' ? null : race;
      hub.add(socket, followed);
      if (followed !== null && !host.race(followed)) {
        hub.reply(socket, {
          type: 'error',
          status: 404,
          error: `race "${followed.slice(0, 100)}" is not in the program (yet): following it anyway, race is null until it is added`,
        });
      }
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
    hub.retryBehind();
  }, options.pingIntervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

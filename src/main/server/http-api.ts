import fastifyWebsocket from '@fastify/websocket';
import Fastify from 'fastify';
import type { RaceHost } from '../host/host.ts';
import { HostSession } from '../host/session.ts';
import type { ApiTokens } from '../host/tokens.ts';
import { registerApiRoutes } from './api-routes.ts';
import { registerHostRoutes } from './host-routes.ts';
import { registerFeedRoutes } from './feed-routes.ts';
import { registerResultsRoutes } from './results-routes.ts';
import { registerPublicRoutes, type PublicRouteOptions } from './public-routes.ts';
import { registerAuth } from './auth.ts';
import { frameworkErrorReply, registerErrorReplies, registerJsonBodies } from './http-errors.ts';
import { registerHostCheck } from './host-check.ts';
import { hostNames } from './host-names.ts';
import { registerStaticPages } from './static-pages.ts';
import { registerSocketRoute } from './ws-route.ts';

/** Options of the control API server. */
export interface ServerOptions {
  readonly host: RaceHost;
  /** The session the transports share (its fan-out feeds every view); made here when absent. */
  readonly session?: HostSession;
  readonly tokens: ApiTokens;
  /** TCP port; 0 picks a free one. */
  readonly port?: number;
  /** Address to listen on: loopback unless the operator asks for another (e.g. 0.0.0.0 for the LAN). */
  readonly address?: string;
  /** Names the host answers to besides its addresses and localhost (`serve --allowed-host`). */
  readonly allowedHosts?: readonly string[];
  /** Built renderer pages (out/renderer) to serve at `/`, if the folder exists. */
  readonly staticDir?: string;
  /** Largest request body and WebSocket message, in bytes. */
  readonly bodyLimit?: number;
  /** A WebSocket whose send buffer holds more than this skips states until it drains. */
  readonly socketBufferLimit?: number;
  readonly pingIntervalMs?: number;
  readonly log?: (line: string) => void;
  /** The public live feed's clock and request counter (tests, bench:public). */
  readonly publicFeed?: PublicRouteOptions;
}

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:7770 */
  readonly url: string;
  readonly port: number;
  /** Whether the renderer pages are served. */
  readonly servesPages: boolean;
  /** Trusts the pages of the other host of a pair (their boards fail over here, issue 20). */
  trustPagesOf(url: string): void;
  /** Stops accepting, closes every WebSocket and the listener. Does not close the host. */
  close(): Promise<void>;
}

/** Defaults: loopback only, 64 KiB bodies. */
export const defaultAddress = '127.0.0.1';
export const defaultBodyLimit = 64 * 1024;

/**
 * The control API: HTTP JSON and WebSocket on one port under /api/v1. Commands go to the
 * race host, which validates them and makes them durable before the reply; views get the
 * full state on connect and after every change. See docs in the README for the routes.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { host, tokens } = options;
  const log = options.log ?? (() => undefined);
  const bodyLimit = options.bodyLimit ?? defaultBodyLimit;
  const app = Fastify({
    logger: false,
    bodyLimit,
    forceCloseConnections: true,
    return503OnClosing: true,
    frameworkErrors: frameworkErrorReply,
  });
  const address = options.address ?? defaultAddress;
  const names = hostNames({ address, allowed: options.allowedHosts ?? [] });
  let base = ''; // the URL, once listening: the Host check's refusal names it
  // A session of its own (tests, the bench) is closed with the server; a shared one is not.
  const ownSession = options.session ? null : new HostSession(host, log);
  const session = options.session ?? ownSession!;
  let stopPings: () => void = () => undefined;
  /** The other host of a pair (issue 20): its pages may connect here, these pages there. */
  const peerOrigins = new Set<string>();
  try {
    // First, so its hooks run before ours: it closes the socket of an upgrade that a hook refused.
    await app.register(fastifyWebsocket, {
      options: { maxPayload: bodyLimit },
      errorHandler: (error, socket) => {
        log(`websocket closed after an error: ${error.message}`);
        socket.terminate();
      },
    });
    // Before every other hook: a request for another name gets no further (issue 17).
    registerHostCheck(app, names, () => base);
    registerJsonBodies(app);
    registerErrorReplies(app, bodyLimit, log);
    registerAuth(app, tokens);
    app.addHook('onSend', async (request, reply) => {
      reply.header('X-Content-Type-Options', 'nosniff');
      reply.header('Referrer-Policy', 'no-referrer'); // tokens may travel in page URLs
      // Every answer and feed says which primary's it is (issue 20: grows with each takeover).
      if (request.url.startsWith('/api/') || request.url.startsWith('/public/'))
        reply.header('X-Massstart-Epoch', String(host.programData.epoch));
      if (request.url.startsWith('/api/')) {
        reply.header('Cache-Control', 'no-store');
        reply.header('Cross-Origin-Resource-Policy', 'same-origin');
      }
    });
    registerApiRoutes(app, session);
    registerHostRoutes(app, session, tokens);
    registerFeedRoutes(app, session);
    registerResultsRoutes(app, session);
    registerPublicRoutes(app, session, options.publicFeed);
    stopPings = registerSocketRoute(app, {
      session,
      bufferLimit: options.socketBufferLimit ?? 256 * 1024,
      pingIntervalMs: options.pingIntervalMs ?? 30_000,
    });
    const servesPages = await registerStaticPages(app, options.staticDir, () => [...peerOrigins]);
    await app.listen({ host: address, port: options.port ?? 0 });
    const bound = app.server.address();
    const port = typeof bound === 'object' && bound ? bound.port : (options.port ?? 0);
    const shownAddress = address.includes(':') ? `[${address}]` : address;
    base = `http://${shownAddress}:${port}`;
    return {
      url: base,
      port,
      servesPages,
      trustPagesOf: (url) => {
        names.trustPagesOf(url);
        const origin = /^https?:\/\/[^/\s]+/i.exec(url)?.[0];
        if (origin) peerOrigins.add(origin.toLowerCase());
      },
      close: async () => {
        stopPings();
        ownSession?.close();
        await app.close();
      },
    };
  } catch (error) {
    stopPings();
    ownSession?.close();
    await app.close();
    throw error;
  }
}

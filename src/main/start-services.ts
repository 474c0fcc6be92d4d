// The one composition root: the race host, its session (one fan-out for every view), the
// HTTP/WebSocket server and OSC. `massstart serve` (cli/serve.ts) and the Electron app
// (electron/host-services.ts) both start the host through here.
import { existsSync } from 'node:fs';
import { loadDemoMeeting } from './host/demo.ts';
import { RaceHost } from './host/host.ts';
import { HostSession } from './host/session.ts';
import { loadOrCreateTokens, saveTokens, type ApiTokens } from './host/tokens.ts';
import { HostRoles } from './standby/roles.ts';
import { startOscServer, type OscServer } from './osc/osc-server.ts';
import { startServer, type RunningServer } from './server/http-api.ts';
import type { PublicRouteOptions } from './server/public-routes.ts';
import { PassingLog } from './timing/passing-log.ts';
import { TimingService, type SourceFactory } from './timing/timing-service.ts';
import type { TimingSettings } from '../shared/timing/settings.ts';

/** What to start. */
export interface ServicesOptions {
  readonly dataDir: string;
  readonly log: (line: string) => void;
  /** A demo meeting file, loaded into an empty program (null: none). */
  readonly demoFile: string | null;
  /** HTTP/WebSocket port (null: no server; 0: any free port). */
  readonly port: number | null;
  /** Where the server and OSC listen (loopback unless the operator opens it). */
  readonly address: string;
  /** Names the HTTP server answers to besides its addresses and localhost (`serve --allowed-host`). */
  readonly allowedHosts?: readonly string[];
  /** OSC port (null: no OSC). */
  readonly oscPort: number | null;
  readonly oscAllow?: readonly string[];
  /** Built renderer pages to serve, when the folder exists. */
  readonly staticDir: string;
  /**
   * The app goes on without a server or OSC that cannot start (a port taken by browser mode);
   * the CLI fails instead, so the operator sees why.
   */
  readonly optionalServers: boolean;
  /**
   * Timing settings to take at start (`serve --timing p3://HOST:PORT`): written to the program
   * when they differ from the meeting's, like any change from the console.
   */
  readonly timing?: Partial<TimingSettings>;
  /** Switch the public live feed on for the meeting at start (`serve --public`). */
  readonly publicFeed?: boolean;
  /** The public routes' clock and request counter (bench:public counts the origin's requests). */
  readonly publicRoutes?: PublicRouteOptions;
  /** How the timing feed reaches a decoder (default: P3 over TCP). */
  readonly timingSource?: SourceFactory;
  /** Run as the standby of a primary (`serve --standby-of URL --primary-token TOKEN`, issue 20). */
  readonly standbyOf?: { readonly primary: string; readonly token: string };
  /** How long the primary waits for its standby per change (default 300 ms). */
  readonly commitBoundMs?: number;
}

/** URLs of the browser sources, with their tokens. */
export interface BrowserUrls {
  readonly console: string;
  readonly board: string;
  readonly overlay: string;
  /** The commentator screen (issue 21): any browser at the commentary positions. */
  readonly commentator: string;
}

/** The running host and what serves it. */
export interface Services {
  readonly host: RaceHost;
  readonly session: HostSession;
  /** The timing feed (always there; connected only when the meeting names a decoder). */
  readonly timing: TimingService;
  /** Primary or standby (issue 20). */
  readonly roles: HostRoles;
  readonly tokens: ApiTokens | null;
  /** Null when there is no HTTP server (not asked for, or it could not start). */
  readonly server: RunningServer | null;
  readonly urls: BrowserUrls | null;
  readonly osc: OscServer | null;
  /** How long opening the host (replaying every journal) took. */
  readonly replayMs: number;
  close(): Promise<void>;
}

/** Opens the host (replaying every journal) and starts its servers. */
export async function startServices(options: ServicesOptions): Promise<Services> {
  const { log } = options;
  const started = performance.now();
  const host = await RaceHost.open({ dataDir: options.dataDir, log });
  const replayMs = performance.now() - started;
  const session = new HostSession(host, log);
  const timing = new TimingService({
    session,
    log,
    passingLog: new PassingLog({ dataDir: options.dataDir, log }),
    ...(options.timingSource ? { connect: options.timingSource } : {}),
  });
  let liveTokens: ApiTokens | null = null;
  let server: RunningServer | null = null;
  let osc: OscServer | null = null;
  /** Peers learned before the server listens are trusted once it does. */
  const peers: string[] = [];
  const roles = new HostRoles({
    host,
    session,
    dataDir: options.dataDir,
    controlToken: () => liveTokens?.control ?? null,
    log,
    timing,
    ...(options.commitBoundMs === undefined ? {} : { commitBoundMs: options.commitBoundMs }),
    trustPeer: (url) => {
      peers.push(url);
      server?.trustPagesOf(url);
    },
    adoptTokens: async (tokens) => {
      await saveTokens(options.dataDir, tokens);
      // The server's auth reads this object at each request: the new tokens are in force at once.
      if (liveTokens) Object.assign(liveTokens, tokens);
    },
  });
  await roles.restorePeer();
  const close = async (server: RunningServer | null, osc: OscServer | null) => {
    await roles.close();
    await timing.close();
    await osc?.close();
    await server?.close();
    session.close();
    await host.close();
  };
  try {
    if (options.demoFile !== null) await loadDemo(host, options.demoFile, options);
    if (options.timing) await configureTiming(host, options.timing, log);
    if (options.publicFeed && !host.program().publicFeed) {
      const reply = await host.programCommand({ type: 'public/configured', enabled: true }, 'cli');
      if (!reply.ok) throw new Error(`public feed not switched on: ${reply.error}`);
    }
    let tokens: ApiTokens | null = null;
    let urls: BrowserUrls | null = null;
    if (options.port !== null) {
      await optional(
        options,
        (why) => `no browser sources: the HTTP server did not start (${why})`,
        async () => {
          tokens = liveTokens = { ...(await loadOrCreateTokens(options.dataDir)) };
          server = await startServer({
            host,
            session,
            tokens,
            port: options.port!,
            address: options.address,
            ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
            staticDir: existsSync(options.staticDir) ? options.staticDir : undefined,
            log,
            ...(options.publicRoutes ? { publicFeed: options.publicRoutes } : {}),
          });
          // A second host started on this folder is told where this one serves.
          await host.advertise({ url: server.url });
          roles.setSelf(server.url);
          for (const peer of peers) server.trustPagesOf(peer);
          urls = browserUrls(server.url, tokens);
        },
      );
    }
    if (options.oscPort !== null) {
      await optional(
        options,
        (why) => `no OSC: ${why}`,
        async () => {
          osc = await startOscServer({
            host: session,
            port: options.oscPort!,
            address: options.address,
            ...(options.oscAllow ? { allowFrom: options.oscAllow } : {}),
            log,
          });
        },
      );
    }
    if (options.standbyOf) {
      const reply = await roles.follow(options.standbyOf.primary, options.standbyOf.token);
      if (!reply.ok) throw new Error(`--standby-of: ${reply.error}`);
      // The primary's tokens are this host's now: the browser sources' URLs carry them.
      if (server && tokens) urls = browserUrls((server as RunningServer).url, tokens);
    }
    const running = { server: server as RunningServer | null, osc: osc as OscServer | null };
    return {
      host,
      session,
      timing,
      roles,
      tokens,
      urls,
      replayMs,
      ...running,
      close: () => close(running.server, running.osc),
    };
  } catch (error) {
    await close(server, osc);
    throw error;
  }
}

/** Takes the timing settings given at start, when they differ from the meeting's. */
async function configureTiming(
  host: RaceHost,
  wanted: Partial<TimingSettings>,
  log: (line: string) => void,
): Promise<void> {
  const current = host.program().timing;
  const differs = (Object.keys(wanted) as (keyof TimingSettings)[]).some(
    (key) => wanted[key] !== undefined && wanted[key] !== current[key],
  );
  if (!differs) return;
  const reply = await host.programCommand({ type: 'timing/configured', ...wanted }, 'cli');
  if (!reply.ok) throw new Error(`timing settings not taken: ${reply.error}`);
  log(`timing feed set to ${host.program().timing.url ?? 'off'}`);
}

/** The browser-source URLs of a server. */
function browserUrls(url: string, tokens: ApiTokens): BrowserUrls {
  const base = url.replace(/\/$/, '');
  return {
    console: `${base}/console/?token=${tokens.control}&viewToken=${tokens.view}`,
    board: `${base}/board/?token=${tokens.view}`,
    overlay: `${base}/board/?output=overlay&token=${tokens.view}`,
    commentator: `${base}/commentator/?token=${tokens.view}`,
  };
}

async function loadDemo(host: RaceHost, file: string, options: ServicesOptions): Promise<void> {
  await optional(
    options,
    (why) => `demo meeting not loaded: ${why}`,
    async () => {
      if (await loadDemoMeeting(host, file))
        options.log(
          'loaded the demo meeting (Milano Cortina 2026 men, demo skaters marked as such)',
        );
    },
  );
}

/** Runs a start step; in the app a failure is logged and the app goes on without it. */
async function optional(
  options: ServicesOptions,
  failed: (why: string) => string,
  step: () => Promise<void>,
): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (!options.optionalServers) throw error;
    options.log(failed((error as Error).message));
  }
}

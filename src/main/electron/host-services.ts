// The race host inside the Electron app: the same composition root as browser mode
// (start-services.ts): the host, its session, the HTTP/WebSocket server and OSC for browser
// sources (OBS, CasparCG) and Stream Decks. The app's own windows use IPC on the same session;
// if a port is taken (browser mode already runs) the app still works.
import { join } from 'node:path';
import type { RaceHost } from '../host/host.ts';
import type { HostSession } from '../host/session.ts';
import { startServices, type BrowserUrls } from '../start-services.ts';
import type { StandbyControl } from '../standby/control.ts';

/** Options of the app's host. */
export interface HostServicesOptions {
  readonly dataDir: string;
  /** The app's root (app.getAppPath()): resources/demo and out/renderer are under it. */
  readonly appRoot: string;
  /** Load the demo meeting into an empty program. */
  readonly demo: boolean;
  /** HTTP/WebSocket port (null: no server). */
  readonly port: number | null;
  readonly address: string;
  /** OSC port (null: no OSC). */
  readonly oscPort: number | null;
  readonly log: (line: string) => void;
}

export type { BrowserUrls };

/** The running host and its servers. */
export interface HostServices {
  readonly host: RaceHost;
  /** The session every transport shares (the windows' IPC too). */
  readonly session: HostSession;
  /** Null when the HTTP server could not start. */
  readonly urls: BrowserUrls | null;
  /** Primary or standby (issue 20): the Hosts menu and the console's Hosts panel act on it. */
  readonly roles: StandbyControl;
  close(): Promise<void>;
}

/** Opens the host (replaying every journal) and starts what can start of its servers. */
export async function startHostServices(options: HostServicesOptions): Promise<HostServices> {
  const services = await startServices({
    dataDir: options.dataDir,
    log: options.log,
    demoFile: options.demo ? join(options.appRoot, 'resources', 'demo', 'mc2026-men.json') : null,
    port: options.port,
    address: options.address,
    oscPort: options.oscPort,
    staticDir: join(options.appRoot, 'out', 'renderer'),
    optionalServers: true,
  });
  if (services.server)
    options.log(
      `browser sources at ${services.server.url} (board ${services.server.url}/board/, overlay ${services.server.url}/board/?output=overlay)`,
    );
  return services;
}

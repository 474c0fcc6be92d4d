// The race host inside the Electron app: the same host as browser mode (host/host.ts), plus
// the HTTP/WebSocket server and OSC for browser sources (OBS, CasparCG) and Stream Decks. The
// app's own windows use IPC; if a port is taken (browser mode already runs) the app still works.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadDemoMeeting } from '../host/demo.ts';
import { RaceHost } from '../host/host.ts';
import { loadOrCreateTokens } from '../host/tokens.ts';
import { startOscServer, type OscServer } from '../osc/osc-server.ts';
import { startServer, type RunningServer } from '../server/http-api.ts';

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

/** URLs of the browser sources, with their tokens. */
export interface BrowserUrls {
  readonly console: string;
  readonly board: string;
  readonly overlay: string;
}

/** The running host and its servers. */
export interface HostServices {
  readonly host: RaceHost;
  /** Null when the HTTP server could not start. */
  readonly urls: BrowserUrls | null;
  close(): Promise<void>;
}

/** Opens the host (replaying every journal) and starts what can start of its servers. */
export async function startHostServices(options: HostServicesOptions): Promise<HostServices> {
  const { log } = options;
  const host = await RaceHost.open({ dataDir: options.dataDir, log });
  if (options.demo) {
    try {
      if (
        await loadDemoMeeting(host, join(options.appRoot, 'resources', 'demo', 'mc2026-men.json'))
      )
        log('loaded the demo meeting');
    } catch (error) {
      log(`demo meeting not loaded: ${(error as Error).message}`);
    }
  }
  let server: RunningServer | null = null;
  let urls: BrowserUrls | null = null;
  if (options.port !== null) {
    try {
      const tokens = await loadOrCreateTokens(options.dataDir);
      const staticDir = join(options.appRoot, 'out', 'renderer');
      server = await startServer({
        host,
        tokens,
        port: options.port,
        address: options.address,
        staticDir: existsSync(staticDir) ? staticDir : undefined,
        log,
      });
      await host.advertise({ url: server.url });
      const base = server.url;
      urls = {
        console: `${base}/console/?token=${tokens.control}&viewToken=${tokens.view}`,
        board: `${base}/board/?token=${tokens.view}`,
        overlay: `${base}/board/?output=overlay&token=${tokens.view}`,
      };
      log(
        `browser sources at ${base} (board ${base}/board/, overlay ${base}/board/?output=overlay)`,
      );
    } catch (error) {
      log(`no browser sources: the HTTP server did not start (${(error as Error).message})`);
    }
  }
  let osc: OscServer | null = null;
  if (options.oscPort !== null) {
    try {
      osc = await startOscServer({ host, port: options.oscPort, address: options.address, log });
    } catch (error) {
      log(`no OSC: ${(error as Error).message}`);
    }
  }
  return {
    host,
    urls,
    close: async () => {
      await osc?.close();
      await server?.close();
      await host.close();
    },
  };
}

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../host/data-dir.ts';
import { parseAllowedHost } from '../server/host-names.ts';
import { startServices } from '../start-services.ts';
import {
  timingSettingsSchema,
  timingUrlSchema,
  type TimingSettings,
} from '../../shared/timing/settings.ts';

/** Files shipped with the app, relative to the repository (or app) root. */
const fromRoot = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/** Options of `massstart serve`. */
export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  /** Names the host answers to besides its addresses and localhost (--allowed-host, repeatable). */
  readonly allowedHosts?: readonly string[];
  readonly dataDir: string;
  readonly oscPort: number | null;
  /** Addresses OSC datagrams are accepted from (loopback by default). */
  readonly oscAllow: readonly string[];
  readonly demo: boolean;
  /** Timing settings given on the command line (--timing, --auto-laps, --min-lap). */
  readonly timing: Partial<TimingSettings>;
  /** Switch the public live feed on for the meeting (--public). */
  readonly publicFeed?: boolean;
  /** Run as the standby of a primary (--standby-of URL, --primary-token or MASSSTART_PRIMARY_TOKEN). */
  readonly standbyOf?: { readonly primary: string; readonly token: string };
  /** How long a primary waits for its standby per change, ms (--commit-bound, default 300). */
  readonly commitBoundMs?: number;
}

/** Reads `serve` arguments; throws with a clear message on bad ones. */
export function parseServeArgs(args: string[], env: NodeJS.ProcessEnv = process.env): ServeOptions {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '8316' },
      host: { type: 'string', default: '127.0.0.1' },
      'allowed-host': { type: 'string', multiple: true, default: [] },
      data: { type: 'string' },
      'osc-port': { type: 'string', default: '8317' },
      'no-osc': { type: 'boolean', default: false },
      'osc-allow': { type: 'string', default: '127.0.0.1,::1' },
      demo: { type: 'boolean', default: false },
      timing: { type: 'string' },
      'auto-laps': { type: 'boolean' },
      'no-auto-laps': { type: 'boolean' },
      'min-lap': { type: 'string' },
      'start-signal': { type: 'string' },
      public: { type: 'boolean', default: false },
      'standby-of': { type: 'string' },
      'primary-token': { type: 'string' },
      'commit-bound': { type: 'string' },
    },
  });
  const port = (name: string, text: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0 || value > 65535)
      throw new Error(`--${name} must be a port number (0-65535), not "${text}"`);
    return value;
  };
  return {
    port: port('port', values.port),
    host: values.host,
    allowedHosts: values['allowed-host'].map(parseAllowedHost),
    dataDir: values.data ?? defaultDataDir(),
    oscPort: values['no-osc'] ? null : port('osc-port', values['osc-port']),
    oscAllow: values['osc-allow']
      .split(',')
      .map((address) => address.trim())
      .filter(Boolean),
    demo: values.demo,
    timing: timingArgs(values),
    publicFeed: values.public,
    ...standbyArgs(values, env),
  };
}

/** `--standby-of http://HOST:PORT` with `--primary-token` (or MASSSTART_PRIMARY_TOKEN), `--commit-bound MS`. */
function standbyArgs(
  values: { 'standby-of'?: string; 'primary-token'?: string; 'commit-bound'?: string },
  env: NodeJS.ProcessEnv,
): Pick<ServeOptions, 'standbyOf' | 'commitBoundMs'> {
  const out: { standbyOf?: ServeOptions['standbyOf']; commitBoundMs?: number } = {};
  const bound = values['commit-bound'];
  if (bound !== undefined) {
    const ms = Number(bound);
    if (!Number.isInteger(ms) || ms < 10 || ms > 10_000)
      throw new Error(`--commit-bound must be milliseconds between 10 and 10000, not "${bound}"`);
    out.commitBoundMs = ms;
  }
  const primary = values['standby-of'];
  const token = values['primary-token'] ?? env.MASSSTART_PRIMARY_TOKEN;
  if (primary === undefined) {
    if (values['primary-token'] !== undefined)
      throw new Error('--primary-token goes with --standby-of http://HOST:PORT');
    return out;
  }
  if (!/^https?:\/\/[^/\s]+\/?$/.test(primary))
    throw new Error(
      `--standby-of: expected the primary's address, http://HOST:PORT, not "${primary}"`,
    );
  if (!token)
    throw new Error(
      "--standby-of needs the primary's control token: --primary-token TOKEN or MASSSTART_PRIMARY_TOKEN",
    );
  out.standbyOf = { primary: primary.replace(/\/$/, ''), token };
  return out;
}

/**
 * `--timing p3://HOST:PORT|off`, `--auto-laps`/`--no-auto-laps`, `--min-lap SECONDS`,
 * `--start-signal TRANSPONDER|none` (the decoder's start input: a gun).
 */
function timingArgs(values: {
  timing?: string;
  'auto-laps'?: boolean;
  'no-auto-laps'?: boolean;
  'min-lap'?: string;
  'start-signal'?: string;
}): Partial<TimingSettings> {
  const timing: { -readonly [K in keyof TimingSettings]?: TimingSettings[K] } = {};
  if (values.timing !== undefined) {
    if (values.timing === 'off') timing.url = null;
    else {
      const url = timingUrlSchema.safeParse(values.timing);
      if (!url.success)
        throw new Error(`--timing: ${url.error.issues[0]!.message}, not "${values.timing}"`);
      timing.url = url.data;
    }
  }
  if (values['auto-laps'] && values['no-auto-laps'])
    throw new Error('--auto-laps and --no-auto-laps: choose one');
  if (values['auto-laps']) timing.autoLaps = true;
  if (values['no-auto-laps']) timing.autoLaps = false;
  if (values['min-lap'] !== undefined) {
    const seconds = Number(values['min-lap']);
    if (!Number.isFinite(seconds) || seconds < 0.05 || seconds > 600)
      throw new Error(`--min-lap must be seconds between 0.05 and 600, not "${values['min-lap']}"`);
    timing.minLapSeconds = seconds;
  }
  const signal = values['start-signal'];
  if (signal !== undefined) {
    const parsed = timingSettingsSchema.shape.startSignal.safeParse(
      signal === 'none' ? null : signal,
    );
    if (!parsed.success)
      throw new Error(
        `--start-signal: ${parsed.error.issues[0]!.message} or none, not "${signal}"`,
      );
    timing.startSignal = parsed.data;
  }
  return timing;
}

/** Starts the host with its HTTP/WebSocket and OSC servers and prints where to find them. */
export async function serve(
  options: ServeOptions,
  print: (line: string) => void = console.log,
): Promise<{ close: () => Promise<void> }> {
  const log = (line: string) => print(`[host] ${line}`);
  const staticDir = fromRoot('out/renderer');
  const services = await startServices({
    dataDir: options.dataDir,
    log,
    demoFile: options.demo ? fromRoot('resources/demo/mc2026-men.json') : null,
    port: options.port,
    address: options.host,
    allowedHosts: options.allowedHosts ?? [],
    oscPort: options.oscPort,
    oscAllow: options.oscAllow,
    staticDir,
    optionalServers: false,
    timing: options.timing,
    publicFeed: options.publicFeed ?? false,
    ...(options.standbyOf ? { standbyOf: options.standbyOf } : {}),
    ...(options.commitBoundMs === undefined ? {} : { commitBoundMs: options.commitBoundMs }),
  });
  const { host, server, osc, urls, replayMs } = services;
  const tokens = services.tokens!;
  const base = server!.url.replace(/\/$/, '');
  print(
    `Mass Start Scoreboard host (browser mode), ${host.program().races.length} races replayed in ${replayMs.toFixed(0)} ms`,
  );
  print(`  data     ${options.dataDir}`);
  print(
    options.standbyOf
      ? `  role     STANDBY of ${options.standbyOf.primary}  (take over: POST ${base}/api/v1/host/takeover)`
      : `  role     primary, epoch ${host.programData.epoch}  (a standby: serve --standby-of ${base} --primary-token=${tokens.control})`,
  );
  print(`  console  ${urls!.console}`);
  print(`  board    ${urls!.board}`);
  print(`  overlay  ${urls!.overlay}`);
  print(`  commentator ${base}/commentator/?token=${tokens.view}`);
  print(`  API      ${base}/api/v1/  control token ${tokens.control}  view token ${tokens.view}`);
  if (options.allowedHosts?.length)
    print(`  names    also answers to ${options.allowedHosts.join(', ')}  (--allowed-host)`);
  if (osc)
    print(
      `  OSC      udp://${options.host}:${osc.port}  (accepted from ${options.oscAllow.join(', ')})`,
    );
  const timing = host.program().timing;
  print(
    timing.url
      ? `  timing   ${timing.url}  (auto laps ${timing.autoLaps ? 'on' : 'off'}, minimum lap ${timing.minLapSeconds} s, start input ${timing.startSignal ?? 'none'})`
      : "  timing   off  (serve --timing p3://HOST:PORT, or the console's Timing panel)",
  );
  if (host.program().publicFeed)
    print(
      `  public   ${base}/public/  (no token; put a cache in front: resources/deploy/nginx.conf)`,
    );
  if (!existsSync(staticDir))
    print('  pages    not built yet: run `npm run build` to serve the console and board');
  if (options.host !== '127.0.0.1' && options.host !== 'localhost')
    print(
      `  warning  the control API listens on ${options.host}: anyone with the control token on that network can run the race`,
    );
  return { close: () => services.close() };
}

// Downloads the Electron binary for `npm start` (issue 19): electron's own install.js in a child
// process, so @electron/get reads its settings (ELECTRON_MIRROR, electron_config_cache,
// electron_use_remote_checksums, ELECTRON_GET_USE_PROXY, npm's electron_* config...) from the
// environment it is given, checks the zip against SHASUMS256.txt and unpacks it into dist/.
// One try, with a time limit and a progress line; a failure comes back as one sentence.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { installedBinary, type ElectronPackage } from './electron-binary.ts';

/** How long one try may take by default: a zip of about 100 MB at 1 MB/s, and some to spare. */
const defaultTimeLimitSeconds = 120;

/** The time limit in ms: MASSSTART_ELECTRON_DOWNLOAD_TIMEOUT seconds, else 120 s; throws on bad. */
export function downloadTimeLimitMs(env: NodeJS.ProcessEnv): number {
  const text = env.MASSSTART_ELECTRON_DOWNLOAD_TIMEOUT;
  if (text === undefined || text === '') return defaultTimeLimitSeconds * 1000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new Error(
      `MASSSTART_ELECTRON_DOWNLOAD_TIMEOUT must be a number of seconds above 0, not "${text}"`,
    );
  }
  return seconds * 1000;
}

/** What the download is told. */
export interface DownloadOptions {
  /** Passed to install.js whole: @electron/get reads its settings from it. */
  readonly env: NodeJS.ProcessEnv;
  readonly timeLimitMs: number;
  /** How often the progress line is printed (5 s by default). */
  readonly progressEveryMs?: number;
  readonly print: (line: string) => void;
}

/** The installed binary, or why there is none (one sentence, without "starting browser mode"). */
export type DownloadOutcome = { readonly binary: string } | { readonly failure: string };

/** What the watcher in install.js reported (electron-download-watch.mjs). */
interface Watched {
  /** The host asked last, for "waiting for ...". */
  host: string | null;
  /** The zip's size: the largest Content-Length answered (SHASUMS256.txt is the other file). */
  size: number | null;
  /** The last network error's cause, e.g. "connect ECONNREFUSED 127.0.0.1:9". */
  networkError: string | null;
}

const watchScript = pathToFileURL(join(import.meta.dirname, 'electron-download-watch.mjs')).href;
const marker = 'massstart-download ';
const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

/**
 * Downloads and unpacks the binary of `electron` with its install.js, within the time limit,
 * printing a line when it starts and then every few seconds (elapsed time, MB so far and of how
 * many). Honours ELECTRON_SKIP_BINARY_DOWNLOAD (any value but "" and "0": nothing is fetched).
 */
export async function downloadElectronBinary(
  electron: ElectronPackage,
  options: DownloadOptions,
): Promise<DownloadOutcome> {
  const skip = options.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  if (skip && skip !== '0') {
    const setting = `ELECTRON_SKIP_BINARY_DOWNLOAD=${skip}`;
    return {
      failure: `the Electron binary is not installed, and ${setting} says not to download it`,
    };
  }
  const seconds = (ms: number) => Math.round(ms / 1000);
  const limit = `${seconds(options.timeLimitMs)} s`;
  options.print(`downloading the Electron ${electron.version} binary (once; up to ${limit})`);
  // install.js downloads into the OS temp folder: give it one of its own, to count the bytes
  // as they arrive and to leave nothing behind when the time limit stops it.
  const scratch = mkdtempSync(join(tmpdir(), 'massstart-electron-'));
  const watched: Watched = { host: null, size: null, networkError: null };
  const started = Date.now();
  let received = 0;
  const amount = () => {
    received = Math.max(received, bytesUnder(scratch));
    if (received === 0) return watched.host ? `waiting for ${watched.host}` : 'starting';
    const size = watched.size ? ` of ${megabytes(watched.size)}` : '';
    return `${megabytes(received)}${size} MB`;
  };
  const progress = setInterval(
    () => options.print(`  ${seconds(Date.now() - started)} s: ${amount()}`),
    options.progressEveryMs ?? 5000,
  );
  try {
    const run = await runInstall(electron, scratch, options, watched);
    if (run.timedOut) {
      return {
        failure:
          `could not download the Electron binary: not done within ${limit} (${amount()}; ` +
          'MASSSTART_ELECTRON_DOWNLOAD_TIMEOUT=SECONDS to wait longer, ' +
          'ELECTRON_MIRROR to use a mirror)',
      };
    }
    const binary = installedBinary(electron);
    if (run.code === 0 && binary) {
      options.print(`  done in ${seconds(Date.now() - started)} s`);
      return { binary };
    }
    const dist = join(electron.dir, 'dist');
    const cause =
      run.code === 0
        ? `install.js finished but left no Electron ${electron.version} binary in ${dist}`
        : failureCause(run.output, watched.networkError, run.code);
    return {
      failure: `could not download the Electron binary: ${cause} (ELECTRON_MIRROR to use a mirror)`,
    };
  } finally {
    clearInterval(progress);
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs install.js with the watcher, stopping it at the time limit; resolves when it has exited. */
function runInstall(
  electron: ElectronPackage,
  scratch: string,
  options: DownloadOptions,
  watched: Watched,
): Promise<{ code: number | null; timedOut: boolean; output: string[] }> {
  const child = spawn(
    process.execPath,
    ['--import', watchScript, join(electron.dir, 'install.js')],
    {
      cwd: electron.dir,
      env: { ...options.env, TMPDIR: scratch, TMP: scratch, TEMP: scratch },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => output.push(line));
  createInterface({ input: child.stderr }).on('line', (line) => {
    try {
      if (line.startsWith(marker)) return noteEvent(line.slice(marker.length), watched);
    } catch {
      // Not a whole report after all: keep it as output.
    }
    output.push(line);
  });
  let timedOut = false;
  const limit = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeLimitMs);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(limit);
      resolve({ code, timedOut, output });
    });
  });
}

/**
 * Folds one report of the watcher (a JSON line) into what is known of the download. The zip is
 * known by its size, not its name: GitHub redirects it to a storage URL without the name.
 */
function noteEvent(json: string, watched: Watched): void {
  const event = JSON.parse(json) as Record<string, unknown>;
  if (typeof event.request === 'string') watched.host = new URL(event.request).host;
  if (event.status === 200 && typeof event.size === 'number' && event.size > (watched.size ?? 0)) {
    watched.size = event.size;
  }
  if (typeof event.message === 'string') watched.networkError = event.message;
}

/**
 * Why install.js failed, from what it printed: the message of the error it printed (its class
 * name dropped), with the network cause in place of fetch's bare "fetch failed".
 */
function failureCause(
  output: readonly string[],
  networkError: string | null,
  code: number | null,
): string {
  const error = output
    .map((line) => /^\w*Error(?: \[\w+\])?: (.+)$/.exec(line.trim())?.[1])
    .find((message) => message !== undefined);
  if (error === 'fetch failed' && networkError) return networkError;
  if (error) return error;
  if (networkError) return networkError;
  const last = output.filter((line) => line.trim() !== '').at(-1);
  return last?.trim() ?? `install.js exited with ${code ?? 'a signal'}`;
}

/** Bytes in the files under `folder` (the download in progress). */
function bytesUnder(folder: string): number {
  let total = 0;
  try {
    for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
    }
  } catch {
    // A file moved into the cache, or a folder removed, while we looked: the next look counts.
  }
  return total;
}

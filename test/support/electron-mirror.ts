// A loopback Electron mirror and a throwaway copy of the electron package, so `npm start`'s
// download runs for real (electron's install.js, @electron/get, the checksum, the unzip) without
// the internet and without touching the repository's node_modules/electron: a stub binary left
// there would be found by every later `npm start` and test.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { binaryPathInDist } from '../../src/main/cli/electron-binary.ts';

const root = resolve(import.meta.dirname, '../..');
const realElectron = join(root, 'node_modules/electron');

/** The version of the electron package in node_modules, which the stub must carry. */
export const electronVersion = (
  JSON.parse(readFileSync(join(realElectron, 'package.json'), 'utf8')) as { version: string }
).version;

/** The zip's name on the mirror, as @electron/get asks for it on this machine. */
export const zipName = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;

/** A new temp folder for one test. */
export const tempFolder = (name: string) => mkdtempSync(join(tmpdir(), `massstart-${name}-`));

/**
 * A stub Electron zip: `electron` is a shell script that writes its working directory and then
 * each argument, one a line, to `recordPath`; `version` is what install.js checks.
 */
export function stubElectronZip(recordPath: string): Uint8Array {
  const script = `#!/bin/sh\n{ pwd; for arg in "$@"; do echo "$arg"; done; } > '${recordPath}'\n`;
  const executable = { os: 3, attrs: (0o100755 << 16) >>> 0 };
  return zipSync({
    [binaryPathInDist()]: [strToU8(script), executable],
    version: strToU8(`v${electronVersion}`),
  });
}

/** The SHASUMS256.txt line for `zip` (or for other bytes, to make a wrong checksum). */
export const shasums = (zip: Uint8Array) =>
  `${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`;

/** A mirror on 127.0.0.1: its URL for ELECTRON_MIRROR and the paths it was asked for. */
export interface Mirror {
  readonly url: string;
  readonly requests: string[];
  close(): Promise<void>;
}

/** Answers a request for one of the mirror's paths; false to leave it unanswered (a hung mirror). */
export type MirrorAnswer = (path: string, response: ServerResponse) => boolean;

/** Serves `files` (path under the mirror, e.g. `v45.4.1/SHASUMS256.txt`) as they are. */
export const serveFiles =
  (files: Record<string, Uint8Array | string>): MirrorAnswer =>
  (path, response) => {
    const body = files[path.slice(1)];
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-length': Buffer.byteLength(body) }).end(body);
    return true;
  };

/** Starts a mirror that answers with `answer`. */
export async function startMirror(answer: MirrorAnswer): Promise<Mirror> {
  const requests: string[] = [];
  const held: ServerResponse[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://mirror').pathname;
    requests.push(path);
    if (!answer(path, response)) held.push(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        for (const response of held) response.destroy();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** A mirror URL where nothing listens (its port was just closed): connect ECONNREFUSED. */
export async function goneMirrorUrl(): Promise<string> {
  const mirror = await startMirror(() => true);
  await mirror.close();
  return mirror.url;
}

/**
 * A copy of the electron package (its own files, no dist/) under `folder`/node_modules, with
 * links to the repository's @electron/get and extract-zip so its install.js runs as installed.
 */
export function electronCopy(folder: string): string {
  const modules = join(folder, 'node_modules');
  const dir = join(modules, 'electron');
  mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'install.js', 'index.js', 'checksums.json', 'cli.js']) {
    copyFileSync(join(realElectron, file), join(dir, file));
  }
  for (const scope of ['@electron', '@electron-internal']) {
    symlinkSync(join(root, 'node_modules', scope), join(modules, scope), 'dir');
  }
  return dir;
}

/**
 * The environment for a download from `mirrorUrl` with remote checksums and a cache of its own:
 * this process's, less every Electron download setting it may carry (CI sets
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1).
 */
export function mirrorEnv(mirrorUrl: string, cacheDir: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(npm_config_)?electron_/i.test(name)),
  );
  return {
    ...env,
    ELECTRON_MIRROR: mirrorUrl,
    electron_use_remote_checksums: '1',
    electron_config_cache: cacheDir,
  };
}

// `npm start`'s Electron download (issue 19) against a loopback mirror: electron's real
// install.js and @electron/get in a child process, into a temp copy of the electron package.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  binaryPathInDist,
  findElectronPackage,
  installedBinary,
  type ElectronPackage,
} from '../../../src/main/cli/electron-binary.ts';
import {
  downloadElectronBinary,
  downloadTimeLimitMs,
} from '../../../src/main/cli/electron-download.ts';
import { appBinary } from '../../../src/main/cli/start.ts';
import {
  electronCopy,
  electronVersion,
  goneMirrorUrl,
  mirrorEnv,
  serveFiles,
  shasums,
  startMirror,
  stubElectronZip,
  tempFolder,
  zipName,
  type Mirror,
} from '../../support/electron-mirror.ts';

const root = resolve(import.meta.dirname, '../../..');
const zipPath = `v${electronVersion}/${zipName}`;
const sumsPath = `v${electronVersion}/SHASUMS256.txt`;

let mirror: Mirror | null = null;
const folders: string[] = [];
afterEach(async () => {
  await mirror?.close();
  mirror = null;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A temp folder with a copy of the electron package, its cache and the stub's record file. */
function setUp(name: string) {
  const folder = tempFolder(name);
  folders.push(folder);
  const electron: ElectronPackage = { dir: electronCopy(folder), version: electronVersion };
  return { folder, electron, cache: join(folder, 'cache'), record: join(folder, 'record.txt') };
}

/** Downloads with the given environment, collecting what it prints. */
async function download(electron: ElectronPackage, env: NodeJS.ProcessEnv, timeLimitMs = 15_000) {
  const printed: string[] = [];
  const outcome = await downloadElectronBinary(electron, {
    env,
    timeLimitMs,
    progressEveryMs: 200,
    print: (line) => printed.push(line),
  });
  return { outcome, printed };
}

describe.skipIf(process.platform === 'win32')('the Electron download of npm start', () => {
  it('installs the binary from ELECTRON_MIRROR, checked against its SHASUMS256.txt', async () => {
    const { electron, cache, record } = setUp('download');
    const zip = stubElectronZip(record);
    mirror = await startMirror(serveFiles({ [zipPath]: zip, [sumsPath]: shasums(zip) }));
    const repositoryHadDist = existsSync(join(root, 'node_modules/electron/dist'));

    const { outcome, printed } = await download(electron, mirrorEnv(mirror.url, cache));

    const binary = join(electron.dir, 'dist', binaryPathInDist());
    expect(outcome).toEqual({ binary });
    expect(installedBinary(electron)).toBe(binary);
    expect(mirror.requests).toEqual([`/${zipPath}`, `/${sumsPath}`]);
    expect(printed[0]).toBe(
      `downloading the Electron ${electronVersion} binary (once; up to 15 s)`,
    );
    expect(printed.at(-1)).toMatch(/^ {2}done in \d+ s$/);
    // What was unpacked is what the mirror served: it runs.
    execFileSync(binary, ['.', '--demo'], { cwd: root });
    expect(readFileSync(record, 'utf8')).toBe(`${realpathSync(root)}\n.\n--demo\n`);
    expect(existsSync(join(root, 'node_modules/electron/dist'))).toBe(repositoryHadDist);
  });

  it('refuses a zip whose checksum does not match and installs nothing', async () => {
    const { electron, cache, record } = setUp('checksum');
    const zip = stubElectronZip(record);
    const wrongSums = shasums(stubElectronZip(`${record}.other`));
    mirror = await startMirror(serveFiles({ [zipPath]: zip, [sumsPath]: wrongSums }));

    const { outcome } = await download(electron, mirrorEnv(mirror.url, cache));

    expect(outcome).toEqual({
      failure: `could not download the Electron binary: Generated checksum for "${zipName}" did not match expected checksum. (ELECTRON_MIRROR to use a mirror)`,
    });
    expect(installedBinary(electron)).toBeNull();
    expect(existsSync(join(electron.dir, 'path.txt'))).toBe(false);
  });

  it('names the network error when the mirror cannot be reached', async () => {
    const { electron, cache } = setUp('refused');
    const url = await goneMirrorUrl();

    const { outcome } = await download(electron, mirrorEnv(url, cache));

    expect(outcome).toEqual({
      failure: `could not download the Electron binary: connect ECONNREFUSED ${new URL(url).host} (ELECTRON_MIRROR to use a mirror)`,
    });
    expect(installedBinary(electron)).toBeNull();
  });

  it('stops at the time limit when the mirror never answers', async () => {
    const { electron, cache } = setUp('hung');
    mirror = await startMirror(() => false);
    const host = new URL(mirror.url).host;

    const started = Date.now();
    const { outcome, printed } = await download(electron, mirrorEnv(mirror.url, cache), 3000);

    expect(Date.now() - started).toBeLessThan(6000);
    expect(outcome).toEqual({
      failure: `could not download the Electron binary: not done within 3 s (waiting for ${host}; MASSSTART_ELECTRON_DOWNLOAD_TIMEOUT=SECONDS to wait longer, ELECTRON_MIRROR to use a mirror)`,
    });
    expect(printed.at(-1)).toMatch(new RegExp(`^ {2}[123] s: waiting for ${host}$`));
    expect(mirror.requests).toEqual([`/${zipPath}`]);
    expect(installedBinary(electron)).toBeNull();
  });

  it('prints the megabytes received and expected while the zip comes in', async () => {
    const { electron, cache } = setUp('slow');
    // Announces 2 MB, sends half a megabyte, then nothing more.
    mirror = await startMirror((_path, response) => {
      response.writeHead(200, { 'content-length': 2_000_000 });
      response.write(new Uint8Array(500_000));
      return false;
    });

    const { outcome, printed } = await download(electron, mirrorEnv(mirror.url, cache), 3000);

    expect(printed.at(-1)).toMatch(/^ {2}[123] s: 0\.5 of 2\.0 MB$/);
    expect('failure' in outcome && outcome.failure).toMatch(
      /not done within 3 s \(0\.5 of 2\.0 MB;/,
    );
  });

  it('downloads nothing when ELECTRON_SKIP_BINARY_DOWNLOAD is set', async () => {
    const { electron, cache, record } = setUp('skip');
    const zip = stubElectronZip(record);
    mirror = await startMirror(serveFiles({ [zipPath]: zip, [sumsPath]: shasums(zip) }));
    const env = { ...mirrorEnv(mirror.url, cache), ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };

    const { outcome, printed } = await download(electron, env);

    expect(outcome).toEqual({
      failure:
        'the Electron binary is not installed, and ELECTRON_SKIP_BINARY_DOWNLOAD=1 says not to download it',
    });
    expect(printed).toEqual([]);
    expect(mirror.requests).toEqual([]);
    expect(installedBinary(electron)).toBeNull();
  });

  it('downloads nothing where there is no display to open the app on', async () => {
    const { electron, cache, record } = setUp('headless');
    const zip = stubElectronZip(record);
    mirror = await startMirror(serveFiles({ [zipPath]: zip, [sumsPath]: shasums(zip) }));
    const env = { ...mirrorEnv(mirror.url, cache), DISPLAY: '', WAYLAND_DISPLAY: '' };

    const outcome = await appBinary(electron, env, 15_000, () => {});

    const headless = !['darwin', 'win32'].includes(process.platform);
    expect('failure' in outcome).toBe(headless);
    expect(mirror.requests.length === 0).toBe(headless);
  });
});

describe('the electron package and its binary', () => {
  it('counts a binary of another version as missing', () => {
    const { electron } = setUp('version');
    const dist = join(electron.dir, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, binaryPathInDist()), '');
    writeFileSync(join(electron.dir, 'path.txt'), binaryPathInDist());
    writeFileSync(join(dist, 'version'), `v${electronVersion}`);
    expect(installedBinary(electron)).toBe(join(dist, binaryPathInDist()));
    writeFileSync(join(dist, 'version'), 'v44.0.0');
    expect(installedBinary(electron)).toBeNull();
  });

  it('finds the package MASSSTART_ELECTRON_DIR names, and refuses a folder without one', () => {
    const { folder, electron } = setUp('dir');
    expect(findElectronPackage(root, { MASSSTART_ELECTRON_DIR: electron.dir })).toEqual(electron);
    expect(findElectronPackage(root, {})).toEqual({
      dir: join(root, 'node_modules/electron'),
      version: electronVersion,
    });
    expect(() => findElectronPackage(root, { MASSSTART_ELECTRON_DIR: folder })).toThrow(
      `MASSSTART_ELECTRON_DIR=${folder} is not an electron package folder`,
    );
  });

  it.each([
    [undefined, 120_000],
    ['', 120_000],
    ['300', 300_000],
    ['2.5', 2500],
  ])('reads the time limit MASSSTART_ELECTRON_DOWNLOAD_TIMEOUT=%j as %d ms', (text, ms) => {
    expect(downloadTimeLimitMs({ MASSSTART_ELECTRON_DOWNLOAD_TIMEOUT: text })).toBe(ms);
  });

  it.each(['0', '-5', 'soon', 'Infinity'])('refuses the time limit %j', (text) => {
    expect(() => downloadTimeLimitMs({ MASSSTART_ELECTRON_DOWNLOAD_TIMEOUT: text })).toThrow(
      `MASSSTART_ELECTRON_DOWNLOAD_TIMEOUT must be a number of seconds above 0, not "${text}"`,
    );
  });
});

// Where the electron package is and whether its binary is installed. Electron 45 downloads the
// binary on first use, not at `npm ci` (issue 19), so `npm start` asks before it runs the app.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** The electron package `npm start` runs the app with. */
export interface ElectronPackage {
  /** Its folder: install.js, package.json, and dist/ once the binary is installed. */
  readonly dir: string;
  /** Its version, which the installed binary must match (e.g. 45.4.1). */
  readonly version: string;
}

/**
 * The electron package: the folder MASSSTART_ELECTRON_DIR names (for the tests, which install
 * into a copy, and for a portable install), else the one Node resolves from `root`; null when
 * it is not installed (`npm ci --omit=dev`). Throws when MASSSTART_ELECTRON_DIR names a folder
 * without one.
 */
export function findElectronPackage(root: string, env: NodeJS.ProcessEnv): ElectronPackage | null {
  const chosen = env.MASSSTART_ELECTRON_DIR;
  let dir: string;
  if (chosen) {
    dir = resolve(chosen);
  } else {
    try {
      dir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
    } catch {
      return null;
    }
  }
  const manifest = readManifest(join(dir, 'package.json'));
  if (manifest?.name !== 'electron' || !manifest.version) {
    throw new Error(`MASSSTART_ELECTRON_DIR=${chosen} is not an electron package folder`);
  }
  return { dir, version: manifest.version };
}

/** The name and version in a package.json, or null when it cannot be read. */
function readManifest(path: string): { name?: string; version?: string } | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
  } catch {
    return null;
  }
}

/** The binary's path under dist/ on this platform, as install.js writes it to path.txt. */
export function binaryPathInDist(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return platform === 'win32' ? 'electron.exe' : 'electron';
}

/**
 * The installed binary of `electron`, or null when there is none or it is of another version.
 * The same test as electron's install.js (dist/version, path.txt, the file), so `npm start`
 * downloads exactly when install.js would.
 */
export function installedBinary(electron: ElectronPackage): string | null {
  const read = (name: string) => {
    try {
      return readFileSync(join(electron.dir, name), 'utf8');
    } catch {
      return null;
    }
  };
  const relative = binaryPathInDist();
  if (read('dist/version')?.trim().replace(/^v/, '') !== electron.version) return null;
  if (read('path.txt') !== relative) return null;
  const binary = join(electron.dir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

// Packaging check (issue 6): Electron cannot be downloaded here, so electron-builder packs the
// app onto a stand-in Electron distribution (`electronDist`: a folder with an `electron`
// executable that carries the fuse wire, and resources/). Then the app.asar is checked: the
// built out/ files and the main process's runtime dependencies are in it; sources, tests and
// dev dependencies are not; and the security fuses were flipped in the executable.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  listPackage(path: string, options?: object): string[];
  extractFile(path: string, file: string): Buffer;
};

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  build: { executableName: string };
};

/** The fuse sentinel of Electron binaries (@electron/fuses). */
const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults for the eight V1 fuses: RunAsNode on, cookie encryption off, ... */
const defaultWire = '10110001';

/**
 * Builds out/ (electron-vite) only when a part is missing. Freshness is the vitest global setup's
 * job (test/support/build-renderer.ts), which runs before any test: rebuilding here, while the
 * browser tests serve out/renderer, would pull the pages from under them.
 */
function ensureBuilt(): void {
  const outputs = [
    'out/main/index.js',
    'out/preload/index.cjs',
    'out/renderer/board/index.html',
    'out/renderer/console/index.html',
  ];
  if (outputs.every((path) => existsSync(join(root, path)))) return;
  execFileSync(join(root, 'node_modules/.bin/electron-vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

/** A stand-in for the unpacked Electron distribution of linux-x64. */
function standInElectron(folder: string): void {
  mkdirSync(join(folder, 'resources'), { recursive: true });
  const script = Buffer.concat([
    Buffer.from(
      '#!/bin/sh\necho "stand-in Electron (packaging test): not runnable" >&2\nexit 1\n# fuse wire: ',
    ),
    Buffer.from(sentinel),
    Buffer.from([1, defaultWire.length]),
    Buffer.from(defaultWire),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(folder, 'electron'), script);
  chmodSync(join(folder, 'electron'), 0o755);
  writeFileSync(join(folder, 'LICENSE'), 'stand-in for the Electron license\n');
}

/** The packages the built main process imports (its externals), without Node built-ins and electron. */
function mainImports(): string[] {
  const main = readFileSync(join(root, 'out/main/index.js'), 'utf8');
  const specifiers = [
    ...main.matchAll(
      /(?:^|\n)import\s[^;]*?from\s*["']([^"']+)["']|import\(["']([^"']+)["']\)|require\(["']([^"']+)["']\)/g,
    ),
  ].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
  const names = specifiers
    .filter(
      (specifier) =>
        !specifier.startsWith('.') &&
        !specifier.startsWith('node:') &&
        !builtinModules.includes(specifier.split('/')[0]!),
    )
    .map((specifier) =>
      specifier.startsWith('@')
        ? specifier.split('/').slice(0, 2).join('/')
        : specifier.split('/')[0]!,
    )
    .filter((name) => name !== 'electron');
  return [...new Set(names)].sort();
}

/** Packages (name@version) and everything they depend on at run time, as installed. */
function closure(names: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string, from: string) => {
    let manifest: string;
    try {
      manifest = createRequire(join(from, 'noop.js')).resolve(`${name}/package.json`);
    } catch {
      return; // optional or platform-specific dependency that is not installed
    }
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as {
      name: string;
      version: string;
      dependencies?: Record<string, string>;
    };
    const key = `${json.name}@${json.version}`;
    if (seen.has(key)) return;
    seen.add(key);
    for (const dependency of Object.keys(json.dependencies ?? {}))
      visit(dependency, dirname(manifest));
  };
  for (const name of names) visit(name, root);
  return seen;
}

/** The packages (name@version) in the asar, hoisted or nested. */
function packagesIn(files: readonly string[]): Set<string> {
  const packages = new Set<string>();
  for (const file of files) {
    if (!/^\/(?:node_modules\/(?:@[^/]+\/)?[^/]+\/)+package\.json$/.test(file)) continue;
    const json = JSON.parse(asar.extractFile(asarPath, file.slice(1)).toString()) as {
      name?: string;
      version?: string;
    };
    if (json.name && json.version) packages.add(`${json.name}@${json.version}`);
  }
  return packages;
}

/** Whether a package of that name is in the asar, in any version. */
const hasPackage = (packages: ReadonlySet<string>, name: string) =>
  [...packages].some((entry) => entry.slice(0, entry.lastIndexOf('@')) === name);

const linux = process.platform === 'linux' && process.arch === 'x64';
let work: string;
let appOut: string;
let files: string[];
let asarPath: string;

beforeAll(() => {
  if (!linux) return;
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'packaging-'));
  standInElectron(join(work, 'electron-dist'));
  execFileSync(
    join(root, 'node_modules/.bin/electron-builder'),
    [
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${join(work, 'electron-dist')}`,
      `-c.directories.output=${join(work, 'dist')}`,
    ],
    {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, ELECTRON_BUILDER_OFFLINE: '1', CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
      timeout: 240_000,
    },
  );
  appOut = join(work, 'dist', 'linux-unpacked');
  asarPath = join(appOut, 'resources', 'app.asar');
  files = asar.listPackage(asarPath, { isPack: false });
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.runIf(linux)('packaged app (electron-builder onto a stand-in Electron)', () => {
  it('has the executable under the product name, with the security fuses flipped', () => {
    const executable = readFileSync(join(appOut, pkg.build.executableName));
    const at = executable.indexOf(sentinel) + sentinel.length;
    const wire = executable.subarray(at + 2, at + 2 + executable[at + 1]!).toString();
    // RunAsNode off, cookie encryption on, NODE_OPTIONS off, --inspect off, asar integrity on,
    // only load the app from the asar, V8 snapshot unchanged, no extra file:// privileges.
    expect(wire).toBe('01001100');
  });

  it('contains the built main, preload and renderer files, and package.json', () => {
    for (const file of [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/console/index.html',
      '/out/renderer/board/index.html',
      '/resources/demo/mc2026-men.json',
      '/resources/icon.png',
    ]) {
      expect(files, file).toContain(file);
    }
    const built = (folder: string): string[] =>
      readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && !entry.name.endsWith('.map'))
        .map(
          (entry) => `/${relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')}`,
        );
    const missing = built('out').filter((file) => !files.includes(file));
    expect(missing).toEqual([]);
    expect(
      asar
        .extractFile(asarPath, 'out/main/index.js')
        .equals(readFileSync(join(root, 'out/main/index.js'))),
    ).toBe(true);
    const packaged = JSON.parse(asar.extractFile(asarPath, 'package.json').toString()) as {
      main: string;
    };
    expect(packaged.main).toBe('./out/main/index.js');
  });

  it('contains every package the main process imports, with their dependencies', () => {
    const imports = mainImports();
    expect(imports).toEqual(
      expect.arrayContaining([
        '@fastify/static',
        '@fastify/websocket',
        'fastify',
        'osc-min',
        'zod',
      ]),
    );
    for (const name of imports)
      expect(Object.keys(pkg.dependencies), `${name} is imported by main`).toContain(name);
    const inAsar = packagesIn(files);
    const needed = [...closure(imports)].filter((entry) => !entry.startsWith('@types/'));
    expect(needed.length).toBeGreaterThan(20);
    expect(needed.filter((entry) => !inAsar.has(entry))).toEqual([]);
  });

  it('contains no sources, tests, configs or dev dependencies', () => {
    const own = files.filter((file) => !file.startsWith('/node_modules/'));
    expect(own.filter((file) => /^\/(src|test|bench|\.ci|\.git)(\/|$)/.test(file))).toEqual([]);
    expect(own.filter((file) => /\.(ts|tsx|mts|cts)$/.test(file))).toEqual([]);
    expect(
      own.filter((file) =>
        /\/(tsconfig[^/]*\.json|vitest\.config\.ts|electron\.vite\.config\.ts|eslint\.config\.js|package-lock\.json|README\.md)$/.test(
          file,
        ),
      ),
    ).toEqual([]);
    expect(own.filter((file) => file.endsWith('.map'))).toEqual([]);
    const inAsar = packagesIn(files);
    const prod = closure(Object.keys(pkg.dependencies));
    const devOnly = Object.keys(pkg.devDependencies).filter((name) => !hasPackage(prod, name));
    expect(devOnly).toEqual(
      expect.arrayContaining([
        'electron',
        'electron-vite',
        'electron-builder',
        'typescript',
        'vitest',
        'vite',
        'tsx',
        'eslint',
      ]),
    );
    expect(devOnly.filter((name) => hasPackage(inAsar, name))).toEqual([]);
    // Nor what only the dev tools pull in (checked on a few large ones).
    for (const name of ['esbuild', 'rolldown', '@babel/core', 'app-builder-lib', '@electron/asar'])
      expect(hasPackage(inAsar, name), name).toBe(false);
  });
});

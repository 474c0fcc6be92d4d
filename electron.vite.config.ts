import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const require = createRequire(import.meta.url);

/**
 * `virtual:nation-flags`: IOC code (NED) -> a lazy import of that nation's SVG flag. Built at
 * build time from world-countries (`cioc` -> `cca2`) and country-flag-icons, so the board ships
 * only a small table and fetches the flags it draws, from its own origin (no network at run time).
 */
function nationFlags(): Plugin {
  const id = 'virtual:nation-flags';
  return {
    name: 'nation-flags',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loaded) {
      if (loaded !== `\0${id}`) return null;
      const countries = require('world-countries') as { cioc: string; cca2: string }[];
      const flagsDir = join(dirname(require.resolve('country-flag-icons/package.json')), '3x2');
      const lines = countries
        .filter(
          ({ cioc, cca2 }) => /^[A-Z]{3}$/.test(cioc) && existsSync(join(flagsDir, `${cca2}.svg`)),
        )
        .sort((a, b) => a.cioc.localeCompare(b.cioc))
        .map(
          ({ cioc, cca2 }) =>
            `  ${cioc}: () => import('country-flag-icons/string/3x2/${cca2}').then((m) => m.default),`,
        );
      return `export const flagLoaders = {\n${lines.join('\n')}\n};\n`;
    },
  };
}

/** Build for the thin Electron shell (main, preload) and the two renderer pages. */
export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: resolve('src/main/index.ts') } } },
  },
  preload: {
    // Sandboxed preloads cannot be ES modules: CommonJS, as index.cjs (the package is "type": "module").
    build: {
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), nationFlags()],
    resolve: { alias: { stream: resolve('src/renderer/shared/no-node-stream.ts') } },
    build: {
      rollupOptions: {
        input: {
          console: resolve('src/renderer/console/index.html'),
          board: resolve('src/renderer/board/index.html'),
          commentator: resolve('src/renderer/commentator/index.html'),
        },
      },
    },
  },
});

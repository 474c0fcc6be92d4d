import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The DejaVu Sans Condensed TTFs the results sheet embeds (every name prints with its
 * diacritics: Jílek, Bøkko, Łukasz, Čech). They come from the `dejavu-fonts-ttf` dependency and
 * are resolved through Node's module resolution from this module's own URL: from the sources
 * (src/main/results-out), the CLI (tsx) and the built Electron main (out/main/index.js, where
 * electron-vite leaves dependencies external) that walks up to the package root's
 * node_modules/dejavu-fonts-ttf/ttf/ (inside app.asar in a packaged app, which Electron's fs reads).
 */
const require = createRequire(import.meta.url);

export const fontFiles = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf',
} as const;

export type FontFace = keyof typeof fontFiles;

let loaded: Record<FontFace, Buffer> | null = null;

/** The absolute path of a face's TTF. */
export function fontPath(face: FontFace): string {
  return require.resolve(fontFiles[face]);
}

/** The TTF bytes of both faces, read once per process. */
export function sheetFonts(): Record<FontFace, Buffer> {
  loaded ??= { regular: readFileSync(fontPath('regular')), bold: readFileSync(fontPath('bold')) };
  return loaded;
}

import { BitmapFont, CanvasTextMetrics, DynamicBitmapFont } from 'pixi.js';
import '@fontsource/barlow-condensed/600.css';
import '@fontsource/barlow-condensed/700.css';
import '@fontsource/barlow-condensed/800.css';

/** The shipped web font (Barlow Condensed, OFL, from @fontsource): condensed, so long names fit. */
export const webFontFamily = 'Barlow Condensed';

/**
 * Bitmap fonts installed at start; every text on the board is a BitmapText in one of these, but
 * names the bitmap fonts cannot draw (widgets/name-text.ts).
 */
export const fonts = {
  /** Skater names (600). */
  name: 'board-name',
  /** Numbers, labels, headers (700). */
  bold: 'board-bold',
  /** The laps-to-go figure (800, drawn large). */
  figure: 'board-figure',
} as const;
export type FontRole = keyof typeof fonts;

/** The web font's weight each role is drawn in. */
export const fontWeights: Readonly<Record<FontRole, '600' | '700' | '800'>> = {
  name: '600',
  bold: '700',
  figure: '800',
};

/**
 * The CSS font of a role at a size: what its bitmap glyphs were drawn from, and what a canvas
 * text of the role asks for (the browser takes a glyph Barlow lacks from a font that has it).
 */
export function cssFont(role: FontRole, fontSize: number): string {
  return `${fontWeights[role]} ${fontSize}px "${webFontFamily}", sans-serif`;
}

/** Resolution the bitmap fonts were last installed at; canvas texts draw at the same. */
let installedResolution = 1;

/** The glyph resolution of the installed fonts (device pixels per virtual pixel, rounded up). */
export function glyphResolutionInstalled(): number {
  return installedResolution;
}

/**
 * Glyphs drawn up front; other letters of the web font (rarer Latin letters in names) are added on
 * first use. Other scripts and emoji never reach a bitmap font (glyph-coverage.ts).
 */
const latin =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~·–—’';
const accents =
  'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿĄąĆćČčĎďĘęĚěŁłŃńŇňŐőŘřŚśŠšŤťŮůŰűŹźŻżŽžİıŞşĞğ';

/**
 * Waits for the web font files (all three subsets: latin, latin-ext, vietnamese) so glyphs are
 * drawn in the real font, by bitmap fonts and canvas texts alike.
 */
export async function loadWebFont(): Promise<boolean> {
  const sample = 'AéŁž0ễ';
  const weights = Object.values(fontWeights);
  await Promise.all(
    weights.map((weight) => document.fonts.load(`${weight} 64px "${webFontFamily}"`, sample)),
  );
  return weights.every((weight) =>
    document.fonts.check(`${weight} 64px "${webFontFamily}"`, sample),
  );
}

/** Glyph resolution for an output drawn at `scale` device pixels per virtual pixel. */
export function glyphResolution(scale: number): number {
  return Math.min(3, Math.max(1, Math.ceil(scale * 2) / 2));
}

/**
 * Installs the bitmap fonts (white glyphs, coloured by tint) at `resolution`. Called at start and
 * again only if the output grows past the resolution they were drawn for.
 */
export function installBitmapFonts(resolution: number): void {
  installedResolution = resolution;
  const install = (role: FontRole, fontSize: number, chars: string, textureSize: number) => {
    const name = fonts[role];
    BitmapFont.uninstall(name);
    DynamicBitmapFont.defaultOptions.textureSize = textureSize;
    BitmapFont.install({
      name,
      style: { fontFamily: webFontFamily, fontWeight: fontWeights[role], fontSize, fill: 0xffffff },
      chars,
      resolution,
      padding: 4,
      textureStyle: { scaleMode: 'linear' },
    });
  };
  install('name', 64, latin + accents, 1024);
  install('bold', 64, latin + accents, 1024);
  install('figure', 360, '0123456789', 1024);
  DynamicBitmapFont.defaultOptions.textureSize = 512;
}

/** Where the digits' ink sits in a line of the figure font, per pixel of font size. */
export interface InkMetrics {
  /** Line top to baseline (how Pixi places bitmap glyphs). */
  readonly ascent: number;
  /** Baseline to the top of the digits. */
  readonly capHeight: number;
}

/** Measures the figure font once, so the laps-to-go digits can be centred on their ink. */
export function figureInk(): InkMetrics {
  const font = `800 100px "${webFontFamily}"`;
  const { ascent } = CanvasTextMetrics.measureFont(font);
  const context = document.createElement('canvas').getContext('2d')!;
  context.font = font;
  const capHeight = context.measureText('0123456789').actualBoundingBoxAscent;
  return { ascent: ascent / 100, capHeight: capHeight / 100 };
}

import { BitmapFont, CanvasTextMetrics, DynamicBitmapFont } from 'pixi.js';
import '@fontsource/barlow-condensed/600.css';
import '@fontsource/barlow-condensed/700.css';
import '@fontsource/barlow-condensed/800.css';

/** The shipped web font (Barlow Condensed, OFL, from @fontsource): condensed, so long names fit. */
export const webFontFamily = 'Barlow Condensed';

/** Bitmap fonts installed at start; every text on the board is a BitmapText in one of these. */
export const fonts = {
  /** Skater names (600). */
  name: 'board-name',
  /** Numbers, labels, headers (700). */
  bold: 'board-bold',
  /** The laps-to-go figure (800, drawn large). */
  figure: 'board-figure',
} as const;
export type FontRole = keyof typeof fonts;

/** Glyphs drawn up front; anything else (rarer letters in names) is added on first use. */
const latin =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~·–—’';
const accents =
  'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿĄąĆćČčĎďĘęĚěŁłŃńŇňŐőŘřŚśŠšŤťŮůŰűŹźŻżŽžİıŞşĞğ';

/** Waits for the web font files (latin and latin-ext subsets) so glyphs are drawn in the real font. */
export async function loadWebFont(): Promise<boolean> {
  const sample = 'AéŁž0';
  await Promise.all(
    ['600', '700', '800'].map((weight) =>
      document.fonts.load(`${weight} 64px "${webFontFamily}"`, sample),
    ),
  );
  return ['600', '700', '800'].every((weight) =>
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
  const install = (
    name: string,
    weight: '600' | '700' | '800',
    fontSize: number,
    chars: string,
    textureSize: number,
  ) => {
    BitmapFont.uninstall(name);
    DynamicBitmapFont.defaultOptions.textureSize = textureSize;
    BitmapFont.install({
      name,
      style: { fontFamily: webFontFamily, fontWeight: weight, fontSize, fill: 0xffffff },
      chars,
      resolution,
      padding: 4,
      textureStyle: { scaleMode: 'linear' },
    });
  };
  install(fonts.name, '600', 64, latin + accents, 1024);
  install(fonts.bold, '700', 64, latin + accents, 1024);
  install(fonts.figure, '800', 360, '0123456789', 1024);
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

// Draws the app icon (a 1024 px PNG: a speed-skating track around a standings board) and
// converts it to Windows .ico and macOS .icns, all offline (pngjs, png2icons).
// Usage: npx tsx test/packaging/make-icons.ts   (writes resources/icon.png, icon.ico, icon.icns)
import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import png2icons from 'png2icons';

type Colour = readonly [number, number, number];
type Shape = (x: number, y: number) => boolean;

const navy: Colour = [11, 31, 58];
const ice: Colour = [191, 230, 255];
const lane: Colour = [255, 255, 255];
const gold: Colour = [255, 210, 0];

/** A rounded rectangle. */
const roundedRect =
  (left: number, top: number, right: number, bottom: number, radius: number): Shape =>
  (x, y) => {
    if (x < left || x > right || y < top || y > bottom) return false;
    const cx = Math.min(Math.max(x, left + radius), right - radius);
    const cy = Math.min(Math.max(y, top + radius), bottom - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };

/** A stadium (the shape of a 400 m track): two half circles joined by straights. */
const stadium =
  (cx: number, cy: number, straight: number, radius: number): Shape =>
  (x, y) => {
    const nearest = Math.min(Math.max(x, cx - straight), cx + straight);
    return (x - nearest) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };

const ring =
  (outer: Shape, inner: Shape): Shape =>
  (x, y) =>
    outer(x, y) && !inner(x, y);

/** The layers, bottom first, in a 1024 × 1024 space. */
const layers: readonly [Shape, Colour][] = [
  [roundedRect(40, 40, 984, 984, 200), navy],
  [ring(stadium(512, 512, 150, 280), stadium(512, 512, 150, 216)), ice],
  [ring(stadium(512, 512, 150, 250), stadium(512, 512, 150, 242)), lane],
  [roundedRect(322, 396, 702, 452, 28), gold],
  [roundedRect(322, 484, 622, 540, 28), gold],
  [roundedRect(322, 572, 542, 628, 28), gold],
];

/** Renders the icon with 4 × 4 supersampling, so edges are smooth at every size. */
export function drawIcon(size = 1024): Buffer {
  const png = new PNG({ width: size, height: size });
  const scale = 1024 / size;
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * scale;
          const y = (py + (sy + 0.5) / samples) * scale;
          let colour: Colour | null = null;
          for (const [shape, fill] of layers) if (shape(x, y)) colour = fill;
          if (colour) [r, g, b, a] = [r + colour[0], g + colour[1], b + colour[2], a + 1];
        }
      }
      const offset = (py * size + px) * 4;
      png.data[offset] = a ? Math.round(r / a) : 0;
      png.data[offset + 1] = a ? Math.round(g / a) : 0;
      png.data[offset + 2] = a ? Math.round(b / a) : 0;
      png.data[offset + 3] = Math.round((255 * a) / samples ** 2);
    }
  }
  return PNG.sync.write(png);
}

/** The icon files electron-builder takes from resources/ (its buildResources). */
export function iconFiles(png: Buffer): { png: Buffer; ico: Buffer; icns: Buffer } {
  const ico = png2icons.createICO(png, png2icons.BICUBIC2, 0, true, true);
  const icns = png2icons.createICNS(png, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error('png2icons could not convert the icon');
  return { png, ico, icns };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = iconFiles(drawIcon());
  for (const [extension, data] of Object.entries(files)) {
    const path = fileURLToPath(new URL(`../../resources/icon.${extension}`, import.meta.url));
    await writeFile(path, data);
    console.log(`${path} (${data.length} bytes)`);
  }
}

import { CanvasSource, Texture } from 'pixi.js';
import { flagLoaders } from 'virtual:nation-flags';

/** Flags are rasterized once per nation at this size (3:2), enough for a 4K row. */
const rasterWidth = 150;
const rasterHeight = 100;

/**
 * Nation flags by IOC code, drawn from the SVGs shipped with the app (country-flag-icons, mapped
 * from IOC codes with world-countries). Each flag is rasterized once and shared by every row.
 */
export class FlagTextures {
  private readonly textures = new Map<string, Texture>();
  private readonly loading = new Map<string, Promise<Texture | null>>();

  /** `onLoaded` runs when a flag arrives, so the board draws a frame with it. */
  constructor(private readonly onLoaded: () => void) {}

  /** Whether a flag exists for this IOC code. */
  static has(nation: string): boolean {
    return nation in flagLoaders;
  }

  /** The flag if it is already loaded (null: none yet, or no flag for that code). */
  get(nation: string): Texture | null {
    return this.textures.get(nation) ?? null;
  }

  /** Loads a flag (once); resolves null for codes without a flag (AIN, unknown). */
  load(nation: string): Promise<Texture | null> {
    const known = this.loading.get(nation);
    if (known) return known;
    const loader = flagLoaders[nation];
    const promise = loader
      ? loader()
          .then(rasterize)
          .then((texture) => {
            this.textures.set(nation, texture);
            this.onLoaded();
            return texture;
          })
          .catch(() => null)
      : Promise.resolve(null);
    this.loading.set(nation, promise);
    return promise;
  }

  /** Resolves when every flag asked for so far has arrived (tests, screenshots). */
  async settled(): Promise<void> {
    await Promise.all(this.loading.values());
  }

  /** Nations whose flags are loaded. */
  loaded(): string[] {
    return [...this.textures.keys()];
  }
}

async function rasterize(svg: string): Promise<Texture> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(rasterWidth, rasterHeight);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = rasterWidth;
    canvas.height = rasterHeight;
    canvas.getContext('2d')!.drawImage(image, 0, 0, rasterWidth, rasterHeight);
    return new Texture({
      source: new CanvasSource({
        resource: canvas,
        autoGenerateMipmaps: true,
        scaleMode: 'linear',
      }),
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

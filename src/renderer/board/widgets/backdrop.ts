import { Container, Graphics, type Renderer } from 'pixi.js';
import type { Viewport } from '../layout.ts';
import type { Theme } from '../theme.ts';

/**
 * The venue background: the renderer's clear colour (free: no full-screen quad to shade every
 * frame, which matters on software renderers) and two slim diagonal speed lines, drawn once per
 * resize in their own render group. The overlay has none (transparent or chroma key).
 */
export class Backdrop extends Container {
  private readonly bands = new Graphics();

  constructor() {
    super({ isRenderGroup: true });
    this.addChild(this.bands);
  }

  layout(viewport: Viewport, theme: Theme, renderer: Renderer): void {
    renderer.background.color = theme.background;
    renderer.background.alpha = 1;
    const { width, height } = viewport;
    this.bands.clear();
    if (theme.name === 'high-contrast') return;
    const slant = height * 0.45;
    const band = (left: number, share: number, alpha: number) =>
      this.bands
        .poly([
          left,
          0,
          left + width * share,
          0,
          left + width * share - slant,
          height,
          left - slant,
          height,
        ])
        .fill({ color: theme.accent, alpha });
    band(width * 0.62, 0.035, 0.05);
    band(width * 0.68, 0.012, 0.07);
  }
}

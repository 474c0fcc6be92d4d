import { Container, Graphics, Sprite, Texture } from 'pixi.js';
import type { FlagTextures } from '../flags.ts';

/** A nation's flag (3:2) with a hairline outline; a neutral plate for codes without a flag. */
export class FlagView extends Container {
  private readonly outline = new Graphics();
  private readonly sprite = new Sprite(Texture.EMPTY);
  private nation = '';
  private flagWidth = 0;
  private flagHeight = 0;

  constructor(private readonly flags: FlagTextures) {
    super();
    this.addChild(this.outline, this.sprite);
  }

  /** Sizes the flag to `height` (3:2), centred on (0, 0). */
  layout(height: number, outlineColor: number): void {
    const width = Math.round(height * 1.5);
    const line = Math.max(1, height * 0.05);
    this.outline
      .clear()
      .rect(-width / 2 - line, -height / 2 - line, width + 2 * line, height + 2 * line)
      .fill({ color: outlineColor, alpha: 0.6 });
    this.flagWidth = width;
    this.flagHeight = height;
    this.sprite.position.set(-width / 2, -height / 2);
    this.fit();
  }

  private fit(): void {
    this.sprite.setSize(this.flagWidth, this.flagHeight);
  }

  /** Shows the flag of an IOC code (loaded on first use; the plate stays until it arrives). */
  setNation(nation: string): void {
    if (nation === this.nation) return;
    this.nation = nation;
    this.visible = nation !== '';
    const ready = this.flags.get(nation);
    this.sprite.texture = ready ?? Texture.EMPTY;
    this.fit();
    if (ready || !nation) return;
    void this.flags.load(nation).then((texture) => {
      if (texture && this.nation === nation && !this.destroyed) {
        this.sprite.texture = texture;
        this.fit();
      }
    });
  }
}

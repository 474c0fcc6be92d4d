import { Container, Graphics } from 'pixi.js';
import type { Theme } from '../theme.ts';
import { assign, drawBox, fitWidth, makeText, resize, tint } from './text.ts';

/** Which mark a row carries at its end. */
export type BadgeKind = 'Q' | 'q' | 'status' | '';

/** A box in output pixels, as tests read it. */
export interface OutputBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A container's box on the output (tests only). */
export function outputBox(container: Container): OutputBox {
  const bounds = container.getBounds();
  return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height };
}

/**
 * The mark at a row's end (issue 18): "Q" on a filled disc in the qualification colour (clinched
 * in a running semi, or qualified), "q" on a ring of it (advanced by the referee), a status word
 * (DNF, DQ, DNS, LAPPED) on a red plate. A shape of its own as well as a colour: yellow pills are
 * the sprints', and a disc reads as Q for a viewer who cannot tell the colours apart.
 */
export class RowBadge extends Container {
  private readonly plate = new Graphics();
  private readonly caption = makeText('bold', 30, 0xffffff, 'center');
  private kind: BadgeKind = '';
  private diameter = 0;
  private pillHeight = 0;
  private cellWidth = 0;
  private theme: Theme | null = null;

  constructor() {
    super();
    this.addChild(this.plate, this.caption);
    this.visible = false;
  }

  /** What the badge shows ("" when none). */
  get text(): string {
    return this.visible ? this.caption.text : '';
  }

  /** Which badge is shown. */
  get shownKind(): BadgeKind {
    return this.visible ? this.kind : '';
  }

  /** Sizes the badge for a cell `width` wide in a row `rowHeight` tall; (0, 0) is its centre. */
  layout(width: number, rowHeight: number, theme: Theme): void {
    this.theme = theme;
    this.cellWidth = width;
    this.diameter = Math.min(rowHeight * 0.72, width);
    this.pillHeight = rowHeight * 0.62;
    this.redraw();
  }

  /** Shows a mark: a status word wins over Q/q (a disqualified qualifier is out). */
  set(status: string, qualification: string): void {
    const kind: BadgeKind =
      status !== ''
        ? 'status'
        : qualification === 'Q' || qualification === 'q'
          ? qualification
          : '';
    const text = kind === 'status' ? status : kind;
    const changed = assign(this.caption, text) || kind !== this.kind;
    this.kind = kind;
    this.visible = kind !== '';
    if (changed) this.redraw();
  }

  private redraw(): void {
    const theme = this.theme;
    if (!theme) return;
    const plate = this.plate.clear();
    const radius = this.diameter / 2;
    if (this.kind === 'Q') {
      plate.circle(0, 0, radius).fill({ color: theme.qualify });
      resize(this.caption, this.diameter * 0.66);
      tint(this.caption, theme.onQualify);
    } else if (this.kind === 'q') {
      const ring = Math.max(2, this.diameter * 0.1);
      plate
        .circle(0, 0, radius - ring / 2)
        .fill({ color: theme.rowEven })
        .stroke({ color: theme.qualify, width: ring });
      resize(this.caption, this.diameter * 0.66);
      tint(this.caption, theme.qualify);
    } else if (this.kind === 'status') {
      const height = this.pillHeight;
      resize(this.caption, height * 0.62);
      this.caption.scale.x = 1;
      const width = Math.min(
        this.cellWidth,
        Math.max(height * 1.4, this.caption.width + height * 0.5),
      );
      drawBox(plate, width, height, theme.alert, 1, height * 0.2).position.set(
        -width / 2,
        -height / 2,
      );
      tint(this.caption, theme.onAlert);
      fitWidth(this.caption, width - height * 0.3);
      return;
    }
    plate.position.set(0, 0);
    this.caption.scale.x = 1;
  }
}

/**
 * "NEEDS TOP 5" (issue 18): a compact chip at the end of the name cell for a skater on the bubble
 * in the last laps. Its plate is darker than the row with a rim in the qualification colour; the
 * name gives way to it (a shorter form), so the two never overlap.
 */
export class NeedsChip extends Container {
  private readonly plate = new Graphics();
  private readonly caption = makeText('bold', 30, 0xffffff, 'center');
  private chipHeight = 0;
  private maxWidth = 0;
  private theme: Theme | null = null;
  /** Width the chip takes now (0 when hidden). */
  chipWidth = 0;

  constructor() {
    super();
    this.addChild(this.plate, this.caption);
    this.visible = false;
  }

  /** What the chip says ("" when hidden). */
  get text(): string {
    return this.visible ? this.caption.text : '';
  }

  /** Sizes the chip for rows `rowHeight` tall, at most `maxWidth` wide; (0, 0) is its right middle. */
  layout(rowHeight: number, maxWidth: number, theme: Theme): void {
    this.chipHeight = rowHeight * 0.56;
    this.maxWidth = maxWidth;
    this.theme = theme;
    resize(this.caption, this.chipHeight * 0.62);
    this.redraw();
  }

  /** Shows a text ("" hides the chip); returns whether its width changed. */
  set(text: string): boolean {
    const before = this.chipWidth;
    if (assign(this.caption, text) || this.visible !== (text !== '')) {
      this.visible = text !== '';
      this.redraw();
    }
    return this.chipWidth !== before;
  }

  private redraw(): void {
    const theme = this.theme;
    this.chipWidth = 0;
    if (!theme || !this.visible) return;
    const height = this.chipHeight;
    this.caption.scale.x = 1;
    const width = Math.min(this.maxWidth, this.caption.width + height * 0.7);
    const rim = Math.max(2, height * 0.07);
    this.plate
      .clear()
      .roundRect(-width + rim / 2, -height / 2 + rim / 2, width - rim, height - rim, height * 0.22)
      .fill({ color: theme.needs })
      .stroke({ color: theme.qualify, width: rim });
    tint(this.caption, theme.text);
    fitWidth(this.caption, width - height * 0.5);
    this.caption.position.set(-width / 2, 0);
    this.chipWidth = width;
  }
}

/** The final's podium (issue 18): a gold, silver or bronze disc behind the rank digit. */
export class MedalDisc extends Graphics {
  private medal: 'gold' | 'silver' | 'bronze' | null = null;

  /** Draws a white disc of `diameter` centred on (0, 0), tinted per medal. */
  layout(diameter: number): void {
    this.clear()
      .circle(0, 0, diameter / 2)
      .fill({ color: 0xffffff });
  }

  /** Which medal (null: none). */
  get shownMedal(): 'gold' | 'silver' | 'bronze' | null {
    return this.visible ? this.medal : null;
  }

  set(medal: 'gold' | 'silver' | 'bronze' | null, theme: Theme): void {
    this.medal = medal;
    this.visible = medal !== null;
    if (medal) tint(this, theme.medals[medal === 'gold' ? 0 : medal === 'silver' ? 1 : 2]);
  }
}

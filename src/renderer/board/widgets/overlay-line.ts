import { Container, Graphics } from 'pixi.js';
import type { BoardRow, OverlayLine } from '../../../shared/board/model.ts';
import type { FlagTextures } from '../flags.ts';
import type { Theme } from '../theme.ts';
import { FlagView } from './flag-view.ts';
import type { NameProbe } from './name-text.ts';
import {
  assign,
  drawBox,
  fitForms,
  fitWidth,
  makeName,
  makeText,
  refont,
  resize,
  tint,
} from './text.ts';

/** What tests read of a drawn line. */
export interface OverlayLineProbe {
  readonly key: number;
  readonly shown: boolean;
  /** The line as drawn: "1 gold A. GÉLINAS-BEAULIEU 7:42.49 Q NEEDS TOP 5" (empty parts left out). */
  readonly text: string;
  /** The name form drawn (the first that fits without squeezing it below 85 %). */
  readonly name: string;
  readonly medal: BoardRow['medal'];
  readonly badge: string;
  readonly note: string;
  /** How the name is drawn (bitmap font or canvas fallback, where, how squeezed). */
  readonly nameText: NameProbe;
  /** The line's top-left corner on the output, in CSS pixels. */
  readonly x: number;
  readonly y: number;
}

/** Every string that moves the line's parts: when none changed, nothing is placed again. */
function shapeOf(line: OverlayLine): string {
  const { place, medal, names, value, unit, badge, note, tone } = line;
  return [place, medal, names.join('|'), value, unit, badge, note, tone].join('\u0000');
}

/**
 * One skater on the overlay (issue 18, part 5): an opaque plate with the place or a medal disc,
 * the flag, the name in the longest form that fits, and on the right what the line says: a
 * figure with its unit, a Q / q badge, a note on its own plate ("NEEDS TOP 5"). Strings come
 * from the overlay model; this only compares, assigns and places.
 */
export class OverlayLineView extends Container {
  private readonly plate = new Graphics();
  private readonly disc = new Graphics();
  private readonly badgePlate = new Graphics();
  private readonly notePlate = new Graphics();
  private readonly flag: FlagView;
  private readonly place = makeText('bold', 28, 0xffffff, 'center');
  private readonly nameText = makeName('name', 30, 0xffffff);
  private readonly value = makeText('bold', 28, 0xffffff, 'right');
  private readonly unit = makeText('bold', 16, 0xffffff, 'right');
  private readonly badge = makeText('bold', 24, 0xffffff, 'center');
  private readonly note = makeText('bold', 22, 0xffffff, 'center');
  private line: OverlayLine | null = null;
  private lineWidth = 0;
  private lineHeight = 0;
  private theme: Theme | null = null;
  private shape = '';

  constructor(flags: FlagTextures) {
    super();
    this.flag = new FlagView(flags);
    this.place.label = 'place';
    this.value.label = 'value';
    this.unit.label = 'unit';
    this.badge.label = 'badge';
    this.note.label = 'note';
    // Plates and the flag first: no plate is ever drawn over a text.
    this.addChild(
      this.plate,
      this.disc,
      this.badgePlate,
      this.notePlate,
      this.flag,
      this.place,
      this.nameText,
      this.value,
      this.unit,
      this.badge,
      this.note,
    );
  }

  /** Sizes the line: `plate` is its background colour (lines alternate). */
  layout(width: number, height: number, theme: Theme, plate: number): void {
    this.lineWidth = width;
    this.lineHeight = height;
    this.theme = theme;
    drawBox(this.plate, width, height, plate, 1, Math.min(6, height * 0.12));
    resize(this.place, height * 0.5);
    refont(this.nameText, theme.nameFont);
    resize(this.nameText, height * 0.58);
    resize(this.value, height * 0.52);
    resize(this.unit, height * 0.3);
    resize(this.badge, height * 0.52);
    resize(this.note, height * 0.4);
    this.flag.layout(height * 0.42, theme.flagOutline);
    tint(this.place, theme.text);
    tint(this.nameText, theme.text);
    tint(this.value, theme.text);
    tint(this.unit, theme.textMuted);
    this.shape = '';
    if (this.line) this.arrange(this.line);
  }

  /** Shows a line (compare and assign); places its parts again only when a string changed. */
  update(line: OverlayLine): void {
    this.line = line;
    this.label = `line:${line.key}`;
    this.flag.setNation(line.nation);
    if (shapeOf(line) !== this.shape) this.arrange(line);
  }

  probe(): OverlayLineProbe {
    const line = this.line;
    const drawn = [
      line?.place ?? '',
      line?.medal ?? '',
      this.nameText.text,
      this.value.text,
      this.unit.text,
      this.badge.text,
      this.note.text,
    ];
    return {
      key: line?.key ?? 0,
      shown: this.visible && line !== null,
      text: drawn.filter((part) => part !== '').join(' '),
      name: this.nameText.text,
      medal: line?.medal ?? null,
      badge: this.badge.text,
      note: this.note.text,
      nameText: this.nameText.probe(),
      x: this.getGlobalPosition().x,
      y: this.getGlobalPosition().y,
    };
  }

  /** Places every part from the left (place, flag, name) and from the right (note, badge, figure). */
  private arrange(line: OverlayLine): void {
    const theme = this.theme;
    if (!theme || this.lineHeight === 0) return;
    this.shape = shapeOf(line);
    const h = this.lineHeight;
    const middle = h / 2;
    const pad = h * 0.2;
    const placeWidth = h * 0.95;
    // The place, or the final's medal disc with the place on it.
    const medal = line.medal === null ? -1 : ['gold', 'silver', 'bronze'].indexOf(line.medal);
    this.disc.clear();
    assign(this.place, line.place);
    if (medal >= 0) {
      this.disc.circle(placeWidth / 2, middle, h * 0.34).fill({ color: theme.medals[medal]! });
      tint(this.place, theme.onMedal);
    } else tint(this.place, theme.text);
    this.place.position.set(placeWidth / 2, middle);
    const flagWidth = h * 0.42 * 1.5;
    this.flag.position.set(placeWidth + flagWidth / 2, middle);
    const nameX = placeWidth + flagWidth + pad;
    // From the right edge: the note plate, the badge, the figure and its unit.
    let right = this.lineWidth - pad;
    this.notePlate.clear();
    assign(this.note, line.note);
    if (line.note !== '') {
      this.note.scale.x = 1;
      const plateWidth = Math.min(this.note.width + 2 * pad, this.lineWidth * 0.45);
      fitWidth(this.note, plateWidth - 2 * pad);
      const [plate, text] = this.noteColours(line.tone, theme);
      drawBox(this.notePlate, plateWidth, h * 0.66, plate, 1, h * 0.1).position.set(
        right - plateWidth,
        middle - h * 0.33,
      );
      tint(this.note, text);
      this.note.position.set(right - plateWidth / 2, middle);
      right -= plateWidth + pad;
    }
    this.badgePlate.clear();
    assign(this.badge, line.badge);
    if (line.badge !== '') {
      const size = h * 0.66;
      drawBox(this.badgePlate, size, size, theme.qualify, 1, size * 0.2).position.set(
        right - size,
        middle - size / 2,
      );
      tint(this.badge, theme.onQualify);
      this.badge.position.set(right - size / 2, middle);
      right -= size + pad;
    }
    assign(this.unit, line.unit);
    if (line.unit !== '') {
      this.unit.position.set(right, middle + h * 0.06);
      right -= this.unit.width + h * 0.1;
    }
    assign(this.value, line.value);
    if (line.value !== '') {
      this.value.position.set(right, middle);
      right -= this.value.width + pad;
    }
    this.nameText.position.set(nameX, middle);
    // The longest form of the name that fits at 85 % of its width or more (text.ts, issue 18).
    fitForms(this.nameText, line.names.length > 0 ? line.names : [line.name], right - nameX);
  }

  private noteColours(tone: OverlayLine['tone'], theme: Theme): [number, number] {
    switch (tone) {
      case 'clinched':
        return [theme.qualify, theme.onQualify];
      case 'out':
        return [theme.textDimmed, theme.onChip];
      default:
        return [theme.accent, theme.onAccent];
    }
  }
}

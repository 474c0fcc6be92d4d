import type { BitmapText } from 'pixi.js';
import { Container, Graphics } from 'pixi.js';
import type { BoardRow } from '../../../shared/board/model.ts';
import type { Animator, Animated } from '../engine/animator.ts';
import { easeOutCubic, Tween } from '../engine/tween.ts';
import { numberText, wholeNumber } from '../engine/numbers.ts';
import type { FlagTextures } from '../flags.ts';
import type { Theme } from '../theme.ts';
import {
  MedalDisc,
  NeedsChip,
  outputBox,
  RowBadge,
  type BadgeKind,
  type OutputBox,
} from './badges.ts';
import { FlagView } from './flag-view.ts';
import type { NameProbe } from './name-text.ts';
import type { CellBox, RowLayout } from './row-layout.ts';
import {
  align,
  assign,
  drawBox,
  fitForms,
  makeName,
  makeText,
  refont,
  resize,
  tint,
  type BoardText,
} from './text.ts';

/** What a test reads of a row's marks (issue 18). */
export interface RowMarks {
  /** The badge at the row's end: "Q", "q", a status word, or "". */
  readonly badge: string;
  readonly badgeKind: BadgeKind;
  /** Where the badge is on the output (null: none). */
  readonly badgeBox: OutputBox | null;
  /** The "NEEDS TOP 5" chip as drawn ("" when none), and where. */
  readonly needs: string;
  readonly needsBox: OutputBox | null;
  /** The medal disc behind the rank (null: none). */
  readonly medal: 'gold' | 'silver' | 'bronze' | null;
  /** The name's horizontal squeeze (1: none; never below 0.85) and its size factor (1: full). */
  readonly squeeze: number;
  readonly shrink: number;
  /** A card marked as in the qualifying places (ribbons). */
  readonly qualifyingPlace: boolean;
}

/** How long a row takes to glide to its new place, and points to count up (ms). */
export const glideMs = 700;
const countMs = 650;
const fadeMs = 350;

/**
 * One skater's row, created once per race and reused: every change is a compare-and-assign of
 * its strings, every move a tween of its position. Rows glide, points count up, nothing is
 * rebuilt while the race runs.
 */
export class StandingsRow extends Container implements Animated {
  readonly x1 = new Tween();
  readonly y1 = new Tween();
  private readonly fade = new Tween(0, easeOutCubic);
  private readonly count = new Tween(0, easeOutCubic);
  private readonly glow = new Tween(0, easeOutCubic);
  private readonly card = new Graphics();
  private readonly flash = new Graphics();
  /** A card in the qualifying places (ribbons): a strip in the qualification colour. */
  private readonly placeStrip = new Graphics();
  private readonly medal = new MedalDisc();
  private readonly rank = makeText('bold', 30, 0xffffff, 'center');
  private readonly chip = new Graphics();
  private readonly bib = makeText('bold', 30, 0xffffff, 'center');
  private readonly flag: FlagView;
  private readonly nation = makeText('bold', 30, 0xffffff);
  private readonly nameText = makeName('name', 30, 0xffffff);
  private readonly sprints: BitmapText[] = [];
  private readonly final = makeText('bold', 30, 0xffffff, 'center');
  private readonly total = makeText('bold', 30, 0xffffff, 'center');
  private readonly detail = makeText('bold', 30, 0xffffff, 'right');
  /** Behind the leader from the loop (issue 21), where the table has the column. */
  private readonly gap = makeText('bold', 30, 0xffffff, 'right');
  private readonly badge = new RowBadge();
  private readonly needs = new NeedsChip();
  private readonly cells: readonly Container[];
  private shownTotal = -1;
  private layoutSpec: RowLayout | null = null;
  /** The name fitted last: forms and room (refitted only when either changes). */
  private fitted = '';
  /** Even slot of a striped table (plates alternate), or a card (always the even colour). */
  private even = true;
  /** The row as last drawn. */
  model: BoardRow | null = null;
  /** Ranks 1-3 in medal colours (final results). */
  private podium = false;

  constructor(
    readonly key: number,
    private theme: Theme,
    flags: FlagTextures,
    private readonly animator: Animator,
  ) {
    // Its own render group: gliding moves one transform, not every glyph's vertices, and a
    // changed number re-batches this row only.
    super({ isRenderGroup: true });
    this.label = `row:${key}`;
    this.flag = new FlagView(flags);
    this.cells = [
      this.medal,
      this.rank,
      this.chip,
      this.bib,
      this.flag,
      this.nation,
      this.nameText,
      this.final,
      this.total,
      this.detail,
      this.gap,
      this.badge,
      this.needs,
    ];
    this.gap.label = 'gap';
    this.addChild(this.card, this.flash, this.placeStrip, ...this.cells);
    this.placeStrip.visible = false;
    this.flash.alpha = 0;
    this.flash.visible = false;
    this.alpha = 0;
    this.visible = false;
  }

  /** Where the row is heading (virtual pixels within its table). */
  get targetY(): number {
    return this.y1.target;
  }

  /** Whether the row is shown (or fading in), as opposed to fading out or hidden. */
  get shown(): boolean {
    return this.fade.target === 1;
  }

  /** The strings as drawn now (the total while counting up), for tests and the bench. */
  drawn(): {
    rank: string;
    bib: string;
    name: string;
    nation: string;
    sprints: string[];
    final: string;
    total: string;
    detail: string;
    mark: string;
    gap: string;
  } {
    return {
      rank: this.rank.text,
      bib: this.bib.text,
      name: this.nameText.text,
      nation: this.nation.text,
      sprints: this.sprints.map((text) => text.text),
      final: this.final.text,
      total: this.total.text,
      detail: this.detail.text,
      mark: this.badge.text,
      gap: this.gap.visible ? this.gap.text : '',
    };
  }

  /** The badge, the needs chip, the medal and how the name fits (tests). */
  marks(): RowMarks {
    return {
      badge: this.badge.text,
      badgeKind: this.badge.shownKind,
      badgeBox: this.badge.visible ? outputBox(this.badge) : null,
      needs: this.needs.text,
      needsBox: this.needs.visible ? outputBox(this.needs) : null,
      medal: this.medal.shownMedal,
      squeeze: this.nameText.scale.x / this.nameText.scale.y,
      shrink: this.nameText.scale.y,
      qualifyingPlace: this.placeStrip.visible,
    };
  }

  /** How the name is drawn (bitmap or canvas fallback, where), for tests. */
  nameProbe(): NameProbe {
    return this.nameText.probe();
  }

  /** Applies a table's row layout and theme (on resize or theme change, never per frame). */
  arrange(layout: RowLayout, theme: Theme): void {
    this.theme = theme;
    this.layoutSpec = layout;
    const { height, cells } = layout;
    const middle = height / 2;
    // Every row has its own opaque plate: rows that cross while gliding hide each other rather
    // than print their names over one another (issue 18).
    drawBox(this.card, layout.width, height, 0xffffff, 1, layout.radius);
    this.stripe(this.even);
    drawBox(this.flash, layout.width, height, 0xffffff, 1, layout.radius);
    this.flash.tint = theme.flash;
    const strip = Math.max(4, height * 0.09);
    drawBox(this.placeStrip, strip, height * 0.7, theme.qualify, 1, strip / 2).position.set(
      Math.max(2, layout.radius * 0.35),
      height * 0.15,
    );
    const place = (text: BoardText, box: CellBox | undefined, size: number) => {
      text.visible = box !== undefined;
      if (!box) return;
      resize(text, size);
      align(text, box.align);
      text.x =
        box.align === 'left'
          ? box.x
          : box.align === 'center'
            ? box.x + box.width / 2
            : box.x + box.width;
      text.y = middle;
    };
    place(this.rank, cells.rank, layout.fontSize);
    place(this.bib, cells.bib, layout.fontSize * 0.92);
    place(this.nation, cells.nation, layout.fontSize * 0.9);
    refont(this.nameText, theme.nameFont);
    place(this.nameText, cells.name, layout.nameSize);
    place(this.final, cells.final, layout.fontSize);
    place(this.total, cells.total, layout.fontSize * 1.08);
    place(this.detail, cells.detail, layout.fontSize * 0.92);
    // Smaller than the points: what the race on the ice says, beside the standings.
    place(this.gap, cells.gap, layout.fontSize * 0.85);
    while (this.sprints.length < layout.sprints.length) {
      const text = makeText('bold', 30, 0xffffff, 'center');
      this.sprints.push(text);
      this.addChild(text);
    }
    this.sprints.forEach((text, index) =>
      place(text, layout.sprints[index], layout.fontSize * 0.92),
    );
    const rankBox = cells.rank;
    if (rankBox) {
      this.medal.layout(Math.min(height * 0.74, rankBox.width * 0.95));
      this.medal.position.set(rankBox.x + rankBox.width / 2, middle);
    }
    const chipBox = cells.bib;
    this.chip.visible = chipBox !== undefined;
    if (chipBox) {
      const chipHeight = height * 0.76;
      const chipWidth = Math.min(chipBox.width, Math.max(height * 1.05, layout.fontSize * 1.9));
      drawBox(this.chip, chipWidth, chipHeight, 0xffffff, 1, chipHeight * 0.22).position.set(
        chipBox.x + (chipBox.width - chipWidth) / 2,
        (height - chipHeight) / 2,
      );
    }
    const flagBox = cells.flag;
    this.flag.visible = flagBox !== undefined && this.model?.nation !== '';
    if (flagBox) {
      this.flag.layout(Math.min(height * 0.62, (flagBox.width / 1.5) * 0.9), theme.flagOutline);
      this.flag.position.set(flagBox.x + flagBox.width / 2, middle);
    }
    const markBox = cells.mark;
    if (markBox) {
      this.badge.layout(markBox.width, height, theme);
      this.badge.position.set(markBox.x + markBox.width / 2, middle);
    }
    const nameBox = cells.name;
    const needsBox = layout.needsInMark && markBox ? markBox : nameBox;
    if (nameBox && needsBox) {
      this.needs.layout(
        height,
        needsBox === markBox ? needsBox.width : nameBox.width * 0.55,
        theme,
      );
      this.needs.position.set(needsBox.x + needsBox.width, middle);
    }
    this.fitted = '';
    if (this.model) {
      this.paint(this.model);
      this.fitName(this.model);
    }
  }

  /** Draws a row of the model: assigns what changed; points that rose count up and glow. */
  update(row: BoardRow, now: number, animate: boolean, podium = false): void {
    const previous = this.model;
    this.model = row;
    const podiumChanged = podium !== this.podium;
    this.podium = podium;
    assign(this.rank, row.rank);
    assign(this.bib, row.bib);
    assign(this.nation, row.nation);
    this.flag.setNation(row.nation);
    for (let i = 0; i < this.sprints.length; i++) assign(this.sprints[i]!, row.sprints[i] ?? '');
    assign(this.final, row.final);
    assign(this.detail, row.detail);
    if (this.layoutSpec?.cells.mark) this.badge.set(row.status, row.qualification || row.qualified);
    else this.badge.set('', '');
    this.needs.set(this.layoutSpec?.cells.name ? row.needs : '');
    this.fitName(row);
    this.updateTotal(previous?.total ?? '', row.total, now, animate && previous !== null);
    if (
      !previous ||
      podiumChanged ||
      previous.dimmed !== row.dimmed ||
      previous.status !== row.status ||
      previous.medal !== row.medal ||
      previous.rank !== row.rank
    )
      this.paint(row);
  }

  /** The skater's gap behind the leader ("+12.9"; "" none), drawn where the table has the column. */
  setGap(gap: string): void {
    assign(this.gap, gap);
  }

  /** Marks a card as in the qualifying places (ribbons, where a line between cards is not enough). */
  qualifyingPlace(inside: boolean): void {
    if (this.placeStrip.visible !== inside) this.placeStrip.visible = inside;
  }

  /** Plate colour of the slot the row is heading for (striped tables alternate). */
  stripe(even: boolean): void {
    this.even = even;
    const theme = this.theme;
    tint(this.card, this.layoutSpec?.striped === false || even ? theme.rowEven : theme.rowOdd);
  }

  /** Glides (or jumps) to a place in the table. */
  moveTo(x: number, y: number, now: number, animate: boolean): void {
    if (!animate || !this.shown) {
      this.x1.set(x);
      this.y1.set(y);
      this.position.set(x, y);
      return;
    }
    const movesX = this.x1.animate(x, now, glideMs);
    const movesY = this.y1.animate(y, now, glideMs);
    if (movesX || movesY) this.animator.start(this);
  }

  /** Fades the row in or out (a skater entering or leaving the top N of the overlay). */
  show(visible: boolean, now: number, animate: boolean): void {
    const target = visible ? 1 : 0;
    if (!animate) {
      this.fade.set(target);
      this.alpha = target;
      this.visible = visible;
      return;
    }
    if (visible) this.visible = true;
    if (this.fade.animate(target, now, fadeMs)) this.animator.start(this);
  }

  step(now: number): boolean {
    const movingX = this.x1.step(now);
    const movingY = this.y1.step(now);
    if (this.x !== this.x1.value || this.y !== this.y1.value)
      this.position.set(this.x1.value, this.y1.value);
    const fading = this.fade.step(now);
    if (this.alpha !== this.fade.value) this.alpha = this.fade.value;
    if (this.visible !== this.fade.value > 0) this.visible = this.fade.value > 0;
    const counting = this.count.step(now);
    const shown = Math.round(this.count.value);
    if (shown !== this.shownTotal) {
      this.shownTotal = shown;
      this.total.text = numberText(shown);
    }
    const glowing = this.glow.step(now);
    this.flash.alpha = this.glow.value;
    // Invisible, not just transparent: a zero-alpha quad still costs its pixels.
    this.flash.visible = this.glow.value > 0;
    return movingX || movingY || fading || counting || glowing;
  }

  private updateTotal(before: string, after: string, now: number, animate: boolean): void {
    const from = wholeNumber(before);
    const to = wholeNumber(after);
    if (animate && from !== null && to !== null && to > from) {
      this.count.set(from);
      this.count.animate(to, now, countMs);
      this.glow.set(0.55);
      this.flash.visible = true;
      this.glow.animate(0, now, countMs * 2);
      this.animator.start(this);
      return;
    }
    this.count.set(to ?? 0);
    this.shownTotal = to ?? -1;
    assign(this.total, after);
  }

  /**
   * The name in the first form that fits beside the needs chip without squeezing below 85 %
   * (issue 18). Measured only when the forms or the room change.
   */
  private fitName(row: BoardRow): void {
    const box = this.layoutSpec?.cells.name;
    if (!box) return;
    const besideName = this.needs.visible && !this.layoutSpec?.needsInMark;
    const room = box.width - (besideName ? this.needs.chipWidth + box.width * 0.03 : 0);
    const forms = row.names.length > 0 ? row.names : [row.name];
    const key = `${room}|${forms.join('\n')}`;
    if (key === this.fitted) return;
    this.fitted = key;
    fitForms(this.nameText, forms, room);
  }

  /**
   * Colours for the row's state (issue 18): grey only for a skater out of the race; no points
   * yet is normal text. Medal discs for the final's podium; the badge colours itself.
   */
  private paint(row: BoardRow): void {
    const theme = this.theme;
    const main = row.dimmed ? theme.textDimmed : theme.text;
    tint(this.nameText, main);
    const rank = Number(row.rank);
    const medal =
      row.medal ??
      (this.podium && !row.dimmed && rank >= 1 && rank <= 3
        ? (['gold', 'silver', 'bronze'] as const)[rank - 1]!
        : null);
    this.medal.set(this.layoutSpec?.cells.rank ? medal : null, theme);
    tint(this.rank, medal ? theme.onMedal : main);
    tint(this.total, row.dimmed ? theme.textDimmed : theme.accent);
    tint(this.nation, row.dimmed ? theme.textDimmed : theme.textMuted);
    tint(this.final, main);
    tint(this.detail, row.dimmed ? theme.textDimmed : theme.textMuted);
    tint(this.gap, row.dimmed ? theme.textDimmed : theme.textMuted);
    for (const sprint of this.sprints) tint(sprint, main);
    tint(this.bib, theme.onChip);
    tint(this.chip, theme.chip);
    this.chip.alpha = row.dimmed ? 0.55 : 1;
    this.flag.alpha = row.dimmed ? 0.55 : 1;
  }
}

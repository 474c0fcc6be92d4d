import { Container, Graphics } from 'pixi.js';
import type { SprintResultModel } from '../../../shared/board/model.ts';
import type { Animated, Animator } from '../engine/animator.ts';
import { easeOutCubic, Tween } from '../engine/tween.ts';
import type { FlagTextures } from '../flags.ts';
import type { Box } from '../layout.ts';
import type { Theme } from '../theme.ts';
import { outputBox, type OutputBox } from './badges.ts';
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

type Placing = SprintResultModel['placings'][number];

/** One placing of a sprint: place, helmet number, flag, name, points. */
class PlacingCard extends Container {
  private readonly plate = new Graphics();
  private readonly pointsPlate = new Graphics();
  private readonly place = makeText('bold', 40, 0xffffff, 'center');
  private readonly chip = new Graphics();
  private readonly bib = makeText('bold', 30, 0xffffff, 'center');
  private readonly flag: FlagView;
  private readonly nation = makeText('bold', 24, 0xffffff);
  private readonly nameText = makeName('name', 30, 0xffffff);
  private readonly points = makeText('bold', 40, 0xffffff, 'center');
  private readonly unit = makeText('bold', 16, 0xffffff, 'center');
  private nameWidth = 0;
  private forms: readonly string[] = [];

  constructor(flags: FlagTextures) {
    super();
    this.label = 'placing';
    this.flag = new FlagView(flags);
    this.addChild(
      this.plate,
      this.pointsPlate,
      this.place,
      this.chip,
      this.bib,
      this.flag,
      this.nation,
      this.nameText,
      this.points,
      this.unit,
    );
  }

  /** A flat card: place | name over chip, flag and nation | points on the highlight colour. */
  layout(width: number, height: number, theme: Theme): void {
    drawBox(this.plate, width, height, theme.rowEven, 1, height * 0.1);
    const pointsWidth = height * 1.05;
    drawBox(this.pointsPlate, pointsWidth, height, theme.highlight, 1, height * 0.1).position.set(
      width - pointsWidth,
      0,
    );
    resize(this.place, height * 0.62);
    this.place.position.set(height * 0.4, height / 2);
    const left = height * 0.8;
    this.nameWidth = Math.max(0, width - pointsWidth - left - height * 0.12);
    refont(this.nameText, theme.nameFont);
    resize(this.nameText, height * 0.4);
    this.nameText.position.set(left, height * 0.33);
    const chipHeight = height * 0.3;
    const chipWidth = chipHeight * 1.4;
    drawBox(this.chip, chipWidth, chipHeight, theme.chip, 1, chipHeight * 0.22).position.set(
      left,
      height * 0.72 - chipHeight / 2,
    );
    resize(this.bib, chipHeight * 0.85);
    this.bib.position.set(left + chipWidth / 2, height * 0.72);
    this.flag.layout(chipHeight * 0.9, theme.flagOutline);
    const flagX = left + chipWidth + height * 0.1 + chipHeight * 0.675;
    this.flag.position.set(flagX, height * 0.72);
    resize(this.nation, chipHeight * 0.85);
    this.nation.position.set(flagX + chipHeight * 0.675 + height * 0.08, height * 0.72);
    resize(this.points, height * 0.5);
    this.points.position.set(width - pointsWidth / 2, height * 0.42);
    resize(this.unit, height * 0.2);
    this.unit.position.set(width - pointsWidth / 2, height * 0.78);
    tint(this.place, theme.text);
    tint(this.bib, theme.onChip);
    tint(this.nameText, theme.text);
    tint(this.nation, theme.textMuted);
    tint(this.points, theme.onHighlight);
    tint(this.unit, theme.onHighlight);
    fitForms(this.nameText, this.forms, this.nameWidth);
  }

  /** A placing; `forms` are the skater's name forms, longest first (the name alone if none). */
  update(placing: Placing, unit: string, forms: readonly string[] = [placing.name]): void {
    assign(this.place, placing.place);
    assign(this.bib, placing.bib);
    this.flag.setNation(placing.nation);
    assign(this.nation, placing.nation);
    if (forms.join('\n') !== this.forms.join('\n')) {
      this.forms = forms;
      fitForms(this.nameText, forms, this.nameWidth);
    }
    assign(this.points, placing.points);
    assign(this.unit, unit);
  }

  /** The name as drawn (a shorter form where the full one does not fit). */
  get drawnName(): string {
    return this.nameText.text;
  }

  /** How the name is drawn, for tests. */
  nameProbe(): NameProbe {
    return this.nameText.probe();
  }
}

/** What tests read of the banner. */
export interface BannerProbe {
  readonly shown: boolean;
  readonly heading: string;
  readonly placings: readonly string[];
  /** How each placing's name is drawn (bitmap font or canvas fallback), in placing order. */
  readonly nameTexts: readonly NameProbe[];
  /** Each placing's name as drawn (a shorter form where the full one does not fit). */
  readonly drawnNames: readonly string[];
  /** Where the banner's plate is on the output (null: down). */
  readonly box: OutputBox | null;
}

/**
 * The sprint result banner: the sprint's name and its placings with points, sliding in over
 * the live scene (venue) or as a lower third (overlay) for the seconds the host sets.
 */
export class SprintBanner extends Container implements Animated {
  private readonly plate = new Graphics();
  private readonly headingPlate = new Graphics();
  private readonly heading = makeText('bold', 40, 0xffffff, 'center');
  private readonly cards: PlacingCard[] = [];
  private readonly slide = new Tween(0, easeOutCubic);
  private box: Box = { x: 0, y: 0, width: 0, height: 0 };
  private theme: Theme | null = null;
  private result: SprintResultModel | null = null;
  private shownCards = 0;
  private headingWidth = 0;
  private unit = '';
  private forms: ReadonlyMap<string, readonly string[]> = new Map();

  constructor(
    private readonly flags: FlagTextures,
    private readonly animator: Animator,
    /** Placings per row of cards. */
    private readonly perRow: (count: number) => number,
    /** Fill the whole box (LED ribbons) rather than stand at its bottom sized to the cards. */
    private readonly fill = false,
  ) {
    super();
    this.label = 'sprint-banner';
    this.addChild(this.plate, this.headingPlate, this.heading);
    this.heading.style.align = 'center';
    this.visible = false;
    this.alpha = 0;
  }

  /** Lays the banner out in `box`; the heading takes a band on the left. */
  layout(box: Box, theme: Theme): void {
    this.box = box;
    this.theme = theme;
    this.x = box.x;
    this.layoutCards();
    this.applySlide();
  }

  /**
   * Shows a sprint result, or hides the banner (null). `forms`: each skater's name forms by
   * helmet number (the board's rows), so a long name is shortened rather than squeezed.
   */
  update(
    result: SprintResultModel | null,
    unit: string,
    now: number,
    animate: boolean,
    forms: ReadonlyMap<string, readonly string[]> = new Map(),
  ): void {
    if (result) {
      this.result = result;
      this.unit = unit;
      this.forms = forms;
      if (assign(this.heading, result.heading)) fitWidth(this.heading, this.headingWidth * 0.88);
      while (this.cards.length < result.placings.length) {
        const card = new PlacingCard(this.flags);
        this.cards.push(card);
        this.addChild(card);
      }
      if (this.shownCards !== result.placings.length) {
        this.shownCards = result.placings.length;
        this.layoutCards();
      }
      result.placings.forEach((placing, index) =>
        this.cards[index]!.update(placing, unit, this.formsOf(placing)),
      );
    }
    const target = result ? 1 : 0;
    if (target === 1) this.visible = true;
    if (!animate) {
      this.slide.set(target);
      this.applySlide();
    } else if (this.slide.animate(target, now, 420)) this.animator.start(this);
  }

  step(now: number): boolean {
    const moving = this.slide.step(now);
    this.applySlide();
    return moving;
  }

  probe(): BannerProbe {
    const shown = this.slide.target === 1;
    return {
      shown,
      heading: shown ? this.heading.text : '',
      placings:
        shown && this.result
          ? this.result.placings.map((p) => `${p.place} ${p.bib} ${p.name} ${p.nation} ${p.points}`)
          : [],
      nameTexts:
        shown && this.result
          ? this.cards.slice(0, this.result.placings.length).map((card) => card.nameProbe())
          : [],
      drawnNames:
        shown && this.result
          ? this.cards.slice(0, this.result.placings.length).map((card) => card.drawnName)
          : [],
      box: shown ? outputBox(this.plate) : null,
    };
  }

  /** Height the banner's plate takes for `count` placings (the live scene keeps rows clear of it). */
  heightFor(count: number): number {
    return this.measure(Math.max(1, count)).plateHeight;
  }

  private formsOf(placing: Placing): readonly string[] {
    return this.forms.get(placing.bib) ?? [placing.name];
  }

  /** Card and plate sizes for `count` placings in the banner's box. */
  private measure(count: number) {
    const perRow = Math.min(count, this.perRow(count));
    const rows = Math.ceil(count / perRow);
    const box = this.box;
    const pad = Math.min(box.height * 0.07, 16);
    const headingWidth = Math.min(box.width * 0.22, box.height * (this.fill ? 0.75 : 1.1));
    const left = headingWidth + pad;
    const width = box.width - left - pad;
    const gap = pad * 0.7;
    const cardWidth = (width - (perRow - 1) * gap) / perRow;
    const cardHeight = Math.min(cardWidth / 3.4, (box.height - 2 * pad - (rows - 1) * gap) / rows);
    const cardsHeight = rows * cardHeight + (rows - 1) * gap;
    const plateHeight = this.fill ? box.height : cardsHeight + 2 * pad;
    return {
      perRow,
      pad,
      headingWidth,
      left,
      gap,
      cardWidth,
      cardHeight,
      cardsHeight,
      plateHeight,
    };
  }

  private applySlide(): void {
    const t = this.slide.value;
    this.alpha = t;
    this.visible = t > 0;
    this.y = this.box.y + (1 - t) * Math.min(this.box.height * 0.35, 60);
  }

  /**
   * Cards of at most 3.6:1 in rows of `perRow`, the plate sized to them and standing on the
   * bottom of the banner's box (the heading band on its left).
   */
  private layoutCards(): void {
    const theme = this.theme;
    if (!theme) return;
    const box = this.box;
    const { perRow, headingWidth, left, gap, cardWidth, cardHeight, cardsHeight, plateHeight } =
      this.measure(Math.max(1, this.shownCards));
    const top = box.height - plateHeight;
    const cardsTop = top + (plateHeight - cardsHeight) / 2;
    this.headingWidth = headingWidth;
    const radius = Math.min(plateHeight * 0.06, 16);
    drawBox(this.plate, box.width, plateHeight, theme.panel, 1, radius).position.set(0, top);
    drawBox(this.headingPlate, headingWidth, plateHeight, theme.highlight, 1, radius).position.set(
      0,
      top,
    );
    resize(this.heading, Math.min(headingWidth * 0.24, plateHeight * 0.34));
    this.heading.position.set(headingWidth / 2, top + plateHeight / 2);
    tint(this.heading, theme.onHighlight);
    fitWidth(this.heading, headingWidth * 0.88);
    this.cards.forEach((card, index) => {
      card.visible = index < this.shownCards;
      card.layout(cardWidth, cardHeight, theme);
      card.position.set(
        left + (index % perRow) * (cardWidth + gap),
        cardsTop + Math.floor(index / perRow) * (cardHeight + gap),
      );
    });
    if (this.result)
      this.result.placings.forEach((placing, index) =>
        this.cards[index]!.update(placing, this.unit, this.formsOf(placing)),
      );
  }
}

// Every text-on-background pair the board and the overlay draw, read from the themes themselves
// (src/renderer/board/theme.ts, imported: a changed colour changes the table), with its contrast
// seen normally and by protanopes and deuteranopes (issue 18, part 4). `npm run
// report:board-colours` prints it (colour-report.ts).
import { themeFor, type Theme } from '../../../src/renderer/board/theme.ts';
import { displaySettingsSchema } from '../../../src/shared/protocol/program.ts';
import { contrastFor, hex, over, type Rgb } from '../../support/colour.ts';

/** The backgrounds a text may stand on (the worst one counts), from a theme. */
type Backgrounds = (theme: Theme) => readonly Rgb[];

/** One text colour on its plates, where the board draws it. */
interface Pair {
  /** Widget and state, in the board's words. */
  readonly where: string;
  readonly text: (theme: Theme) => number;
  readonly on: Backgrounds;
}

/** The venue board's background (the renderer's clear colour). */
const venue: Backgrounds = (t) => [over(t.background, 1, t.background)];
/** The overlay over the worst picture for light text: a white one. */
const picture = 0xffffff;
/** A solid plate. */
const plate =
  (colour: (theme: Theme) => number): Backgrounds =>
  (t) => [over(colour(t), 1, t.background)];
/** Both row stripes (rowEven, rowOdd at rowAlpha) on a base. */
const stripesOn =
  (base: (theme: Theme) => Rgb): Backgrounds =>
  (t) => [over(t.rowEven, t.rowAlpha, base(t)), over(t.rowOdd, t.rowAlpha, base(t))];
const stripes = stripesOn((t) => over(t.background, 1, t.background));
/** The lap board's panel (panelAlpha on the background). */
const panel: Backgrounds = (t) => [over(t.panel, t.panelAlpha, t.background)];
/** The overlay's standings plate (panelAlpha) on the picture, rows striped on it. */
const overlayStripes = stripesOn((t) => over(t.panel, t.panelAlpha, picture));

/**
 * The pairs, read off the widgets (src/renderer/board/widgets): which theme colour each text is
 * tinted with and which plates lie under it.
 */
export const boardPairs: readonly Pair[] = [
  // header.ts
  { where: 'header: race title', text: (t) => t.text, on: venue },
  { where: 'header: meeting', text: (t) => t.textMuted, on: venue },
  // standings-table.ts, standings-row.ts
  { where: 'table: column headers', text: (t) => t.accent, on: venue },
  { where: 'row: name, rank, sprint points', text: (t) => t.text, on: stripes },
  { where: 'row: total points', text: (t) => t.accent, on: stripes },
  { where: 'row: nation, time', text: (t) => t.textMuted, on: stripes },
  { where: 'row: out (DNF/DQ/DNS/LAPPED)', text: (t) => t.textDimmed, on: stripes },
  // badges.ts: the final's podium as medal discs with the rank on them (issue 18)
  { where: 'row: rank on gold disc', text: (t) => t.onMedal, on: plate((t) => t.medals[0]) },
  { where: 'row: rank on silver disc', text: (t) => t.onMedal, on: plate((t) => t.medals[1]) },
  { where: 'row: rank on bronze disc', text: (t) => t.onMedal, on: plate((t) => t.medals[2]) },
  { where: 'row: helmet number', text: (t) => t.onChip, on: plate((t) => t.chip) },
  {
    where: 'row: helmet number, out (chip at 55 %)',
    text: (t) => t.onChip,
    on: (t) => stripes(t).map((stripe) => over(t.chip, 0.55, stripe)),
  },
  { where: 'row: Q badge (disc)', text: (t) => t.onQualify, on: plate((t) => t.qualify) },
  { where: 'row: q badge (ring)', text: (t) => t.qualify, on: plate((t) => t.rowEven) },
  { where: 'row: NEEDS TOP N chip', text: (t) => t.text, on: plate((t) => t.needs) },
  { where: 'row: DNF/DQ/DNS mark', text: (t) => t.onAlert, on: plate((t) => t.alert) },
  // qualification-line.ts
  // qualification-bar.ts (venue board), qualification-line.ts
  {
    where: 'qualification bar: label',
    text: (t) => t.onQualify,
    on: plate((t) => t.qualify),
  },
  { where: 'qualification bar: note', text: (t) => t.text, on: plate((t) => t.panel) },
  { where: 'qualification bar (graphic)', text: (t) => t.qualify, on: venue },
  // lap-board.ts, pill.ts
  { where: 'laps label', text: (t) => t.accent, on: panel },
  { where: 'laps figure', text: (t) => t.text, on: panel },
  { where: 'laps figure, sprint lap', text: (t) => t.highlight, on: panel },
  {
    where: 'laps figure, bell lap (white on red plate)',
    text: (t) => t.onAlert,
    on: plate((t) => t.alert),
  },
  { where: 'sprint pill', text: (t) => t.onHighlight, on: plate((t) => t.highlight) },
  { where: 'bell pill', text: (t) => t.onAlert, on: plate((t) => t.alert) },
  // breakaway-strip.ts, standings-row.ts: from the loop's groups and gaps (issue 21)
  {
    where: 'breakaway strip: label on its tag',
    text: (t) => t.onAccent,
    on: plate((t) => t.accent),
  },
  { where: 'breakaway strip: helmet number', text: (t) => t.onChip, on: plate((t) => t.chip) },
  { where: 'breakaway strip: lead', text: (t) => t.text, on: panel },
  { where: 'breakaway strip: change per lap', text: (t) => t.accent, on: panel },
  { where: 'row: gap behind the leader', text: (t) => t.textMuted, on: stripes },
  // start-list-scene.ts, results-scene.ts
  { where: 'start list / results heading', text: (t) => t.accent, on: venue },
  { where: 'OFFICIAL mark', text: (t) => t.onHighlight, on: plate((t) => t.official) },
  { where: 'UNOFFICIAL mark', text: (t) => t.onHighlight, on: plate((t) => t.unofficial) },
  // sprint-banner.ts
  { where: 'banner heading', text: (t) => t.onHighlight, on: plate((t) => t.highlight) },
  { where: 'banner card: place, name', text: (t) => t.text, on: plate((t) => t.rowEven) },
  { where: 'banner card: nation', text: (t) => t.textMuted, on: plate((t) => t.rowEven) },
  { where: 'banner card: helmet number', text: (t) => t.onChip, on: plate((t) => t.chip) },
  { where: 'banner card: points', text: (t) => t.onHighlight, on: plate((t) => t.highlight) },
  // blank-scene.ts
  { where: 'blank: meeting', text: (t) => t.text, on: venue },
  { where: 'blank: race title', text: (t) => t.accent, on: venue },
  // overlay-scene.ts: on a white picture, the worst case for its light text
  { where: 'overlay row: name (white picture)', text: (t) => t.text, on: overlayStripes },
  { where: 'overlay row: points (white picture)', text: (t) => t.accent, on: overlayStripes },
  {
    where: 'overlay bug: figure (white picture)',
    text: (t) => t.text,
    on: (t) => [over(t.panel, t.panelAlpha, picture)],
  },
  // gap-bug.ts, lower-third.ts (issue 21)
  { where: 'overlay gap bug: label', text: (t) => t.accent, on: plate((t) => t.panel) },
  { where: 'overlay gap bug: lead', text: (t) => t.text, on: plate((t) => t.panel) },
  {
    where: 'overlay breakaway lower third: tab',
    text: (t) => t.onAccent,
    on: plate((t) => t.accent),
  },
];

/** The themes the host can choose (display settings), from the schema. */
export function themeNames(): readonly Theme['name'][] {
  return displaySettingsSchema.shape.theme.unwrap().options;
}

/** One line of the report: a pair in a theme, against its worst background. */
export interface ColourRow {
  readonly theme: string;
  readonly where: string;
  readonly text: string;
  readonly background: string;
  readonly normal: number;
  readonly protanopia: number;
  readonly deuteranopia: number;
}

/** Every pair in every theme, each against the background that gives it the least contrast. */
export function colourTable(pairs: readonly Pair[] = boardPairs): ColourRow[] {
  return themeNames().flatMap((name) => {
    const theme = themeFor(name);
    return pairs.map((pair) => {
      const text = pair.text(theme);
      const options = pair.on(theme).map((background) => ({
        background,
        ...contrastFor(text, background),
      }));
      const worst = options.reduce((a, b) => (b.normal < a.normal ? b : a));
      return {
        theme: name,
        where: pair.where,
        text: hex(text),
        background: hex(worst.background),
        normal: Math.min(...options.map((o) => o.normal)),
        protanopia: Math.min(...options.map((o) => o.protanopia)),
        deuteranopia: Math.min(...options.map((o) => o.deuteranopia)),
      };
    });
  });
}

/**
 * The table as text: ratios to two decimals, and a note where any is under 4.5:1 (WCAG AA for
 * text) or 3:1 (AA for large text and graphics).
 */
export function formatColourTable(rows: readonly ColourRow[]): string {
  const header = [
    'theme',
    'text on background',
    'text',
    'background',
    'normal',
    'protan',
    'deutan',
    '',
  ];
  const lines = rows.map((row) => {
    const least = Math.min(row.normal, row.protanopia, row.deuteranopia);
    return [
      row.theme,
      row.where,
      row.text,
      row.background,
      ...[row.normal, row.protanopia, row.deuteranopia].map((r) => `${r.toFixed(2)}:1`),
      least < 3 ? 'under 3:1' : least < 4.5 ? 'under 4.5:1' : '',
    ];
  });
  const widths = header.map((_, i) =>
    Math.max(...[header, ...lines].map((cells) => cells[i]!.length)),
  );
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i >= 4 && i <= 6 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join(
    '\n',
  );
}

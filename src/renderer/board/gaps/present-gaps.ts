// What the board and the overlay draw from the loop's groups and gaps (issue 21): every string
// decided here, pure (no Pixi, no DOM), so the widgets only compare and assign, as they do with
// the board model (src/shared/board/presenter.ts).
import { boardLabels } from '../../../shared/board/labels.ts';
import type { BoardModel, BoardRow, LowerThirdModel } from '../../../shared/board/model.ts';
import { lineOf } from '../../../shared/board/overlay-lines.ts';
import type { DisplaySettings } from '../../../shared/protocol/program.ts';
import type { GapsView } from '../../../shared/timing/gaps-view.ts';

/** The venue board's breakaway strip: "BREAKAWAY · #5 #12 #17 · +12.9 s · ↑ +1.2 s". */
export interface BreakawayStripModel {
  /** The whole strip on one line (what tests and captions read). */
  readonly text: string;
  /** "BREAKAWAY" in the board's language (or the meeting's word). */
  readonly label: string;
  /** The helmet numbers of the break, from the front: ["5", "12", "17"]. */
  readonly helmets: readonly string[];
  /** Its lead over the next group: "+12.9 s". */
  readonly lead: string;
  /** The lead's change over the last lap: "↑ +1.2 s" (gaining), "↓ −0.8 s", "±0.0 s"; "" unknown. */
  readonly trend: string;
  readonly direction: 'gaining' | 'losing' | 'holding' | null;
}

/** The overlay's gap bug beside the laps bug: "BREAKAWAY +12.9 s ↑". */
export interface GapBugModel {
  readonly text: string;
  readonly label: string;
  readonly figure: string;
  /** "↑", "↓" or "". */
  readonly arrow: string;
}

/** The groups and gaps of the race on the board, as drawn; null without timing. */
export interface BoardGaps {
  /** The race they are of (the board's own: gapsOf). */
  readonly raceId: string;
  /** The strip; null while no group is away. */
  readonly strip: BreakawayStripModel | null;
  /** The gap column's header: "GAP". */
  readonly column: string;
  /**
   * Each skater's gap behind the leader by helmet number ("+12.9"; "" for the leader, a lapped
   * skater or one the loop has not seen cross); null until someone crossed the line: no column.
   */
  readonly gaps: Readonly<Record<string, string>> | null;
  /** The break as the overlay's clock compares it (breakaway-clock.ts); null: none. */
  readonly breakaway: { readonly helmets: readonly number[]; readonly leadSeconds: number } | null;
  /** The overlay's breakaway lower third; null while no group is away. */
  readonly lowerThird: LowerThirdModel | null;
  /** The overlay's gap bug; null while no group is away. */
  readonly bug: GapBugModel | null;
}

/** Seconds as the board writes a gap: "+12.9", "+1:02.3" (tenths, rounded half up). */
export function gapFigure(seconds: number): string {
  const tenths = Math.round(Math.round(Math.abs(seconds) * 100) / 10);
  const minutes = Math.floor(tenths / 600);
  const rest = ((tenths % 600) / 10).toFixed(1);
  return `+${minutes > 0 ? `${minutes}:${rest.padStart(4, '0')}` : rest}`;
}

/**
 * The lead's change per lap (+: gaining): "↑ +1.2 s", "↓ −0.8 s", "±0.0 s". Arrows the shipped
 * font has (U+2191, U+2193; src/renderer/board/glyph-coverage.ts), and its minus sign.
 */
export function trendOf(change: number | null): {
  text: string;
  direction: BreakawayStripModel['direction'];
} {
  if (change === null) return { text: '', direction: null };
  const tenths = Math.sign(change) * Math.round(Math.round(Math.abs(change) * 100) / 10);
  const figure = (Math.abs(tenths) / 10).toFixed(1);
  if (tenths > 0) return { text: `↑ +${figure} s`, direction: 'gaining' };
  if (tenths < 0) return { text: `↓ −${figure} s`, direction: 'losing' };
  return { text: `±${figure} s`, direction: 'holding' };
}

/**
 * What the board and the overlay draw of the groups and gaps (issue 21). `view` must already be
 * of the board's race (`gapsOf(view, raceId)`): null, as without timing, changes nothing.
 */
export function presentGaps(
  view: GapsView | null,
  model: BoardModel,
  display: Pick<DisplaySettings, 'language' | 'labels'>,
): BoardGaps | null {
  if (view === null || model.empty) return null;
  const labels = boardLabels(display.language, display.labels);
  const label = labels.text('breakaway');
  const away = view.breakaway;
  const gaps = view.skaters.length > 0 ? gapColumn(view) : null;
  if (away === null)
    return {
      raceId: view.raceId,
      strip: null,
      column: labels.text('column.gap'),
      gaps,
      breakaway: null,
      lowerThird: null,
      bug: null,
    };
  const helmets = away.helmets.map(String);
  const lead = `${gapFigure(away.leadSeconds)} s`;
  const trend = trendOf(away.changeSeconds);
  const parts = [label, helmets.map((bib) => `#${bib}`).join(' '), lead, trend.text];
  const rows = new Map(model.rows.map((row) => [row.key, row]));
  const arrow = trend.direction === 'gaining' ? '↑' : trend.direction === 'losing' ? '↓' : '';
  return {
    raceId: view.raceId,
    strip: {
      text: parts.filter((part) => part !== '').join(' · '),
      label,
      helmets,
      lead,
      trend: trend.text,
      direction: trend.direction,
    },
    column: labels.text('column.gap'),
    gaps,
    breakaway: { helmets: away.helmets, leadSeconds: away.leadSeconds },
    lowerThird: {
      kind: 'breakaway',
      title: label,
      note: trend.text ? `${lead} · ${trend.text}` : lead,
      noteTone: 'plain',
      lines: away.helmets.flatMap((bib) => {
        const row: BoardRow | undefined = rows.get(bib);
        // The helmet number where a standings line has its points: who is who on the ice.
        return row ? [lineOf(row, { place: '', value: `#${row.bib}`, unit: '' })] : [];
      }),
    },
    bug: {
      text: [label, lead, arrow].filter((part) => part !== '').join(' '),
      label,
      figure: lead,
      arrow,
    },
  };
}

/** The gap column: every skater on the lead lap behind the leader; nothing invented. */
function gapColumn(view: GapsView): Record<string, string> {
  const column: Record<string, string> = {};
  view.skaters.forEach((skater, index) => {
    const shown =
      index > 0 &&
      skater.lapsBehind === 0 &&
      skater.group !== null &&
      skater.behindLeaderSeconds !== null;
    column[String(skater.bib)] = shown ? gapFigure(skater.behindLeaderSeconds) : '';
  });
  return column;
}

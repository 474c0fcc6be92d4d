// The standings table's shapes (issue 18 split them out of standings-table.ts): where a table
// sits and how its rows are arranged, and what tests and the bench read of its rows and pages.
import type { OutputBox } from './badges.ts';
import type { NameProbe } from './name-text.ts';
import type { RowMarks, StandingsRow } from './standings-row.ts';

/** Where a table sits and how its rows are arranged: one column (screens) or a grid (ribbons). */
export interface TableGeometry {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Column header height; 0 for none. */
  readonly headerHeight: number;
  readonly rowHeight: number;
  readonly rowGap: number;
  readonly columns: number;
  readonly columnGap: number;
  readonly rowsPerColumn: number;
  readonly striped: boolean;
  readonly fontScale?: number;
  /** Tighter cells (overlay, ribbon): the name gets the room. */
  readonly compact?: boolean;
  /** The far layout's cells: few, with big names (issue 18). */
  readonly far?: boolean;
  /** The ribbon's cards: the least room for everything but the name (issue 18). */
  readonly cards?: boolean;
  /** The far live standings: "needs top N" chips in a wider mark column, not beside the name. */
  readonly needsInMark?: boolean;
  /**
   * The venue board's qualification bar (issue 18): the height of its own band between two rows
   * (the rows under the line sit that much lower). 0 or none: a thin line in the row gap.
   */
  readonly barHeight?: number;
  /**
   * Page through the field, the qualification line on every page (venue board), rather than
   * fade out the rows beyond the slots (the overlay's top N).
   */
  readonly paged?: boolean;
  /**
   * Where the page number goes ("2/3"), in the table's coordinates, when the table has no header
   * row to put it in: its right end's x, its middle's y, and its size.
   */
  readonly pageLabelAt?: { readonly x: number; readonly y: number; readonly size: number };
}

/** What a test or the bench reads of a row. */
export interface RowProbe {
  readonly key: number;
  readonly x: number;
  readonly y: number;
  readonly targetY: number;
  /** On screen now: on the current page (and not fading out). */
  readonly shown: boolean;
  readonly rank: string;
  readonly bib: string;
  readonly name: string;
  readonly nation: string;
  readonly sprints: readonly string[];
  readonly final: string;
  readonly total: string;
  readonly status: string;
  readonly qualified: string;
  readonly detail: string;
  readonly dimmed: boolean;
  /** The strings as drawn this frame (the total counts up to the model's). */
  readonly drawn: ReturnType<StandingsRow['drawn']>;
  /** How the name is drawn: the bitmap font, or the canvas fallback for scripts it lacks. */
  readonly nameText: NameProbe;
  /** The badge, the needs chip, the medal disc and the name's fit (issue 18). */
  readonly marks: RowMarks;
  /** Where the row's plate is on the output. */
  readonly box: OutputBox;
  /** Its drawing order among the rows: a row rising past others is drawn over them. */
  readonly layer: number;
}

/** The page the table shows, as tests read it. */
export interface PageProbe {
  readonly index: number;
  readonly count: number;
  /** Helmet numbers of the rows on it, top to bottom. */
  readonly rows: readonly number[];
  /** The page number as drawn ("2/3"; "" with one page). */
  readonly label: string;
}

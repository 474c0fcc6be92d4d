import type { BoardScene, DisplaySettings, OverlayElement } from '../protocol/program.ts';

/**
 * The board model: everything the venue board and the broadcast overlay draw, decided by the
 * pure presenter (presenter.ts) from what the host pushes. Pixi widgets only compare and assign
 * these strings and flags (../shared/docs/architecture.md, "The board").
 */
export interface BoardModel {
  /** Which venue scene is up (the host's choice, or the sprint banner the board put up). */
  readonly scene: BoardScene;
  readonly language: DisplaySettings['language'];
  readonly theme: DisplaySettings['theme'];
  readonly safeArea: number;
  /** "Men · Mass Start · Semi-final 1" */
  readonly title: string;
  /** The meeting's name. */
  readonly meeting: string;
  readonly lapBoard: LapBoardModel;
  /** Standings rows in display order, one per skater (stable `key` = bib while the race lasts). */
  readonly rows: readonly BoardRow[];
  /** Column headers in the board's language: rank, bib, name, nation, SP1.., total ... */
  readonly columns: BoardColumns;
  /** Draw the qualification line under this many rows; null: no line (final, or no semi). */
  readonly qualificationLine: number | null;
  /** "Q" marks are final (the semi is finished). */
  readonly qualificationCertain: boolean;
  readonly results: ResultsModel;
  /** The start list scene: its heading and the same rows in start-list order. */
  readonly startList: StartListModel;
  /** The newest sprint result, for the banner and the overlay; null before the first. */
  readonly sprintResult: SprintResultModel | null;
  readonly overlay: OverlayModel;
  /** Nothing to show: no active race. */
  readonly empty: boolean;
  /** The qualification line of a semi-final as drawn (issue 18); null: no line. */
  readonly qualification: QualificationModel | null;
  /** How the venue board lays out (display settings `boardLayout`; a board URL may override). */
  readonly layout: 'far' | 'dense';
  /** The board's words not tied to a row: page numbers ("{page}/{pages}"). */
  readonly pageLabel: string;
}

/**
 * The qualification line (issue 18, part 1). Drawn only between ranked skaters: under the K-th
 * when K or more are ranked; while fewer are (k < K, the rest without points ordered by helmet
 * number), under the k-th, saying what is still open. Never between skaters without points.
 */
export interface QualificationModel {
  /** Rows above the line (as `qualificationLine`). */
  readonly after: number;
  /** How many go to the final (K). */
  readonly places: number;
  /** "QUALIFICATION · TOP 8" */
  readonly label: string;
  /** While fewer than K are ranked: "3 IN THE POINTS · 5 DECIDED AT THE FINISH"; else "". */
  readonly note: string;
  /** The line is final (the semi is finished). */
  readonly certain: boolean;
}

/** The lap board: the dominant figure of the live scene. */
export interface LapBoardModel {
  readonly lapsToGo: number;
  /** "16", "1", "0" ... */
  readonly figure: string;
  /** "LAPS TO GO" / "NOG TE GAAN"; "FINISH" / "FINISH" once the leader is home. */
  readonly label: string;
  /** Set while a sprint lap is run: "SPRINT 2" / "FINAL SPRINT" ("EINDSPRINT"). */
  readonly sprintFlag: string | null;
  /** The bell: last lap. */
  readonly bell: boolean;
  /** "LAST LAP" / "LAATSTE RONDE" while the bell lap is run. */
  readonly bellLabel: string | null;
  readonly started: boolean;
  readonly finished: boolean;
}

/** One standings row, all strings ready to draw. */
export interface BoardRow {
  /** Stable identity: the helmet number. */
  readonly key: number;
  readonly rank: string;
  readonly bib: string;
  readonly name: string;
  /** IOC code, e.g. NED; the flag is looked up from it. */
  readonly nation: string;
  /** Points of each intermediate sprint, only where the skater scored ("" otherwise: no zeros). */
  readonly sprints: readonly string[];
  /** Final-sprint points, only where the skater scored ("" before the finish and for no points). */
  readonly final: string;
  /** Total points, "0" included, once the race has started; "" before it and for DQ / DNS. */
  readonly total: string;
  /** "", "DNF", "DQ", "DNS", "LAPPED". */
  readonly status: string;
  /** "Q", "q" or "". */
  readonly qualified: string;
  /** Race time "7:42.49" for finishers, laps "9 laps" for non-finishers, else "". */
  readonly detail: string;
  /** Greyed: out of the race (DNF, DQ, DNS, LAPPED). A skater without points yet is not out. */
  readonly dimmed: boolean;
  /**
   * Which block of the standings the row is in (issue 18): `ranked` (has a rank), `unranked`
   * (racing, no points yet while live: normal text below a thin divider, by helmet number),
   * `out` (DNF, DQ, DNS, LAPPED: grey).
   */
  readonly band: 'ranked' | 'unranked' | 'out';
  /** In a semi: "Q" clinched (or qualified), "q" advanced, "open", "out"; "" otherwise. */
  readonly qualification: string;
  /** For a skater on the bubble in the last laps: "NEEDS TOP 5"; else "". */
  readonly needs: string;
  /**
   * The name in shorter forms, longest first: "Antoine Gélinas-Beaulieu", "A. GÉLINAS-BEAULIEU",
   * "GÉLINAS-BEAULIEU". A layout takes the first that fits without squeezing below ~85 %.
   */
  readonly names: readonly string[];
  /** The final's podium once finished: a medal disc; null otherwise. */
  readonly medal: 'gold' | 'silver' | 'bronze' | null;
}

/** Column headers. */
export interface BoardColumns {
  readonly rank: string;
  readonly bib: string;
  readonly name: string;
  readonly nation: string;
  readonly sprints: readonly string[];
  readonly final: string;
  readonly total: string;
  readonly detail: string;
}

/** The results scene's mark. */
export interface ResultsModel {
  readonly official: boolean;
  /** "OFFICIAL" / "UNOFFICIAL" ("OFFICIEEL" / "NIET OFFICIEEL"). */
  readonly mark: string;
  /** "RESULTS" / "UITSLAG". */
  readonly heading: string;
}

/** The start list scene. Its rows are the objects of `rows`, in start-list order. */
export interface StartListModel {
  /** "START LIST" / "STARTLIJST". */
  readonly heading: string;
  readonly rows: readonly BoardRow[];
}

/** A sprint's placings with the points they earned. */
export interface SprintResultModel {
  /** 1..n for intermediate sprints, "final" for the finish. */
  readonly sprint: number | 'final';
  /** "SPRINT 1" / "FINAL SPRINT". */
  readonly heading: string;
  readonly placings: readonly {
    readonly place: string;
    readonly bib: string;
    readonly name: string;
    readonly nation: string;
    readonly points: string;
  }[];
  /** Identity of this result (changes when the placings are entered or corrected). */
  readonly key: string;
}

/** The broadcast overlay: which elements are cut in, and where. */
export interface OverlayModel {
  readonly visible: Readonly<Record<OverlayElement, boolean>>;
  readonly position: DisplaySettings['overlayPosition'];
  /** Rows of the standings the overlay shows (the top N). */
  readonly top: number;
  readonly chromaKey: string | null;
  /**
   * The overlay follows the race by itself (auto on, no manual cut holding; issue 18, part 5):
   * the board then puts the standings up for `afterSprintSeconds` after each intermediate sprint.
   */
  readonly follows: boolean;
  /** How long the standings stay up after a sprint (display settings `sprintBannerSeconds`). */
  readonly afterSprintSeconds: number;
  /** The laps bug on one line. */
  readonly bug: OverlayBugModel;
  /** The standings panel under its title strip ("STANDINGS AFTER SPRINT 2"). */
  readonly standings: OverlayStandingsModel;
  /** The newest sprint's placings as a lower third; null before the first sprint. */
  readonly sprint: LowerThirdModel | null;
  /** The outcome: who goes to the final, or the podium; the leaders while the race runs. */
  readonly result: LowerThirdModel | null;
  /** "WHAT THEY NEED": the skaters around the qualification line in a semi's last laps; else null. */
  readonly needs: LowerThirdModel | null;
}

/** The overlay's laps bug: one line, "7 LAPS TO GO · SPRINT 2 · 3-2-1". */
export interface OverlayBugModel {
  /** The whole bug as one line of text (captions, tests). */
  readonly text: string;
  /** "7"; "" at the bell and at the finish. */
  readonly figure: string;
  /** "LAPS TO GO", "LAST LAP" (the bell), "FINISH". */
  readonly label: string;
  /** What the lap being run is worth: "SPRINT 2 · 3-2-1", "FINAL SPRINT · 60-40-20-10-6-3"; else "". */
  readonly flag: string;
  /** Which plate: laps to go, the bell (red), the finish. */
  readonly state: 'laps' | 'bell' | 'finish';
}

/** One skater on an overlay panel or lower third, all strings ready to draw. */
export interface OverlayLine {
  /** The helmet number (stable identity). */
  readonly key: number;
  /** Rank or place ("1"); "" for none. */
  readonly place: string;
  /** A medal disc instead of the place (the final's podium). */
  readonly medal: BoardRow['medal'];
  readonly bib: string;
  readonly name: string;
  /** Shorter forms of the name, longest first (BoardRow.names). */
  readonly names: readonly string[];
  readonly nation: string;
  /** The figure: points ("3"), a race time ("7:42.49"); "" for none. */
  readonly value: string;
  /** After the figure: "PTS", or "". */
  readonly unit: string;
  /** "Q", "q" or "". */
  readonly badge: string;
  /** What the skater needs or has: "NEEDS TOP 5", "QUALIFIED", "ELIMINATED"; else "". */
  readonly note: string;
  /** How the note is coloured: clinched, open, out; plain without a note. */
  readonly tone: 'plain' | 'clinched' | 'open' | 'out';
}

/** The overlay's standings panel. */
export interface OverlayStandingsModel {
  /** "STANDINGS AFTER SPRINT 2", or "STANDINGS" before the first sprint. */
  readonly title: string;
  /**
   * The intermediate sprint result the standings follow (SprintResultModel.key): a new key puts
   * them up for a while when the overlay follows the race; null before the first sprint and
   * once the finish comes in (then the result lower third tells it).
   */
  readonly key: string | null;
  /** The skaters with points, at most `top` (the first `top` rows while nobody has any). */
  readonly lines: readonly OverlayLine[];
  /** Draw the qualification line under this many lines; null: no line on the panel. */
  readonly lineAfter: number | null;
}

/** A lower third: a title strip and a few skaters. */
export interface LowerThirdModel {
  /** What it tells, which decides its grid: a sprint's placings, the K qualified, the podium ... */
  readonly kind: 'sprint' | 'qualified' | 'podium' | 'leaders' | 'needs' | 'breakaway';
  /** "SPRINT 2", "QUALIFIED FOR THE FINAL", "RESULTS", "WHAT THEY NEED". */
  readonly title: string;
  /** Beside the title: "UNOFFICIAL", "QUALIFICATION · TOP 8"; else "". */
  readonly note: string;
  /** The note is the results' mark: coloured as the venue board's OFFICIAL / UNOFFICIAL. */
  readonly noteTone: 'plain' | 'official' | 'unofficial';
  readonly lines: readonly OverlayLine[];
}

/**
 * The race report (issue 21, part 3) as a model: what src/main/results-out/report-pdf.ts lays out.
 * From the journal and the passing log alone, so a finished race reports the same whenever it is
 * asked: the title block of the results sheet, a summary, the timeline (race-timeline.ts), every
 * correction (race-corrections.ts) and the lap chart, each skater's place at each lap from the
 * passings (race-replay.ts). A race without passings gets the timeline from the journal and says
 * why there is no lap chart.
 */
import { resultsSheet, type ResultsSheet, type ResultsSheetInput } from '../results/sheet.ts';
import { raceCorrections, type RaceCorrection } from './race-corrections.ts';
import { replayRace, type RaceReplay } from './race-replay.ts';
import { raceTimeline, type TimelineRow } from './race-timeline.ts';
import type { TimingSettings } from './settings.ts';
import type { Passing } from './tracker.ts';

/** The passings a report has: the race's passing log, or none (and why). */
export type ReportPassings =
  | {
      readonly kind: 'log';
      readonly passings: readonly Passing[];
      /** Lines of the log that were not a passing (a torn write). */
      readonly skipped: number;
    }
  | {
      readonly kind: 'none';
      /** This host is a standby: it never reads the decoder. */
      readonly standby: boolean;
    };

/** What a report is made from. */
export interface RaceReportInput extends ResultsSheetInput {
  readonly passings: ReportPassings;
  /** The meeting's timing settings (the counts and the group gap the host used). */
  readonly timing: Pick<TimingSettings, 'minLapSeconds' | 'startSignal' | 'groupGapSeconds'>;
}

/** One skater's line on the lap chart. */
export interface ChartLine {
  readonly bib: number;
  /** His place at each lap he completed, lap order. */
  readonly places: readonly {
    readonly lap: number;
    readonly position: number;
    readonly lapped: boolean;
    /** The loop missed the crossing: an estimated place. */
    readonly inferred: boolean;
  }[];
}

/** The lap chart: place per lap, a line per skater, the breakaways and the sprint laps marked. */
export interface LapChart {
  /** The x axis runs from lap 1 to this (the race's laps, or more if the loop counted more). */
  readonly laps: number;
  /** The y axis runs from place 1 down to this. */
  readonly positions: number;
  readonly lines: readonly ChartLine[];
  /** The laps with a breakaway and its helmets (the first places on that lap). */
  readonly breakaways: readonly { readonly lap: number; readonly helmets: readonly number[] }[];
  readonly sprintLaps: readonly number[];
  readonly thresholdSeconds: number;
}

/** The header fields of the results sheet the report prints the same way. */
export type ReportTitle = Pick<
  ResultsSheet,
  | 'meeting'
  | 'venue'
  | 'date'
  | 'title'
  | 'category'
  | 'round'
  | 'format'
  | 'official'
  | 'confirmed'
  | 'confirmedAt'
  | 'startedAt'
  | 'software'
>;

/** The report, ready to lay out. */
export interface RaceReport {
  readonly title: ReportTitle;
  /** For the PDF's metadata: "Race report: Men · Mass Start · Semi-final 1". */
  readonly documentTitle: string;
  /** "16 skaters · 16 laps · 272 passings from the loop (...)". */
  readonly summary: string;
  /** Why there are no passings or no laps from them; null when the chart is there. */
  readonly passingsNote: string | null;
  readonly timeline: readonly TimelineRow[];
  readonly corrections: readonly RaceCorrection[];
  readonly chart: LapChart | null;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** What the loop's counters say beside the passings, in a few words. */
function countersWords(replay: RaceReplay, skipped: number): string {
  const { counters } = replay;
  const parts = [
    counters.duplicates > 0 ? plural(counters.duplicates, 'resent') : '',
    counters.doubleReads > 0 ? plural(counters.doubleReads, 'double read') : '',
    counters.missedReads > 0 ? plural(counters.missedReads, 'missed read') : '',
    counters.beforeStart > 0 ? `${counters.beforeStart} before the start` : '',
    skipped > 0 ? plural(skipped, 'damaged line') : '',
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** The lap chart of a replay; null when the passings give no lap. */
function lapChart(
  replay: RaceReplay,
  laps: number,
  sprintLaps: readonly number[],
): LapChart | null {
  if (replay.laps.length === 0) return null;
  const lines = new Map<number, ChartLine['places'][number][]>();
  let positions = 1;
  for (const lap of replay.laps)
    for (const place of lap.places) {
      let line = lines.get(place.bib);
      if (!line) lines.set(place.bib, (line = []));
      line.push({ lap: lap.lap, ...place });
      positions = Math.max(positions, place.position);
    }
  return {
    laps: Math.max(laps, replay.laps.length),
    positions,
    lines: [...lines.entries()]
      .sort(([a], [b]) => a - b)
      .map(([bib, places]) => ({
        bib,
        places: places.map(({ lap, position, lapped, inferred }) => ({
          lap,
          position,
          lapped,
          inferred,
        })),
      })),
    breakaways: replay.laps.flatMap((lap) =>
      lap.breakaway ? [{ lap: lap.lap, helmets: lap.breakaway.helmets }] : [],
    ),
    sprintLaps,
    thresholdSeconds: replay.thresholdSeconds,
  };
}

/** Why a report has no lap chart. */
function noChartNote(passings: ReportPassings, started: boolean): string {
  if (passings.kind === 'none')
    return passings.standby
      ? 'No passings: this host is the standby of a pair, and a standby does not read the decoder. The timeline is the journal’s; the primary’s report has the passings and the lap chart.'
      : 'No passings: no timing decoder reported passings for this race. The timeline is the journal’s (laps by the lap key, without their leaders); there is no lap chart.';
  return started
    ? `The loop’s ${plural(passings.passings.length, 'passing')} give no lap of this race (no transponder of its start list crossed after the start). The timeline is the journal’s; there is no lap chart.`
    : 'The race has not started: no lap chart.';
}

/** The race report of a race (see the module comment). */
export function raceReport(input: RaceReportInput): RaceReport {
  const sheet = resultsSheet(input);
  const { state } = input.race;
  const { passings } = input;
  const replay =
    passings.kind === 'log' && passings.passings.length > 0
      ? replayRace({ journal: input.journal, passings: passings.passings, settings: input.timing })
      : null;
  const chart = replay && lapChart(replay, state.format.laps, state.format.sprintLaps);
  const loop = replay
    ? ` · ${plural(replay.passings, 'passing')} from the loop${countersWords(replay, passings.kind === 'log' ? passings.skipped : 0)} · a new group ${input.timing.groupGapSeconds.toFixed(1)} s behind the one ahead`
    : '';
  return {
    title: {
      meeting: sheet.meeting,
      venue: sheet.venue,
      date: sheet.date,
      title: sheet.title,
      category: sheet.category,
      round: sheet.round,
      format: sheet.format,
      official: sheet.official,
      confirmed: sheet.confirmed,
      confirmedAt: sheet.confirmedAt,
      startedAt: sheet.startedAt,
      software: sheet.software,
    },
    documentTitle: `Race report: ${sheet.title}`,
    summary: `${plural(state.skaters.length, 'skater')} · ${plural(state.lapsCompleted, 'lap')} counted${loop}`,
    passingsNote: chart ? null : noChartNote(passings, state.started),
    timeline: raceTimeline({
      state,
      journal: input.journal,
      replay: chart ? replay : null,
      timeZone: input.meeting.timeZone,
    }),
    corrections: raceCorrections(input.journal, input.meeting.timeZone),
    chart,
  };
}

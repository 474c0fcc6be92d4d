/**
 * What the console sees of the timing feed (issue 12): the connection, what the passings did,
 * and the open proposals. Pushed to consoles as a `timing` message and served at
 * GET /api/v1/timing; the same shape everywhere.
 */
import type { TimingSettings } from './settings.ts';

/** How the host is connected to the decoder. */
export type TimingConnection = 'off' | 'connecting' | 'connected' | 'reconnecting';

/** What a passing did (src/shared/timing/tracker.ts decides). */
export type PassingNote =
  /** The leader crossed the line: a new lap for the race. */
  | 'leader'
  /** A skater on the lead lap, behind the leader. */
  | 'lap'
  /** A skater one lap or more behind the leader. */
  | 'lapped'
  /** The same skater again within the minimum lap time: several antennas, one crossing. */
  | 'double'
  /** A passing number already seen (a decoder resending after a reconnect). */
  | 'duplicate'
  /** A transponder that is not on the start list. */
  | 'unknown'
  /** Before the race was started. */
  | 'beforeStart'
  /** The crossing at the gun (the loop is on the start line). */
  | 'start'
  /** The skater had finished, or the results are official. */
  | 'afterFinish'
  /** The skater is out (DNF, DQ, DNS). */
  | 'notRacing'
  /** Timing follows no race (none active). */
  | 'noRace'
  /** A read older than the skater's last (a resend): the real time of a lap that was inferred. */
  | 'late'
  /** The decoder's start input (a gun wired to it): the start on the decoder's clock. */
  | 'startSignal';

/** One passing as the console lists it. */
export interface PassingRow {
  readonly passingNumber: number;
  readonly transponder: string;
  readonly bib: number | null;
  /** Decoder clock, ms since the Unix epoch (only for order and lap times). */
  readonly decoderMs: number;
  /** Host clock when it arrived, ms since the Unix epoch. */
  readonly receivedAt: number;
  /** The lap this crossing completed for the skater, when it counted. */
  readonly lap: number | null;
  readonly note: PassingNote;
}

/** A transponder seen on the loop that is on no one's start list entry. */
export interface UnknownTransponder {
  readonly transponder: string;
  readonly passings: number;
  readonly lastAt: number;
}

export interface TimingStatus {
  readonly connection: TimingConnection;
  /** `p3://host:port`, or null when off. */
  readonly url: string | null;
  /** Host clock of the last passing received. */
  readonly lastPassingAt: number | null;
  /** Host clock of the last record of any kind (STATUS arrives every second or so). */
  readonly lastRecordAt: number | null;
  readonly passings: number;
  readonly duplicates: number;
  readonly doubleReads: number;
  readonly beforeStart: number;
  readonly afterFinish: number;
  /** Laps inferred for a skater whose crossing the loop missed. */
  readonly missedReads: number;
  readonly unknown: readonly UnknownTransponder[];
  /** Frames dropped (bad CRC, bad length, ...) and bytes outside any frame. */
  readonly badFrames: number;
  readonly skippedBytes: number;
  readonly connections: number;
  readonly retryInMs: number | null;
  readonly lastError: string | null;
  /** Decoder clock minus host clock, ms (network delay included), when known. */
  readonly clockOffsetMs: number | null;
  /** Passing numbers skipped by the decoder's numbering and not (yet) resent (issue 17). */
  readonly missingPassings: number;
  /** RESEND requests sent to the decoder. */
  readonly resendRequests: number;
  /** Unknown transponders seen in all (`unknown` lists only the most recent). */
  readonly unknownTransponders: number;
  /** Passings of unknown transponders. */
  readonly unknownPassings: number;
  /**
   * Where race times run from: `signal` (the decoder's start input: the gun), `command` (the
   * operator's start key: times are short by the press delay), null before the start.
   */
  readonly startSource: 'signal' | 'command' | null;
}

/** A skater the loop finished short of the race's laps: to be marked LAPPED, never timed. */
export interface LappedFinisher {
  readonly bib: number;
  readonly laps: number;
}

/** A skater still racing whose reads stopped for more than two of his laps (a hint only). */
export interface SilentSkater {
  readonly bib: number;
  /** The last lap he was read completing (0: none since the start). */
  readonly sinceLap: number;
  /** How long since that read, ms. */
  readonly sinceMs: number;
}

/** Something the passings suggest; the operator accepts it (Enter), corrects it or dismisses it. */
export type TimingProposal =
  | {
      readonly id: string;
      readonly kind: 'lap';
      /** The lap the leader completed (the race has one fewer). */
      readonly lap: number;
      readonly leader: number;
    }
  | {
      readonly id: string;
      /** Timing counts more than one lap more than the race: correct the count. */
      readonly kind: 'laps';
      readonly lapsCompleted: number;
    }
  | {
      readonly id: string;
      readonly kind: 'sprint';
      readonly sprint: number;
      /** First across the line first; a transponder order, the photo finish decides. */
      readonly bibs: readonly number[];
      /** All the sprint's placings are in. */
      readonly complete: boolean;
      /** Placed from a crossing the loop missed (its time inferred between two reads). */
      readonly inferred?: readonly number[];
    }
  | {
      readonly id: string;
      readonly kind: 'finish';
      /** Finishers not yet in the finish order, in crossing order. */
      readonly bibs: readonly number[];
      /** Race time in ms per bib, from the decoder's clock. */
      readonly times: Readonly<Record<number, number>>;
      /** Every skater still racing has crossed the line. */
      readonly complete: boolean;
      /** Lapped skaters who crossed: marked LAPPED with their laps, never given a time. */
      readonly lapped?: readonly LappedFinisher[];
      /** What the times run from: the gun (decoder start input) or the operator's start key. */
      readonly timedFrom?: 'gun' | 'startKey';
    };

export type TimingProposalKind = TimingProposal['kind'];

/** The timing feed as pushed to consoles. */
export interface TimingView {
  /** Grows with every change of this view (not a host revision: nothing here is journaled). */
  readonly seq: number;
  /** Host clock when it was made, so a console can say "last passing 4 s ago" with its own clock. */
  readonly now: number;
  readonly settings: TimingSettings;
  readonly status: TimingStatus;
  /** The race the passings count for (the active race), or null. */
  readonly raceId: string | null;
  /** Laps the leader has completed by the timing's count. */
  readonly leaderLaps: number;
  readonly proposals: readonly TimingProposal[];
  /** The latest passings, newest first. */
  readonly recent: readonly PassingRow[];
  /** Skaters whose reads stopped mid-race ("no passing from #9 since lap 7"): hints only. */
  readonly silent: readonly SilentSkater[];
}

/** The timing view as a pushed message. */
export interface TimingMessage extends TimingView {
  readonly type: 'timing';
}

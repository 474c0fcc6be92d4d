/**
 * The timing feed in the host (issue 12): a decoder connection (P3 today), a lap tracker for the
 * active race (src/shared/timing/tracker.ts), the operator's choices (auto laps, dismissed
 * proposals), and the one seam to the race: commands go through the HostSession as the caller
 * `timing`, so they are validated, journaled (source "timing", the host's clock) and undone like
 * any other. A decoder that drops, floods or sends garbage costs the console nothing: the feed
 * only ever calls the session, never waits on the decoder.
 */
import { refused, type Reply } from '../../shared/protocol/reply.ts';
import type { HostRequest } from '../../shared/protocol/socket.ts';
import type { RaceView } from '../../shared/race/view.ts';
import type { RaceState } from '../../shared/race/state.ts';
import { defaultTimingSettings, type TimingSettings } from '../../shared/timing/settings.ts';
import { acceptProposal, timingProposals } from '../../shared/timing/proposals.ts';
import { sameCrossing, TIMING_SOURCE } from '../../shared/timing/same-crossing.ts';
import { LapTracker, type Passing } from '../../shared/timing/tracker.ts';
import { bibOf } from '../../shared/timing/wearers.ts';

export type { PassingSource, SourceFactory } from './passing-source.ts';
import type {
  TimingConnection,
  TimingMessage,
  TimingProposal,
  TimingStatus,
  TimingView,
} from '../../shared/timing/view.ts';
import type { Caller, HostSession, TimingHandler } from '../host/session.ts';
import { timingName } from '../../shared/protocol/channel.ts';
import { raceGaps } from '../../shared/timing/groups.ts';
import type { GapsView } from '../../shared/timing/gaps-view.ts';
import { GapsPublisher, type DeriveGaps } from './gaps-publisher.ts';
import { AutoLaps } from './auto-laps.ts';
import { DecoderLink } from './decoder-link.ts';
import { p3Source, type SourceFactory } from './passing-source.ts';
import type { PassingRecorder } from './passing-log.ts';

/** Every command the feed makes is journaled with this source. */
export const timingCaller: Caller = { role: 'control', source: TIMING_SOURCE };

export interface TimingServiceOptions {
  readonly session: HostSession;
  readonly log?: (line: string) => void;
  /** The host's clock in ms (default Date.now). */
  readonly now?: () => number;
  readonly connect?: SourceFactory;
  /**
   * Where the tracked race's raw passings go for its race report (src/main/timing/passing-log.ts,
   * issue 21); closed with the service. Absent: the passings live in memory only.
   */
  readonly passingLog?: PassingRecorder;
}

/**
 * The laps of history (each lap's groups, each skater's lap times) the gaps value holds, in blocks: every
 * lap of any real mass start; a 1,000-lap format keeps the latest (bench:timing part 2).
 */
const HISTORY_LAPS = 40;

/** How many passing numbers are remembered for de-duplication (a day of a busy oval). */
const SEEN_LIMIT = 200_000;

export class TimingService implements TimingHandler {
  private settings: TimingSettings = defaultTimingSettings;
  private readonly decoder: DecoderLink;
  private tracker: LapTracker;
  private trackedRace: string | null = null;
  private readonly seen = new Set<number>();
  private readonly dismissed = new Set<string>();
  private seq = 0;
  private lastText: string | null = null;
  private pushQueued = false;
  private closed = false;
  private readonly unsubscribe: () => void;
  private readonly listeners = new Set<(view: TimingView) => void>();
  private readonly log: (line: string) => void;
  private readonly now: () => number;
  private lastError: string | null = null;
  private readonly autoLaps: AutoLaps;
  /** The groups and gaps on the channel (issue 21). */
  private readonly gapsOut: GapsPublisher;

  constructor(private readonly options: TimingServiceOptions) {
    this.log = options.log ?? (() => undefined);
    this.now = options.now ?? Date.now;
    this.decoder = new DecoderLink({
      connect: options.connect ?? p3Source,
      passing: (passing) => this.passing(passing),
      changed: () => this.changed(),
      log: this.log,
    });
    this.tracker = this.newTracker();
    const { session } = options;
    this.gapsOut = new GapsPublisher(session.channel, () => this.derivedGaps());
    this.autoLaps = new AutoLaps({
      race: () => (this.closed ? null : this.race()),
      send: async (race, commands, revision) => {
        const answer = await session.answer(
          { type: 'batch', race, commands: [...commands], revision },
          timingCaller,
        );
        return answer.kind === 'reply' ? answer.reply : refused(500, 'no reply');
      },
      problem: (words) => {
        this.lastError = words;
        this.log(`timing: ${words}`);
      },
      changed: () => this.changed(),
    });
    session.attachTiming(this);
    session.host.useAdmission(
      (source, at) => (race, commands) =>
        sameCrossing({
          ...race,
          commands,
          source,
          at,
          minLapMs: this.settings.minLapSeconds * 1000,
        }),
    );
    this.unsubscribe = session.host.subscribe(() => this.hostChanged());
    this.hostChanged();
  }

  /** The view consoles get. */
  view(): TimingView {
    const race = this.race();
    return {
      seq: this.seq,
      now: this.now(),
      settings: this.settings,
      status: this.status(race?.state),
      raceId: race?.id ?? null,
      leaderLaps: this.tracker.leaderLaps,
      proposals: this.proposals(race),
      recent: this.tracker.recent,
      silent:
        race && race.id === this.trackedRace ? this.tracker.silent(race.state, this.now()) : [],
    };
  }

  /**
   * The groups and gaps of the active race from the passings (issue 21), derived now; null
   * without a tracked race (no decoder, no passings: nothing invented).
   */
  gaps(): GapsView | null {
    return this.gapsOut.current();
  }

  /** Called with every new view (the fan-out's consoles get it too). */
  onView(listener: (view: TimingView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Accepts or dismisses a proposal of the active race. */
  async act(request: Extract<HostRequest, { type: 'timing' }>): Promise<Reply> {
    // The commands are made from the proposal as it is when they are sent, against the race's
    // revision then; a command landing in between (an auto lap) makes them stale: look again.
    for (let attempt = 0; ; attempt += 1) {
      const race = this.race();
      if (!race) return refused(404, 'no race is active: timing proposals follow the active race');
      const open = this.proposals(race);
      const proposal = open.find((candidate) => candidate.id === request.proposal);
      if (!proposal)
        return refused(
          409,
          `no open timing proposal "${request.proposal}" for race "${race.id}"${open.length ? ` (open: ${open.map((p) => p.id).join(', ')})` : ' (none open)'}: a lap or sprint entered meanwhile closes it`,
        );
      if (request.action === 'dismiss') {
        this.dismissed.add(proposal.id);
        this.changed();
        return { ok: true, revision: this.options.session.host.revision, raceId: race.id };
      }
      if (request.bibs && proposal.kind !== 'sprint' && proposal.kind !== 'finish')
        return refused(400, `bibs: a ${proposal.kind} proposal takes no helmet numbers`);
      const answer = await this.options.session.answer(
        {
          type: 'batch',
          race: race.id,
          commands: acceptProposal(proposal, race.state, request.bibs),
          revision: race.revision,
        },
        timingCaller,
      );
      const reply = answer.kind === 'reply' ? answer.reply : refused(500, 'no reply');
      if (reply.ok || reply.status !== 409 || attempt >= 4) return reply;
    }
  }

  /** Stops the decoder connection and the feed. */
  async close(): Promise<void> {
    this.closed = true;
    this.gapsOut.close();
    await this.autoLaps.settled();
    this.unsubscribe();
    this.options.session.attachTiming(null);
    this.options.session.host.useAdmission(null);
    this.listeners.clear();
    await this.decoder.stop();
    await this.options.passingLog?.close();
  }

  private newTracker(): LapTracker {
    return new LapTracker({
      minLapMs: this.settings.minLapSeconds * 1000,
      seen: this.seen,
      startSignal: this.settings.startSignal,
    });
  }

  private race(): RaceView | null {
    return this.options.session.host.race();
  }

  /**
   * The proposals of the race now. A lap that auto laps is counting is not proposed meanwhile:
   * consoles would show it for the few ms its journal write takes, then see it withdrawn.
   */
  private proposals(race: RaceView | null): TimingProposal[] {
    if (!race || race.id !== this.trackedRace) return [];
    const pending = this.autoLaps.pending;
    return timingProposals(this.tracker, race.state, this.dismissed).filter(
      (proposal) =>
        pending === null ||
        !(
          (proposal.kind === 'lap' && proposal.lap <= pending) ||
          (proposal.kind === 'laps' && proposal.lapsCompleted <= pending)
        ),
    );
  }

  /**
   * A standby does not read the decoder (issue 20): only the primary's feed proposes and counts.
   * After a takeover the new primary connects with a fresh tracker, and the decoder's own resend
   * (P3 RESEND, issue 17) fills in what the tracker needs from the passings it reports.
   */
  standBy(standby: boolean): void {
    if (this.standingBy === standby || this.closed) return;
    this.standingBy = standby;
    this.tracker = this.newTracker();
    void this.decoder.use(standby ? null : this.settings.url);
  }

  private standingBy = false;

  /** Settings, active race and race states: reconnect, re-track, re-propose as needed. */
  private hostChanged(): void {
    if (this.closed) return;
    const { host } = this.options.session;
    const settings = host.program().timing;
    if (JSON.stringify(settings) !== JSON.stringify(this.settings)) {
      const countsChanged =
        settings.minLapSeconds !== this.settings.minLapSeconds ||
        settings.startSignal !== this.settings.startSignal;
      this.settings = settings;
      if (countsChanged) this.tracker = this.newTracker();
      if (!this.closed && !this.standingBy) void this.decoder.use(settings.url);
    }
    if (host.activeRaceId !== this.trackedRace) {
      this.trackedRace = host.activeRaceId;
      this.tracker = this.newTracker();
      this.dismissed.clear();
    }
    this.changed();
  }

  /** One passing: tracked against the active race; with auto laps the leader's lap is counted. */
  private passing(passing: Passing): void {
    if (this.closed) return;
    if (this.seen.size > SEEN_LIMIT) this.seen.clear();
    const race = this.race();
    if (!race) {
      this.changed();
      return;
    }
    if (race.id !== this.trackedRace) this.hostChanged();
    // As received, before anything reads it: the report replays the race from these (never waits).
    this.options.passingLog?.append(race.id, passing);
    const observation = this.tracker.observe(passing, {
      state: race.state,
      startedAt: this.startedAt(race),
    });
    if (observation.leaderLap !== null && this.settings.autoLaps)
      this.autoLaps.seen(race.id, observation.previousLeaderLaps, observation.leaderLap);
    this.changed();
  }

  /** The host's time of the race's start in ms (RaceState.startedAt: the entry that started it). */
  private startedAt(race: RaceView): number | null {
    const at = race.state.startedAt === null ? NaN : Date.parse(race.state.startedAt);
    return Number.isNaN(at) ? null : at;
  }

  private status(state: RaceState | undefined): TimingStatus {
    const client = this.decoder.client();
    const holes = this.decoder.holes();
    const counters = this.tracker.counters;
    const connection: TimingConnection =
      client === undefined
        ? 'off'
        : client.state === 'connected'
          ? 'connected'
          : client.state === 'reconnecting'
            ? 'reconnecting'
            : 'connecting';
    const badFrames = client
      ? Object.values(client.badFrames).reduce((sum, count) => sum + count, 0)
      : 0;
    const last = this.tracker.recent[0];
    const unknownTotals = this.tracker.unknownTotals;
    return {
      connection,
      url: this.settings.url,
      lastPassingAt: last?.receivedAt ?? null,
      lastRecordAt: client?.lastRecordAt ?? null,
      ...counters,
      // Assigned to a skater since (Assign to #..., the scan): known now.
      unknown: this.tracker.unknown.filter(
        (seen) => !state || bibOf(state, seen.transponder) === null,
      ),
      badFrames,
      skippedBytes: client?.skippedBytes ?? 0,
      connections: client?.connections ?? 0,
      retryInMs: client?.retryInMs ?? null,
      lastError: client?.lastError ?? this.decoder.lastError ?? this.lastError,
      clockOffsetMs: this.tracker.clockOffsetMs,
      missingPassings: holes.missing,
      resendRequests: holes.requests,
      unknownTransponders: unknownTotals.transponders,
      unknownPassings: unknownTotals.passings,
      startSource: this.tracker.startSource,
    };
  }

  /**
   * Something changed: the new view goes out once per turn of the event loop (a burst of a
   * bunch's passings is one push), and only when it differs from the last one.
   */
  private changed(): void {
    if (this.pushQueued || this.closed) return;
    this.pushQueued = true;
    queueMicrotask(() => {
      this.pushQueued = false;
      if (this.closed) return;
      this.push();
    });
  }

  /** The active race's groups from the tracker now; null when it is not tracked (a standby). */
  private derivedGaps(): ReturnType<DeriveGaps> {
    const race = this.race();
    if (!race || race.id !== this.trackedRace || this.standingBy) return null;
    const gaps = raceGaps({
      state: race.state,
      startMs: this.tracker.startDecoderMs,
      skaters: this.tracker.crossings(),
      thresholdMs: this.settings.groupGapSeconds * 1000,
      historyLaps: HISTORY_LAPS,
    });
    return { raceId: race.id, gaps };
  }

  /** Called with the groups each time they change (feeds: issue 21). */
  onGaps(listener: (gaps: GapsView) => void): () => void {
    return this.gapsOut.onGaps(listener);
  }

  private push(): void {
    this.gapsOut.schedule();
    const view = this.view();
    const { now: _now, seq: _seq, ...content } = view;
    const text = JSON.stringify(content);
    if (text === this.lastText) return;
    this.lastText = text;
    this.seq += 1;
    const pushed: TimingMessage = { type: 'timing', ...view, seq: this.seq };
    // The consoles follow it on the replication channel: the latest view wins (issue 20).
    this.options.session.channel.publish(timingName, 'latest', this.seq, {
      ...view,
      seq: this.seq,
    });
    for (const listener of this.listeners) listener(pushed);
  }
}

/**
 * The timing feed as the console words it (issue 12): which proposal the entry line offers,
 * how it reads, and "last passing 4 s ago" on the console's own clock. Pure, so it is tested
 * without a browser.
 */
import type { RaceView } from '../../../shared/race/view.ts';
import type {
  TimingProposal,
  TimingView,
  UnknownTransponder,
} from '../../../shared/timing/view.ts';
import type { LabelKey, LabelParams, Translate } from '../labels/i18n.ts';

/** The timing view and when this console got it (its own clock: never compared with the host's). */
export interface TimingFeed {
  readonly view: TimingView;
  /** The console's clock (ms) when the view arrived. */
  readonly receivedAt: number;
}

/** A proposal waits until it has been on screen this long (and the line sent nothing) before Enter takes it. */
export const proposalGuardMs = 600;

/** No passing for longer than this while connected during a running race: a warning. */
export const silentWarningMs = 60_000;

const kindOrder: Record<TimingProposal['kind'], number> = { sprint: 0, finish: 1, laps: 2, lap: 3 };

const sprintOf = (proposal: TimingProposal) => (proposal.kind === 'sprint' ? proposal.sprint : 0);

/**
 * The open proposals for the race on screen, the one to offer first: sprints (oldest first),
 * then the finish, then a laps correction, then a lap (only while auto laps is off).
 */
export function openProposals(
  view: TimingView | null,
  raceId: string | null,
): readonly TimingProposal[] {
  if (!view || raceId === null || view.raceId !== raceId) return [];
  return view.proposals
    .map((proposal, index) => ({ proposal, index }))
    .filter(({ proposal }) => proposal.kind !== 'lap' || !view.settings.autoLaps)
    .sort(
      (a, b) =>
        kindOrder[a.proposal.kind] - kindOrder[b.proposal.kind] ||
        sprintOf(a.proposal) - sprintOf(b.proposal) ||
        a.index - b.index,
    )
    .map(({ proposal }) => proposal);
}

/** What Tab puts in the entry line for a proposal ("S1 5 3 6", "F 12 5 7"); null: nothing to edit. */
export function proposalEntryText(proposal: TimingProposal): string | null {
  if (proposal.kind === 'sprint') return `S${proposal.sprint} ${proposal.bibs.join(' ')}`;
  if (proposal.kind === 'finish') return `F ${proposal.bibs.join(' ')}`;
  return null;
}

/** A proposal in words: "S1 5 3 6", "F 12 5 7", "lap 5 completed (leader 12)". */
export function proposalText(
  t: Translate,
  proposal: TimingProposal,
  race: RaceView | null,
): string {
  switch (proposal.kind) {
    case 'sprint':
      return proposalEntryText(proposal) ?? '';
    case 'finish': {
      // Lapped skaters are named apart: they are marked LAPPED with their laps, never timed.
      const lapped = (proposal.lapped ?? []).map((skater) => t('proposal.lapped', { ...skater }));
      const order = proposal.bibs.length > 0 ? [proposalEntryText(proposal) ?? ''] : [];
      return [...order, ...lapped].join(' · ');
    }
    case 'lap':
      return t('proposal.lap', { lap: proposal.lap, leader: proposal.leader });
    case 'laps':
      return t('proposal.laps', {
        laps: proposal.lapsCompleted,
        race: race?.state.lapsCompleted ?? '?',
      });
  }
}

/**
 * The unknown transponders not worn by anyone on the race's start list now: one assigned a
 * moment ago is no longer unknown, even before the host's feed says so.
 */
export function stillUnknown(
  unknown: readonly UnknownTransponder[],
  race: RaceView | null,
): readonly UnknownTransponder[] {
  const worn = new Set(
    (race?.state.skaters ?? []).flatMap((skater) =>
      skater.transponder ? [skater.transponder.trim().toLowerCase()] : [],
    ),
  );
  return unknown.filter((seen) => !worn.has(seen.transponder.trim().toLowerCase()));
}

/** How long ago (ms) a host-clock moment was, by the view's `now` and the console's own clock since. */
export function agoMs(feed: TimingFeed, hostAt: number, localNow: number): number {
  return Math.max(0, feed.view.now - hostAt + Math.max(0, localNow - feed.receivedAt));
}

/** When the race started (host clock, ms): the state's start (RaceState.startedAt), or null. */
export function raceStartedAt(race: RaceView | null): number | null {
  const at = race?.state.startedAt ?? null;
  const ms = at === null ? NaN : Date.parse(at);
  return Number.isNaN(ms) ? null : ms;
}

/** One part of the status line. */
export interface StatusPart {
  readonly key: LabelKey;
  readonly params?: LabelParams;
}

/** The timing status line: its parts, and whether it warns. */
export interface TimingSummary {
  readonly connection: TimingView['status']['connection'];
  readonly parts: readonly StatusPart[];
  readonly autoLaps: boolean;
  readonly warning: boolean;
}

/**
 * "Timing connected · last passing 4 s ago · 2 unknown transponders"; a warning when nothing
 * came from the loop for over a minute while connected during a running race (since the last
 * passing, or since the start when there was none).
 */
export function timingSummary(
  feed: TimingFeed | null,
  localNow: number,
  racing: {
    readonly running: boolean;
    readonly startedAt: number | null;
    /** The race on screen, whose start list makes a transponder known. */
    readonly race?: RaceView | null;
  },
): TimingSummary {
  if (!feed || feed.view.status.connection === 'off')
    return { connection: 'off', parts: [{ key: 'timing.off' }], autoLaps: false, warning: false };
  const { status, settings } = feed.view;
  const parts: StatusPart[] = [];
  let warning = false;
  if (status.connection === 'connecting') parts.push({ key: 'timing.connecting' });
  else if (status.connection === 'reconnecting') {
    parts.push({ key: 'timing.reconnecting' });
    if (status.retryInMs !== null) {
      const left = status.retryInMs - Math.max(0, localNow - feed.receivedAt);
      parts.push({
        key: 'timing.retryIn',
        params: { seconds: Math.max(0, Math.ceil(left / 1000)) },
      });
    }
  } else {
    parts.push({ key: 'timing.connected' });
    if (status.lastPassingAt !== null) {
      const seconds = Math.floor(agoMs(feed, status.lastPassingAt, localNow) / 1000);
      parts.push(
        seconds < 120
          ? { key: 'timing.lastPassing', params: { seconds } }
          : { key: 'timing.lastPassingMinutes', params: { minutes: Math.floor(seconds / 60) } },
      );
    } else parts.push({ key: 'timing.noPassings' });
    // Since the last passing, or since the start if that came later (or there was no passing).
    const known = [status.lastPassingAt, racing.startedAt].filter((at) => at !== null);
    const since = known.length > 0 ? Math.max(...known) : null;
    if (racing.running && since !== null) {
      const silent = agoMs(feed, since, localNow);
      if (silent > silentWarningMs) {
        warning = true;
        parts.push({ key: 'timing.silent', params: { seconds: Math.floor(silent / 1000) } });
      }
    }
  }
  if (status.missingPassings > 0)
    parts.push({ key: 'timing.missing', params: { count: status.missingPassings } });
  // Skaters the loop has not read for two of their laps: a hint, never applied.
  if (racing.running)
    for (const quiet of feed.view.silent ?? []) {
      warning = true;
      parts.push(
        quiet.sinceLap === 0
          ? { key: 'timing.noPassingFromStart', params: { bib: quiet.bib } }
          : { key: 'timing.noPassingFrom', params: { bib: quiet.bib, lap: quiet.sinceLap } },
      );
    }
  const unknown = stillUnknown(status.unknown, racing.race ?? null).length;
  if (unknown === 1) parts.push({ key: 'timing.unknownOne' });
  else if (unknown > 1) parts.push({ key: 'timing.unknownMany', params: { count: unknown } });
  return { connection: status.connection, parts, autoLaps: settings.autoLaps, warning };
}

/** The clock offset, "+120 ms", "−2.5 s". */
export function offsetText(ms: number | null): string {
  if (ms === null) return '—';
  const sign = ms < 0 ? '−' : '+';
  const size = Math.abs(ms);
  return size < 1000 ? `${sign}${Math.round(size)} ms` : `${sign}${(size / 1000).toFixed(1)} s`;
}

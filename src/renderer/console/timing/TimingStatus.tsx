import type { RaceView } from '../../../shared/race/view.ts';
import type { Translate } from '../labels/i18n.ts';
import { timingSummary, type TimingFeed } from './timing-text.ts';
import { useTicking, type Clock } from './use-timing.ts';

/**
 * Always in view, next to the host connection: the decoder connection, how long ago the last
 * passing came (ticking each second on the console's own clock), unknown transponders, auto
 * laps. Warns when the loop has been silent for over a minute during a running race.
 */
export function TimingStatus({
  t,
  feed,
  clock,
  running,
  startedAt,
  race = null,
}: {
  t: Translate;
  feed: TimingFeed | null;
  clock: Clock;
  /** The race on screen is running (started, not finished). */
  running: boolean;
  /** When it started (host clock, from its journal). */
  startedAt: number | null;
  /** The race on screen: a transponder on its start list is not unknown. */
  race?: RaceView | null;
}) {
  const ticked = useTicking(clock);
  // A view that came in after the last tick is newer than the tick.
  const now = Math.max(ticked, feed?.receivedAt ?? 0);
  const summary = timingSummary(feed, now, { running, startedAt, race });
  // "Timing reconnecting (retry in 2 s) · 1 unknown transponder"
  const text = summary.parts
    .map((part, index) => {
      const words = t(part.key, part.params);
      if (index === 0) return words;
      return part.key === 'timing.retryIn' ? ` (${words})` : ` · ${words}`;
    })
    .join('');
  return (
    <span
      className={`timing-status ${summary.connection}${summary.warning ? ' warning' : ''}`}
      data-testid="timing-status"
      data-state={summary.connection}
      data-warning={summary.warning ? '' : undefined}
      role="status"
      title={feed?.view.status.lastError ?? undefined}
    >
      {/* No space after the dot: its margin spaces it, so the status reads "Timing off ...". */}
      <span className="dot" aria-hidden="true" />
      {text}
      {summary.autoLaps && summary.connection !== 'off' && (
        <span className="tag timing-auto"> {t('timing.autoLaps')}</span>
      )}
    </span>
  );
}

/**
 * The groups and gaps on the replication channel (issue 21): derived again at most every
 * GAPS_EVERY_MS after the timing feed changed, published as the `gaps` value (a doc: only what
 * moved travels) when they changed, and told to the feeds. The lap goes out first: a bunch
 * crossing over a second is a few publishes, not one per skater.
 */
import { gapsName } from '../../shared/protocol/channel.ts';
import type { GapsView } from '../../shared/timing/gaps-view.ts';
import type { RaceGaps } from '../../shared/timing/groups.ts';
import type { Channel } from '../host/channel.ts';

/** The groups are derived and published at most this often (ms). */
const GAPS_EVERY_MS = 40;

/** The race the groups belong to and the groups, or null: nothing tracked, nothing shown. */
export type DeriveGaps = () => { readonly raceId: string; readonly gaps: RaceGaps } | null;

export class GapsPublisher {
  private seq = 0;
  private latest: GapsView | null = null;
  private latestText: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<(gaps: GapsView) => void>();

  constructor(
    private readonly channel: Channel,
    private readonly derive: DeriveGaps,
  ) {}

  /** The groups as last published; null when none are tracked. */
  current(): GapsView | null {
    return this.latest;
  }

  /** Called with the groups each time they change. */
  onGaps(listener: (gaps: GapsView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Something changed: derive again in a moment (once for a burst). */
  schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.publish();
    }, GAPS_EVERY_MS);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private publish(): void {
    const derived = this.derive();
    if (!derived) {
      this.latest = null;
      this.latestText = null;
      return;
    }
    const text = `${derived.raceId}\n${JSON.stringify(derived.gaps)}`;
    if (text === this.latestText) return;
    this.latestText = text;
    this.seq += 1;
    this.latest = { raceId: derived.raceId, seq: this.seq, ...derived.gaps };
    this.channel.publish(gapsName, 'doc', this.seq, this.latest);
    for (const listener of this.listeners) listener(this.latest);
  }
}

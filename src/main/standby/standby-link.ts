// The primary's end of the commit rule (issue 20): what its standby has acknowledged, and the
// wait for it. While the standby is connected and in step a change is answered (and shown)
// only once the standby has it on disk, waiting at most the bound; past that the primary carries
// on alone, "standby behind", until the standby has caught up again.
import type { Appended } from '../host/publisher.ts';
import type { StateSink } from '../host/channel.ts';

interface Waiter {
  readonly needs: readonly Appended[];
  readonly done: (inTime: boolean) => void;
}

/** The standby as its primary sees it. */
export class StandbyLink {
  /** The standby's channel sink (null: none connected). */
  private sink: StateSink | null = null;
  /** Its address, as it told it. */
  address: string | null = null;
  /** Name -> the revision it has on disk. */
  private readonly acked = new Map<string, number>();
  /** Name -> the revision this primary is at (what it published last). */
  private readonly heads = new Map<string, number>();
  private readonly waiters = new Set<Waiter>();
  /** The last wait ran out (or the standby left): commands go on alone until it catches up. */
  behind = false;
  lastHeard: number | null = null;

  constructor(
    private readonly boundMs: number,
    private readonly changed: () => void,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Whether a standby is connected. */
  get connected(): boolean {
    return this.sink !== null && this.sink.isOpen();
  }

  /** Changes the standby does not have on disk yet (lines and program changes). */
  get lag(): number {
    let lag = 0;
    for (const [name, head] of this.heads) lag += Math.max(0, head - (this.acked.get(name) ?? 0));
    return this.connected ? lag : 0;
  }

  /** The standby acknowledged revisions (its sink: the socket it follows on). */
  acknowledged(sink: StateSink, acked: Readonly<Record<string, number>>, address?: string): void {
    if (this.sink !== sink) {
      this.sink = sink;
      this.acked.clear();
    }
    if (address) this.address = address;
    this.lastHeard = this.clock();
    for (const [name, rev] of Object.entries(acked))
      this.acked.set(name, Math.max(rev, this.acked.get(name) ?? 0));
    for (const waiter of [...this.waiters])
      if (this.has(waiter.needs)) {
        this.waiters.delete(waiter);
        waiter.done(true);
      }
    if (this.behind && this.lag === 0) {
      this.behind = false;
      this.changed();
    }
  }

  /** A socket closed: true when it was the standby's. */
  gone(sink: StateSink): boolean {
    if (this.sink !== sink) return false;
    this.sink = null;
    for (const waiter of [...this.waiters]) waiter.done(false);
    this.waiters.clear();
    this.behind = true;
    this.changed();
    return true;
  }

  /**
   * The commit rule for a change: 'in step' once the standby has it on disk, 'alone' at once
   * when there is no standby in step, 'timed out' after the bound (then "standby behind").
   */
  async wait(appended: readonly Appended[]): Promise<'in step' | 'alone' | 'timed out'> {
    for (const { name, rev } of appended) this.heads.set(name, rev);
    if (!this.connected || this.behind) return 'alone';
    if (this.has(appended)) return 'in step';
    const inTime = await new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        needs: appended,
        done: (ok) => {
          clearTimeout(timer);
          resolve(ok);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(false);
      }, this.boundMs);
      this.waiters.add(waiter);
    });
    if (inTime) return 'in step';
    if (!this.behind) {
      this.behind = true;
      this.changed();
    }
    return 'timed out';
  }

  private has(needs: readonly Appended[]): boolean {
    return needs.every(({ name, rev }) => (this.acked.get(name) ?? 0) >= rev);
  }
}

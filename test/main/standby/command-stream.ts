// The operator of the failover tests and bench (issue 20): sends race commands one after another
// to whichever host is the primary now, and keeps every acknowledged journal entry, so what a
// takeover kept can be checked against what the operator was told.
import { benchRaceSetUp, cycleCommand } from '../../bench/host-bench-common.ts';
import type { JournalEntry, RaceCommand } from '../../../src/shared/race/events.ts';
import { sleep, type StandbyPair } from '../../support/standby-pair.ts';

/** The race the demo meeting makes active. */
export const streamedRace = 'men-semi-1';

/** Sets the demo's active race up for the command cycle (24 skaters, started, 4 laps, a sprint). */
export async function setUpStreamedRace(pair: StandbyPair): Promise<JournalEntry[]> {
  const acked: JournalEntry[] = [];
  for (const command of benchRaceSetUp()) {
    const { status, json } = await pair.command(pair.primary, command);
    if (status !== 200) throw new Error(`set-up ${command.type}: ${status} ${json.error}`);
    acked.push(...(json.entries ?? []));
  }
  return acked;
}

/**
 * Streams the bench's command cycle (valid forever: test/bench/host-bench-common.ts) to the
 * pair's primary of the moment, one command at a time, until stopped. A host that dies or
 * refuses answers nothing that counts; only a 200 with its entries is an acknowledgement.
 */
export class CommandStream {
  /** Every entry a 200 carried, in the order acknowledged. */
  readonly acked: JournalEntry[] = [];
  /** Replies that were not 200, by status (0: no answer: the host died or stalled). */
  readonly refused = new Map<number, number>();
  private next = 0;
  private running: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly pair: StandbyPair,
    acked: readonly JournalEntry[] = [],
  ) {
    this.acked.push(...acked);
  }

  /** Starts sending (again). */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  /** Stops after the command in flight has its answer (or failed). */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
    this.running = null;
  }

  /** Commands sent so far. */
  get sent(): number {
    return this.next;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const command = cycleCommand(this.next++);
      try {
        const { status, json } = await this.pair.command(this.pair.primary, command, 3000);
        if (status === 200 && json.ok) this.acked.push(...(json.entries ?? []));
        else this.count(status);
      } catch {
        this.count(0);
        await sleep(5);
      }
    }
  }

  private count(status: number): void {
    this.refused.set(status, (this.refused.get(status) ?? 0) + 1);
  }
}

/**
 * The acknowledged entries a journal does not hold: matched by sequence number and then by
 * time, source and event, so an entry of the other host's under the same number does not count.
 */
export function missingFrom(
  journal: readonly JournalEntry[],
  acked: readonly JournalEntry[],
): JournalEntry[] {
  const same = (a: JournalEntry, b: JournalEntry | undefined) =>
    b !== undefined &&
    a.seq === b.seq &&
    a.at === b.at &&
    a.source === b.source &&
    JSON.stringify(a.event) === JSON.stringify(b.event);
  return acked.filter((entry) => !same(entry, journal[entry.seq - 1]));
}

/** A command any race takes at any time: skater `bib` renamed (`n` makes each name new). */
export function renameCommand(n: number): RaceCommand {
  const bib = 1 + (n % 24);
  return { type: 'skater/edited', bib, name: `Renamed ${bib} ${n}` };
}

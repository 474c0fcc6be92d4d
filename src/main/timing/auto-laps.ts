/**
 * Auto laps (issues 12 and 17): the leader's new laps counted by the timing feed, once, at the
 * moment the loop sees them. One after the other: a lap seen while the last one is still being
 * written waits for it (under load a bunch of passings can arrive in one burst), so the race is
 * never left a lap behind the loop for the rest of the race.
 */
import type { Reply } from '../../shared/protocol/reply.ts';
import type { RaceCommand } from '../../shared/race/events.ts';
import { lapsToGo } from '../../shared/race/progress.ts';
import type { RaceView } from '../../shared/race/view.ts';

/** What auto laps needs of the host: the race now, and a batch sent as the timing feed. */
export interface AutoLapsHost {
  race(): RaceView | null;
  send(raceId: string, commands: readonly RaceCommand[], revision: number): Promise<Reply>;
  /** Something to tell the operator (a lap that could not be counted), or the log. */
  problem(words: string): void;
  /** The pending lap changed: the proposals the consoles see change with it. */
  changed(): void;
}

/** More laps than this at once are a laps correction for the operator, never counted alone. */
const MOST_AT_ONCE = 3;
/** Tries when a command lands between the look and the lap (409). */
const TRIES = 5;

export class AutoLaps {
  private queue: Promise<void> = Promise.resolve();
  private pendingLap: number | null = null;

  constructor(private readonly host: AutoLapsHost) {}

  /** The leader lap being counted now (its proposal is not shown meanwhile: no flash). */
  get pending(): number | null {
    return this.pendingLap;
  }

  /** The loop saw the leader take the race from `from` to `to` laps. */
  seen(raceId: string, from: number, to: number): void {
    this.pendingLap = Math.max(this.pendingLap ?? 0, to);
    this.queue = this.queue
      .then(() => this.count(raceId, from, to))
      .catch((error: unknown) => this.host.problem(`auto lap ${to}: ${String(error)}`));
  }

  /** Resolves when every lap seen so far is counted (or given up). */
  settled(): Promise<void> {
    return this.queue;
  }

  /**
   * Counts the new laps only if the race was in step with the loop before (at the laps timing had
   * counted): a lap entered by hand first (or an undo after) is never fought. Usually one lap;
   * after a dropped connection whose passings come back late, the laps the loop saw meanwhile.
   * Against the race's revision, so a command landing in between wins; then it looks again.
   */
  private async count(raceId: string, from: number, to: number): Promise<void> {
    let race = this.host.race();
    try {
      if (race?.id !== raceId) return;
      const laps = Math.min(to, race.state.format.laps) - from;
      if (laps < 1 || laps > MOST_AT_ONCE) return;
      const commands = Array.from({ length: laps }, (): RaceCommand => ({ type: 'lap/completed' }));
      for (let attempt = 0; attempt < TRIES && race; attempt += 1) {
        if (race.state.lapsCompleted !== from || lapsToGo(race.state) === 0) return;
        const reply = await this.host.send(race.id, commands, race.revision);
        if (reply.ok) return;
        if (reply.status !== 409) {
          this.host.problem(`auto lap ${to} not counted: ${reply.error}`);
          return;
        }
        const now = this.host.race();
        race = now?.id === raceId ? now : null;
      }
    } finally {
      if (this.pendingLap === to) this.pendingLap = null;
      this.host.changed();
    }
  }
}

// A scheduler the test drives (src/main/host/scheduler.ts): time stands still until the test
// moves it, and timers fire only then, so no test sleeps on the wall clock (issue 10).
import type { Scheduler } from '../../src/main/host/scheduler.ts';

interface Task {
  readonly at: number;
  readonly order: number;
  readonly run: () => void;
}

/** A clock and timers that move only when the test says so. */
export class ManualScheduler implements Scheduler {
  private time: number;
  private tasks: Task[] = [];
  private order = 0;
  private waiting: (() => void)[] = [];

  constructor(start = '2026-02-21T15:00:00.000Z') {
    this.time = Date.parse(start);
  }

  now(): Date {
    return new Date(this.time);
  }

  after(ms: number, run: () => void): () => void {
    const task = { at: this.time + Math.max(0, ms), order: this.order++, run };
    this.tasks.push(task);
    for (const wake of this.waiting.splice(0)) wake();
    return () => {
      this.tasks = this.tasks.filter((other) => other !== task);
    };
  }

  /** Timers set and not yet run or cancelled. */
  get pending(): number {
    return this.tasks.length;
  }

  /** Milliseconds since the start. */
  elapsedSince(start: string): number {
    return this.time - Date.parse(start);
  }

  /** Settles once a timer is pending (at once if one is): the code under test is waiting. */
  whenWaiting(): Promise<void> {
    if (this.tasks.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Moves the clock to the next timer and runs it; false if none is pending. */
  runNext(): boolean {
    const [next] = [...this.tasks].sort((a, b) => a.at - b.at || a.order - b.order);
    if (!next) return false;
    this.tasks = this.tasks.filter((task) => task !== next);
    this.time = Math.max(this.time, next.at);
    next.run();
    return true;
  }

  /**
   * Runs timers as the code under test sets them, moving the clock to each, until `settled`
   * settles (what the test waits for, e.g. a rehearsal's end). The code may do real I/O between
   * timers: this waits for its next timer, not for a span of wall-clock time.
   */
  async runUntil(settled: Promise<unknown>): Promise<void> {
    let done = false;
    const finished = settled.then(
      () => (done = true),
      () => (done = true),
    );
    while (!done) {
      await Promise.race([finished, this.whenWaiting()]);
      if (!done) this.runNext();
    }
    await settled;
  }
}

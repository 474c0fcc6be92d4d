/**
 * Time for the host (issue 10, "Time is injected"): the clock and the timers come through this
 * interface, so tests drive them (test/support/manual-scheduler.ts) instead of sleeping on the
 * wall clock. This file is the only one in src/main/host that reads the real clock and timers
 * (an ESLint rule keeps it so).
 */

/** The clock and one-shot timers. */
export interface Scheduler {
  /** The time now. */
  now(): Date;
  /** Runs `task` once `ms` have passed (at once for 0 or less, but never synchronously); returns a cancel. */
  after(ms: number, task: () => void): () => void;
}

/** Waits `ms` on a scheduler; `wake` (for a stop) ends the wait early. */
export function sleep(scheduler: Scheduler, ms: number): { done: Promise<void>; wake: () => void } {
  let wake: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    const cancel = scheduler.after(ms, resolve);
    wake = () => {
      cancel();
      resolve();
    };
  });
  return { done, wake };
}

/** The real clock and timers. */
export const realScheduler: Scheduler = {
  now: () => new Date(),
  after(ms, task) {
    const timer = setTimeout(task, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
};

/**
 * Part 2 of `npm run bench:standby`: what the standby adds to command -> views. One primary
 * (`massstart serve`), 20 view sockets and a control socket (host-bench-ws-clients.ts); the same
 * commands measured with the primary alone, then with a standby in step (each change waits for
 * the standby's fsync: the commit rule), then with the standby SIGSTOPped (each change waits at
 * most the commit bound, then the primary carries on alone).
 */
import { setUpStreamedRace } from '../main/standby/command-stream.ts';
import { StandbyPair } from '../support/standby-pair.ts';
import { progress, summarize, type Summary } from './host-bench-common.ts';
import { Fleet } from './host-bench-ws-clients.ts';

export const VIEWS = 20;
const WARMUP = 100;
const MEASURED = 1000;
const PAUSED = 200;

/** Command -> all views (and -> ack) in each setting. */
export interface ViewsResult {
  readonly alone: Summary;
  readonly withStandby: Summary;
  /** Command -> ack with the standby paused. */
  readonly pausedAck: Summary;
  readonly pausedAll: Summary;
  readonly saidBehind: boolean;
  readonly caughtUpMs: number;
}

async function measure(fleet: Fleet, count: number, label: string) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    samples.push(await fleet.one(5_000));
    if ((i + 1) % 500 === 0) progress(`views, ${label}: ${i + 1}/${count}`);
  }
  return samples;
}

/** Runs the three settings on one pair. */
export async function runViews(): Promise<ViewsResult> {
  const pair = await StandbyPair.start({ alone: true });
  let fleet: Fleet | null = null;
  try {
    await setUpStreamedRace(pair);
    const state = await pair.call<{ revision: number }>(pair.primary, '/api/v1/state');
    fleet = new Fleet(state.json.revision);
    const url = `${pair.primary.base.replace(/^http/, 'ws')}/api/v1/ws?v=2&token=`;
    await fleet.open(url, pair.tokens.view, pair.tokens.control, VIEWS);

    await measure(fleet, WARMUP, 'alone, warm-up');
    const alone = await measure(fleet, MEASURED, 'primary alone');
    progress('views: starting the standby');
    await pair.follow();
    await measure(fleet, WARMUP, 'with standby, warm-up');
    const withStandby = await measure(fleet, MEASURED, 'with a standby in step');

    pair.pause(pair.standby);
    const paused = await measure(fleet, PAUSED, 'standby SIGSTOPped').finally(() =>
      pair.resume(pair.standby),
    );
    const saidBehind = (await pair.role(pair.primary)).standbyBehind;
    const resumed = performance.now();
    await pair.waitInStep(30_000);
    return {
      alone: summarize(alone.map((s) => s.all)),
      withStandby: summarize(withStandby.map((s) => s.all)),
      pausedAck: summarize(paused.map((s) => s.ack)),
      pausedAll: summarize(paused.map((s) => s.all)),
      saidBehind,
      caughtUpMs: performance.now() - resumed,
    };
  } finally {
    fleet?.close();
    await pair.close();
  }
}

/**
 * Part 1 of `npm run bench:standby`: failover time over many SIGKILLs of the primary. An operator
 * streams commands to the primary (recording every acknowledgement) and a board's socket sits on
 * the standby; the primary is killed at a random point, the standby takes over, and the time is
 * taken from the kill to the takeover's answer and to the first state from the new primary (its
 * epoch) at the board. Then the lines lost (acknowledged, missing from the new primary's
 * journal), the old primary restarted on its folder (does it refuse?), its rejoin, and the state
 * hashes. The roles alternate, so one pair of processes yields every kill.
 */
import type { JournalEntry } from '../../src/shared/race/events.ts';
import {
  CommandStream,
  missingFrom,
  renameCommand,
  setUpStreamedRace,
  streamedRace,
} from '../main/standby/command-stream.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { sleep, StandbyPair } from '../support/standby-pair.ts';
import { progress } from './host-bench-common.ts';
import { ValueWatch } from './standby-bench-watch.ts';

/** What the kills came to. */
export interface FailoverResult {
  readonly kills: number;
  /** Forced takeovers: ms from the SIGKILL to the takeover's 200, and to the board's first state. */
  readonly toTakeover: number[];
  readonly toBoard: number[];
  /** From the takeover's 200 to the board's first state of the new epoch (may be below 0). */
  readonly takeoverToBoard: number[];
  /** Takeovers without force (allowed once the primary is silent for 1.5 s): kill -> board. */
  readonly unforcedToBoard: number[];
  readonly acked: number;
  readonly lost: readonly JournalEntry[];
  readonly hashMismatches: number;
  /** Commands sent three at a time to each restarted old primary before its rejoin. */
  readonly sentWhileDeposed: number;
  readonly acceptedWhileDeposed: number;
  readonly restartMs: number[];
  readonly rejoinToInStepMs: number[];
  /** Cycles in which the primary said "standby behind" while the stream ran (lines at risk). */
  readonly behindCycles: number;
  readonly refusedByStatus: ReadonlyMap<number, number>;
  readonly divergedFiles: number;
}

/** `kills` SIGKILLs; every `unforcedEvery`-th takeover waits for the 1.5 s silence instead of forcing. */
export async function runFailover(kills: number, unforcedEvery: number): Promise<FailoverResult> {
  const random = seededRandom(Number(process.env.STANDBY_SEED ?? 20260220));
  const pair = await StandbyPair.start();
  const result = {
    kills: 0,
    toTakeover: [] as number[],
    toBoard: [] as number[],
    takeoverToBoard: [] as number[],
    unforcedToBoard: [] as number[],
    lost: [] as JournalEntry[],
    hashMismatches: 0,
    sentWhileDeposed: 0,
    acceptedWhileDeposed: 0,
    restartMs: [] as number[],
    rejoinToInStepMs: [] as number[],
    behindCycles: 0,
    divergedFiles: 0,
  };
  const stream = new CommandStream(pair, await setUpStreamedRace(pair));
  try {
    for (let kill = 0; kill < kills; kill++) {
      await stream.stop();
      await pair.waitInStep();
      const board = await ValueWatch.open(pair.standby.base, pair.tokens.view);
      const epochBefore = (await pair.role(pair.primary)).epoch;
      const primaryWatch = await ValueWatch.open(pair.primary.base, pair.tokens.view);
      stream.start();
      await sleep(20 + random.int(500));
      const victim = pair.primary;
      const killed = performance.now();
      await pair.kill(victim);
      const unforced = unforcedEvery > 0 && kill % unforcedEvery === unforcedEvery - 1;
      let takeover = await pair.takeOver(!unforced);
      while (unforced && takeover.status === 409) {
        await sleep(20);
        takeover = await pair.takeOver(false);
      }
      const tookOver = performance.now();
      if (takeover.status !== 200) throw new Error(`takeover: ${takeover.json.error}`);
      const shown = await board.stateAfterEpoch(epochBefore, 10_000);
      if (unforced) result.unforcedToBoard.push(shown - killed);
      else {
        result.toTakeover.push(tookOver - killed);
        result.toBoard.push(shown - killed);
        result.takeoverToBoard.push(shown - tookOver);
      }
      if (primaryWatch.standbyBehindSeen) result.behindCycles += 1;
      primaryWatch.close();
      board.close();
      result.kills += 1;

      const told = stream.acked.slice();
      result.lost.push(...missingFrom(await pair.journal(pair.primary, streamedRace), told));

      const restarting = performance.now();
      await pair.restart(victim);
      result.restartMs.push(performance.now() - restarting);
      const replies = await Promise.all(
        [1, 2, 3].map((i) => pair.command(victim, renameCommand(1000 * kill + i))),
      );
      result.sentWhileDeposed += replies.length;
      result.acceptedWhileDeposed += replies.filter((reply) => reply.status === 200).length;
      const rejoin = await pair.rejoin(victim);
      if (rejoin.status !== 200) throw new Error(`rejoin: ${rejoin.json.error}`);
      // In step again: the same journals (state hashes) on both, with the stream stopped.
      await stream.stop();
      const rejoined = performance.now();
      try {
        await pair.waitInStep(15_000);
      } catch (error) {
        result.hashMismatches += 1;
        progress(`kill ${kill + 1}: ${(error as Error).message}`);
        break;
      }
      result.rejoinToInStepMs.push(performance.now() - rejoined);
      result.divergedFiles += (await pair.role(victim)).diverged.length;
      if ((kill + 1) % 10 === 0) progress(`failover: ${kill + 1}/${kills} kills`);
    }
    await stream.stop();
    // Last: both journals hold every acknowledgement.
    await pair.waitInStep();
    for (const host of [pair.primary, pair.standby])
      result.lost.push(...missingFrom(await pair.journal(host, streamedRace), stream.acked));
    const lost = new Map(result.lost.map((entry) => [JSON.stringify(entry), entry]));
    return {
      ...result,
      lost: [...lost.values()],
      acked: stream.acked.length,
      refusedByStatus: stream.refused,
    };
  } finally {
    await stream.stop();
    await pair.close();
  }
}

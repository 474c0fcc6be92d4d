// Issue 20, part 4: two real `massstart serve` processes on loopback. An operator streams
// commands to the primary; the primary is SIGKILLed at random points and the standby takes
// over: every acknowledged command is in the new primary's journal, the old primary restarted
// on its folder refuses commands until it rejoins, and then the two state hashes are equal. The
// roles alternate, so one pair yields every kill. Then a pause instead of a kill, and a standby
// that falls behind.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../src/shared/race/events.ts';
import { seededRandom } from '../../support/seeded-random.ts';
import { sleep, StandbyPair } from '../../support/standby-pair.ts';
import {
  CommandStream,
  missingFrom,
  renameCommand,
  setUpStreamedRace,
  streamedRace,
} from './command-stream.ts';

// A kill per cycle; CI runs 8 (about 2 s each on two cores), STANDBY_KILLS=50 for more.
const kills = Number(process.env.STANDBY_KILLS ?? 6);
const seed = Number(process.env.STANDBY_SEED ?? 20260220);
const deposedRefusal =
  /^deposed at epoch \d+ by http:\/\/127\.0\.0\.1:\d+: this host is now a standby/;

describe('SIGKILL the primary, take over on the standby', () => {
  let pair: StandbyPair | null = null;
  // The commit rule holds while the standby is in step; past the bound the primary carries on
  // alone by design (a kill then may lose lines). A 2-core machine shared with other test runs
  // can stall for 300 ms, so this pair waits up to 1 s: the rule is what is under test here.
  beforeAll(async () => {
    pair = await StandbyPair.start({ commitBoundMs: 1000 });
  }, 30_000);
  afterAll(() => pair?.close());

  it(
    `keeps every acknowledged command through ${kills} kills, fences and rejoins`,
    async () => {
      const p = pair!;
      const random = seededRandom(seed);
      const stream = new CommandStream(p, await setUpStreamedRace(p));
      const context = (kill: number) => `kill ${kill + 1} of ${kills} (STANDBY_SEED=${seed})`;
      const acceptedWhileDeposed: JournalEntry[] = [];
      try {
        for (let kill = 0; kill < kills; kill++) {
          await stream.stop();
          await p.waitInStep();
          stream.start();
          await sleep(20 + random.int(400));
          const victim = p.primary;
          await p.kill(victim);
          const takeover = await p.takeOver(true);
          expect(takeover.status, `${context(kill)}: ${takeover.json.error}`).toBe(200);
          // Every acknowledgement the operator had before asking is in the new primary's journal
          // (the stream goes on meanwhile, to the new primary).
          const told = stream.acked.slice();
          const journal = await p.journal(p.primary, streamedRace);
          expect(missingFrom(journal, told), `${context(kill)}: acknowledged, then lost`).toEqual(
            [],
          );

          // Restarted on its folder, the old primary asks its peer before it takes anything: three
          // commands at once (an operator's console and a Stream Deck) are all refused.
          await p.restart(victim);
          const replies = await Promise.all(
            [1, 2, 3].map((i) => p.command(victim, renameCommand(1000 * kill + i))),
          );
          const accepted: JournalEntry[] = [];
          for (const reply of replies) {
            if (reply.status === 200) accepted.push(...(reply.json.entries ?? []));
            else expect(reply.json.error, context(kill)).toMatch(deposedRefusal);
          }
          acceptedWhileDeposed.push(...accepted);
          const rejoined = await p.rejoin(victim);
          expect(rejoined.status, `${context(kill)}: rejoin ${rejoined.json.error}`).toBe(200);
          // Rejoined: the same journal on both; whatever it took alone is set aside, not deleted.
          await stream.stop();
          await p.waitInStep();
          if (accepted.length > 0) {
            const text = await divergedText(victim.dataDir);
            for (const entry of accepted)
              expect(text, context(kill)).toContain(JSON.stringify(entry));
          }
        }
        await stream.stop();
        await p.waitInStep();
        const [primary, standby] = await Promise.all([p.role(p.primary), p.role(p.standby)]);
        expect(standby.stateHash).toBe(primary.stateHash);
        expect(primary.epoch).toBe(kills + 1);
        for (const host of [p.primary, p.standby])
          expect(missingFrom(await p.journal(host, streamedRace), stream.acked)).toEqual([]);
        // The stream ran: a kill point now and then lands between commands, most inside one.
        expect(stream.acked.length).toBeGreaterThan(kills * 5);
      } finally {
        await stream.stop();
      }
      expect(acceptedWhileDeposed, 'acknowledged by a restarted old primary').toEqual([]);
    },
    30_000 + kills * 5000,
  );
});

/** Every journal a host set aside in DATA/diverged/, as one text. */
async function divergedText(dataDir: string): Promise<string> {
  const folder = join(dataDir, 'diverged');
  const files = await readdir(folder).catch(() => [] as string[]);
  const texts = await Promise.all(files.map((file) => readFile(join(folder, file), 'utf8')));
  return texts.join('');
}

/** A pair on the product's own commit bound (300 ms), its race set up, for one test. */
function freshPair(): { pair: () => StandbyPair; acked: JournalEntry[] } {
  let pair: StandbyPair | null = null;
  const acked: JournalEntry[] = [];
  beforeAll(async () => {
    pair = await StandbyPair.start();
    acked.push(...(await setUpStreamedRace(pair)));
  }, 30_000);
  afterAll(() => pair?.close());
  return { pair: () => pair!, acked };
}

describe('a pause instead of a kill (SIGSTOP, forced takeover, SIGCONT)', () => {
  const { pair, acked } = freshPair();

  it('the old primary accepts nothing once resumed; its lines after the split are set aside', async () => {
    const p = pair();
    const old = p.primary;
    p.pause(old);
    const takeover = await p.takeOver(true);
    expect(takeover.status, takeover.json.error).toBe(200);
    const split = (await p.role(p.primary)).position.races[streamedRace]!;
    // Sent to the paused host (three at once: a console, a Stream Deck, the timing feed): they
    // wait in its sockets until it runs again.
    const queued = [0, 1, 2].map((i) => p.command(old, renameCommand(i), 5000));
    for (let i = 10; i < 12; i++) {
      const reply = await p.command(p.primary, renameCommand(i));
      expect(reply.status, reply.json.error).toBe(200);
      acked.push(...(reply.json.entries ?? []));
    }
    await sleep(100);
    const resumed = performance.now();
    p.resume(old);
    const answers = await Promise.all(queued);
    const next = await p.command(old, renameCommand(9));
    const learnedMs = performance.now() - resumed;
    // What the old primary acknowledged after the takeover is what an operator would believe.
    const acceptedAfterSplit = answers.filter((a) => a.status === 200);
    for (const answer of acceptedAfterSplit) acked.push(...(answer.json.entries ?? []));
    const said = answers.map((a) => `${a.status} ${a.json.error ?? ''}`);
    expect
      .soft(
        said.filter((answer) => !/^409 deposed at epoch 2 /.test(answer)),
        'the paused primary, resumed, answered the commands sent during the pause',
      )
      .toEqual([]);
    expect.soft(next.status).toBe(409);
    expect.soft(next.json.error).toMatch(deposedRefusal);
    expect.soft(learnedMs).toBeLessThan(2000);

    // Whatever the old primary wrote after the split (lines the new primary never had).
    const own = await p.journal(old, streamedRace);
    const later = own.slice(split);
    expect((await p.rejoin(old)).status).toBe(200);
    await p.waitInStep();
    const role = await p.role(old);
    if (later.length === 0) expect(role.diverged).toEqual([]);
    else {
      expect(role.diverged.length).toBeGreaterThan(0);
      const text = await divergedText(old.dataDir);
      for (const entry of later) expect(text).toContain(JSON.stringify(entry));
    }
    const lost = missingFrom(await p.journal(p.primary, streamedRace), acked);
    expect(lost, 'acknowledged, then lost').toEqual([]);
  }, 30_000);
});

describe('a standby that falls behind (SIGSTOP on the standby)', () => {
  const { pair, acked } = freshPair();

  it('holds each command up to about the bound, says "standby behind", then catches up', async () => {
    const p = pair();
    p.pause(p.standby);
    const took: number[] = [];
    try {
      for (let i = 0; i < 6; i++) {
        const started = performance.now();
        const reply = await p.command(p.primary, renameCommand(100 + i));
        took.push(performance.now() - started);
        expect(reply.status, reply.json.error).toBe(200);
        acked.push(...(reply.json.entries ?? []));
      }
      // The first waits the bound (300 ms), then asks the silent peer whether it took over
      // (at most 300 ms); the rest go on alone.
      const times = took.map((t) => t.toFixed(0)).join(', ');
      expect(Math.max(...took), `answer times ${times} ms`).toBeLessThan(1000);
      const alone = await p.role(p.primary);
      expect(alone.role).toBe('primary');
      expect(alone.standbyBehind).toBe(true);
    } finally {
      p.resume(p.standby);
    }
    await p.waitInStep(10_000);
    expect(missingFrom(await p.journal(p.standby, streamedRace), acked)).toEqual([]);
  }, 30_000);
});

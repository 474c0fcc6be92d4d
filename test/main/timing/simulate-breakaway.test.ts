// `massstart simulate-decoder --breakaway` (issue 21): the decoder simulator plays a race with
// known groups (src/shared/timing/breakaway-race.ts) and prints what the race will tell and each
// lap's true groups and gaps, to hold against what a board shows. In-process, on loopback.
import { afterEach, describe, expect, it } from 'vitest';
import {
  simulateDecoderCommand,
  SimulatorUsageError,
} from '../../../src/main/cli/simulate-decoder.ts';
import { P3Client } from '../../../src/main/timing/p3-client.ts';
import { breakawayRace } from '../../../src/shared/timing/breakaway-race.ts';

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((run) => run.close()));
});

describe('massstart simulate-decoder --breakaway', () => {
  it('plays a race with known groups and prints each lap’s true groups once the lap is in', async () => {
    const lines: string[] = [];
    const simulator = await simulateDecoderCommand(
      ['--breakaway', '--port', '0', '--speed', '1000', '--seed', '32', '--lead-in', '0.2'],
      (line) => lines.push(line),
    );
    running.push(simulator);
    const expected = breakawayRace({ seed: 32, skaters: 16 });
    expect(lines[1]).toBe(
      `Sim Mass Start · Breakaway (seed 32): 16 skaters, 16 laps, ${expected.race.passings.length} passings, the gun in 0.00 s`,
    );
    expect(lines).toContain(
      'breakaway: #9 #3 away from lap 6, caught at lap 12; chase #5 #10 laps 7-10; #14 off the back after lap 3, lapped at lap 12',
    );
    const port = Number(/:(\d+) /.exec(lines[0]!)![1]);
    const client = new P3Client({ host: '127.0.0.1', port, initialBackoffMs: 20 });
    running.push({ close: () => client.stop() });
    client.start();
    await simulator.done;
    const truths = lines.filter((line) => line.startsWith('  lap '));
    expect(truths).toHaveLength(16);
    // Lap 8: the pair away, the chase between, the bunch, the straggler; the figures the truth's.
    const [away, chase, bunch, straggler] = expected.truth[7]!.groups;
    const s = (group: typeof away) => `+${group!.behindLeaderSeconds.toFixed(2)}`;
    expect(truths[7]).toBe(
      `  lap 8 groups (truth): #9 #3 +0.00 | #${chase!.helmets.join(' #')} ${s(chase)} | bunch of ${bunch!.helmets.length} ${s(bunch)} | #14 ${s(straggler)}`,
    );
    expect(away!.helmets).toEqual([9, 3]);
    // Each truth line comes after its lap's leader and before the next lap's.
    const order = lines.filter((line) => /^(lap \d+\/16| {2}lap \d+ groups)/.test(line));
    order.forEach((line, i) => {
      const lap = Number(/lap (\d+)/.exec(line)![1]);
      if (line.startsWith(' ')) expect(order[i - 1]).toMatch(new RegExp(`^lap ${lap}/16 `));
    });
  });

  it('refuses --breakaway with --race, and a field too small for one', async () => {
    const refusal = (...args: string[]) =>
      simulateDecoderCommand(args, () => undefined).then(
        (run) => {
          running.push(run);
          return new Error('accepted');
        },
        (error: unknown) => error,
      );
    const withRace = await refusal('--breakaway', '--race', 'x.jsonl', '--port', '0');
    expect(withRace).toBeInstanceOf(SimulatorUsageError);
    expect((withRace as Error).message).toBe(
      '--breakaway plays a generated race: leave out --race',
    );
    const small = await refusal('--breakaway', '--skaters', '5', '--port', '0');
    expect(small).toBeInstanceOf(SimulatorUsageError);
    expect((small as Error).message).toBe('--skaters must be a whole number from 6 to 24, not "5"');
  });
});

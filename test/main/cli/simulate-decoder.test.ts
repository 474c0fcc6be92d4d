import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  simulateDecoderCommand,
  SimulatorUsageError,
} from '../../../src/main/cli/simulate-decoder.ts';
import { P3Client } from '../../../src/main/timing/p3-client.ts';

const demoFile = 'resources/demo/recorded-semi1.jsonl';
let dir: string;
const running: { close(): Promise<void> }[] = [];
const clients: P3Client[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'simulate-decoder-'));
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.stop()));
  await Promise.all(running.splice(0).map((run) => run.close()));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(...args: string[]) {
  const lines: string[] = [];
  const simulator = await simulateDecoderCommand(args, (line) => lines.push(line));
  running.push(simulator);
  return { simulator, lines };
}

/** The error simulateDecoderCommand rejects with. */
async function refusal(...args: string[]): Promise<SimulatorUsageError> {
  const error: unknown = await run(...args).then(
    () => new Error('accepted'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SimulatorUsageError);
  return error as SimulatorUsageError;
}

describe('massstart simulate-decoder: options', () => {
  it.each([
    [['--speed', '0'], /--speed must be a number from 0.1 to 1000, not "0"/],
    [['--speed', 'fast'], /--speed .*"fast"/],
    [['--port', '70000'], /--port must be a whole number from 0 to 65535/],
    [['--port', '80.5'], /--port/],
    [['--skaters', '3'], /--skaters must be a whole number from 4 to 24, not "3"/],
    [['--skaters', '25'], /--skaters/],
    [['--seed', 'x'], /--seed/],
    [['--lead-in', '7200'], /--lead-in must be a number from 0 to 3600/],
    [['--lead-in', '-1'], /--lead-in/],
    [['--clock-offset', 'soon'], /--clock-offset/],
    [['--drop-at', '-2'], /--drop-at/],
    [['--drop-at', '100000'], /--drop-at 100000: the race has passings 0 to \d+/],
    [['--bogus'], /--bogus/],
    [['--speed'], /--speed/],
    [['--host', ' '], /--host/],
    [['extra'], /options only, not "extra"/],
    [['--race', demoFile, '--skaters', '8'], /--skaters is for a generated race/],
    [['--race', 'no/such/file.jsonl'], /--race no\/such\/file.jsonl: cannot read it \(ENOENT\)/],
  ])('refuses %j, naming the option', async (args, message) => {
    expect((await refusal(...args)).message).toMatch(message);
  });

  it('names the line of a bad --race journal entry', async () => {
    const lines = (await readFile(demoFile, 'utf8')).trimEnd().split('\n');
    const bad = join(dir, 'bad.jsonl');
    await writeFile(
      bad,
      [lines[0], '{"seq":2,"at":"x","source":"ws"}', ...lines.slice(2)].join('\n'),
    );
    const error = await refusal('--race', bad);
    expect(error.message).toMatch(new RegExp(`^--race ${bad}: line 2: `));
    expect(error.message).toMatch(/event/);
    const broken = join(dir, 'broken.jsonl');
    await writeFile(broken, [...lines.slice(0, 3), '{"seq": 4,', ...lines.slice(4)].join('\n'));
    expect((await refusal('--race', broken)).message).toMatch(/line 4: .*JSON/);
    const unfinished = join(dir, 'unfinished.jsonl');
    await writeFile(unfinished, lines.slice(0, 20).join('\n'));
    expect((await refusal('--race', unfinished)).message).toMatch(/no finish order/);
  });

  it('reports a port that is taken as a usage error', async () => {
    const { lines } = await run('--port', '0');
    const port = /:(\d+) /.exec(lines[0]!)![1]!;
    expect((await refusal('--port', port)).message).toMatch(
      new RegExp(`^--port ${port} --host 127.0.0.1: .*EADDRINUSE`),
    );
  });
});

describe('massstart simulate-decoder: output', () => {
  it('prints the address, the transponder table, the gun and each lap of the leader', async () => {
    const { simulator, lines } = await run(
      ...['--port', '0', '--speed', '1000', '--skaters', '5', '--seed', '9', '--lead-in', '0.2'],
    );
    expect(lines[0]).toMatch(/^P3 decoder simulator on 127\.0\.0\.1:\d+ \(speed 1000x\)$/);
    expect(lines[1]).toMatch(
      /^Sim Mass Start · Semi-final \(seed 9\): 5 skaters, 16 laps, \d+ passings/,
    );
    expect(lines.slice(2, 8)).toEqual([
      '  bib  transponder  name',
      '    1       100007  Sim Skater 1',
      '    2       100014  Sim Skater 2',
      '    3       100021  Sim Skater 3',
      '    4       100028  Sim Skater 4',
      '    5       100035  Sim Skater 5',
    ]);
    const port = Number(/:(\d+) /.exec(lines[0]!)![1]);
    const client = new P3Client({ host: '127.0.0.1', port, initialBackoffMs: 20 });
    clients.push(client);
    client.start();
    await simulator.done;
    const running = lines.slice(8).filter((line) => !line.startsWith('client '));
    expect(running[0]).toMatch(/^gun: the race is on \(decoder clock \d{4}-\d\d-\d\dT/);
    const laps = running.filter((line) => line.startsWith('lap '));
    expect(laps).toHaveLength(16);
    laps.forEach((line, i) => expect(line).toMatch(new RegExp(`^lap ${i + 1}/16 \\(`)));
    expect(laps[3]).toMatch(
      /^lap 4\/16 \(12 to go, sprint 1\): bib \d Sim Skater \d first at 2:\d\d\.\d{3}/,
    );
    expect(laps[15]).toMatch(/^lap 16\/16 \(the finish\): bib \d/);
    expect(lines.at(-1)).toMatch(/^done: \d+ passings sent$/);
  });

  it('plays a recorded journal with its own names and the default transponders', async () => {
    const { lines } = await run('--race', demoFile, '--port', '0', '--no-noise');
    expect(lines[1]).toMatch(/^Men · Mass Start · Semi-final 1: 12 skaters, 16 laps, 197 passings/);
    expect(lines[3]).toBe('    1       100007  Antoine Gélinas-Beaulieu');
    expect(lines[14]).toBe('   12       100084  Demo Skater Twelve');
  });

  it('runs from the real binary until SIGTERM, and exits 2 on a bad option', async () => {
    const bad = spawn('node', ['src/main/cli/bin.mjs', 'simulate-decoder', '--speed', '0']);
    let stderr = '';
    bad.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const badCode = await new Promise((resolve) => bad.on('close', resolve));
    expect(badCode).toBe(2);
    expect(stderr).toBe('massstart: --speed must be a number from 0.1 to 1000, not "0"\n');

    const child = spawn('node', ['src/main/cli/bin.mjs', 'simulate-decoder', '--port', '0']);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = new Promise((resolve) => child.on('close', resolve));
    const deadline = Date.now() + 10_000;
    while (!stdout.includes('Sim Skater 16') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stdout).toMatch(/^P3 decoder simulator on 127\.0\.0\.1:\d+ \(speed 10x\)\n/);
    child.kill('SIGTERM');
    expect(await code).toBe(0);
  });
});

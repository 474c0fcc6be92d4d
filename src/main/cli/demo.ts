// `npm run demo [-- --speed N] [--port N] [--timing] [--breakaway]`: browser mode on a scratch data directory
// (the demo meeting), replaying the recorded semi-final into a rehearsal race at N times real
// speed (default 10), so a new user sees the whole product move; with --timing the same race
// comes as transponder passings from the decoder simulator (demo-timing.ts). The pages are built
// first by the npm script. Ctrl+C stops the host and removes the scratch directory.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { HostSnapshot } from '../host/host.ts';
import { planRehearsal } from '../../shared/rehearsal/plan.ts';
import { parseRecording } from '../../shared/rehearsal/recording.ts';
import { serve } from './serve.ts';
import { runTimingDemo, startDemoDecoder } from './demo-timing.ts';

const recordingFile = fileURLToPath(
  new URL('../../../resources/demo/recorded-semi1.jsonl', import.meta.url),
);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      speed: { type: 'string', default: '10' },
      port: { type: 'string', default: '0' },
      timing: { type: 'boolean', default: false },
      breakaway: { type: 'boolean', default: false },
    },
  });
  const speed = Number(values.speed);
  const port = Number(values.port);
  if (!(speed >= 0.1 && speed <= 1000))
    throw new Error(`--speed must be a number from 0.1 to 1000, not "${values.speed}"`);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not "${values.port}"`);
  const recording = parseRecording(await readFile(recordingFile, 'utf8'));
  const plan = planRehearsal(recording);
  const dataDir = await mkdtemp(join(tmpdir(), 'massstart-demo-'));
  const lines: string[] = [];
  // With --timing the decoder comes first: the host connects to it as to a real one.
  const withTiming = values.timing || values.breakaway;
  const decoder = withTiming ? await startDemoDecoder(recording, speed, 6, values.breakaway) : null;
  const timing = decoder ? { url: `p3://127.0.0.1:${decoder.simulator.port}`, autoLaps: true } : {};
  const running = await serve(
    { port, host: '127.0.0.1', dataDir, oscPort: null, oscAllow: [], demo: true, timing },
    (line) => {
      lines.push(line);
      console.log(line);
    },
  );
  const stop = async () => {
    await decoder?.simulator.close();
    await running.close();
    await rm(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  const consoleLine = lines.find((line) => line.trim().startsWith('console'));
  const match = consoleLine && /(http:\/\/\S+?)\/console\/\?token=([^&\s]+)/.exec(consoleLine);
  if (!match) throw new Error('the host did not print its console URL');
  const [, base, token] = match;
  const call = async (path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok)
      throw new Error((json as { error?: string }).error ?? `HTTP ${response.status}`);
    return json;
  };
  if (decoder) {
    await runTimingDemo(call, decoder.simulator, decoder.race, (line) => console.log(line));
    console.log(
      `\nTiming rehearsal: ${decoder.race.title} as ${decoder.race.passings.length} P3 passings from the decoder simulator on 127.0.0.1:${decoder.simulator.port} at ${speed}x; the gun in 6 s.`,
    );
    console.log(
      'Auto laps count the laps; the console proposes each sprint and the finish in its entry line: press Enter to accept.',
    );
  } else {
    await call('/api/v1/program', { type: 'rehearsal/started', recording, speed, onBoards: true });
    console.log(
      `\nRehearsal: ${plan.setup.title}, ${recording.length} journal entries at ${speed}x (about ${Math.round(plan.durationMs / speed / 1000)} s).`,
    );
  }
  console.log(
    'Open the console and the board above; Ctrl+C stops the demo and removes its scratch data.\n',
  );
  await follow(async () => (await call('/api/v1/state')) as HostSnapshot);
  console.log('\nThe rehearsal race is over and official. The host keeps running: Ctrl+C to stop.');
}

/** Prints the race as it moves: laps to go, sprints, the finish, official. */
async function follow(state: () => Promise<HostSnapshot>): Promise<void> {
  let last = '';
  for (;;) {
    const { race } = await state();
    if (race && (race.id.startsWith('rehearsal') || race.id.startsWith('timing-rehearsal'))) {
      const { state: s } = race;
      const sprints = s.sprints
        .map((bibs, index) => (bibs.length ? `S${index + 1} ${bibs.join(' ')}` : ''))
        .filter(Boolean);
      const line = [
        `laps to go ${race.lapsToGo}`,
        ...sprints,
        s.finishOrder.length ? `finish ${s.finishOrder.join(' ')}` : '',
        s.official ? 'OFFICIAL' : '',
      ]
        .filter(Boolean)
        .join(' · ');
      if (line !== last) console.log(`  ${line}`);
      last = line;
      if (s.official) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

main().catch((error: unknown) => {
  console.error(`demo: ${(error as Error).message}`);
  process.exit(1);
});

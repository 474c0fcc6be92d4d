// The race report end to end (issue 21, part 3): the decoder simulator plays a generated race to a
// host started through the one composition root (start-services.ts, as `massstart serve` and the
// Electron app start it); its passings go to the race's passing log on disk. The report then
// comes from GET /api/v1/races/:id/report.pdf, again after a restart of the host (the passings
// outlived the process), and from `massstart report` on the data folder while the host runs.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reportCommand, type ReportSummary } from '../../../src/main/cli/report.ts';
import type { Caller } from '../../../src/main/host/session.ts';
import { startServices, type Services } from '../../../src/main/start-services.ts';
import { DecoderSimulator } from '../../../src/main/timing/decoder-simulator.ts';
import { passingLogPath } from '../../../src/main/timing/passing-log.ts';
import type { RaceCommand, RaceEventOf } from '../../../src/shared/race/events.ts';
import { generateRace, passingsFromRecording } from '../../../src/shared/timing/race-passings.ts';
import { until } from '../../support/fake-decoder.ts';
import { addRace } from '../../support/host-fixture.ts';
import { pdfText } from './sheet-race.ts';

const operator: Caller = { role: 'control', source: 'console' };
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function serve(dataDir: string): Promise<Services> {
  const services = await startServices({
    dataDir,
    log: () => undefined,
    demoFile: null,
    port: 0,
    address: '127.0.0.1',
    oscPort: null,
    staticDir: join(dataDir, 'no-pages'),
    optionalServers: false,
  });
  cleanup.push(() => services.close());
  return services;
}

const get = (services: Services, path: string, token: 'view' | null = 'view') =>
  fetch(services.server!.url + path, {
    headers: token ? { authorization: `Bearer ${services.tokens![token]}` } : {},
  });

describe('the race report of a race the decoder simulator played', () => {
  it('comes from the route, again after a restart, and from `massstart report` on the data folder', async () => {
    const sim = passingsFromRecording(generateRace({ skaters: 10, seed: 3, lapSeconds: 4 }), {
      seed: 3,
    });
    const configured = sim.entries.find((e) => e.event.type === 'race/configured')!
      .event as RaceEventOf<'race/configured'>;
    const startList = sim.entries.find((e) => e.event.type === 'startList/set')!
      .event as RaceEventOf<'startList/set'>;
    const dataDir = await mkdtemp(join(tmpdir(), 'race-report-host-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const first = await serve(dataDir);
    const raceId = await addRace(
      first.host,
      {
        title: 'Men Semi 1',
        round: configured.round,
        qualifiers: configured.qualifiers,
        format: configured.format,
      },
      startList.skaters,
    );
    const send = async (command: RaceCommand) => {
      const answer = await first.session.answer({ type: 'command', command }, operator);
      if (answer.kind !== 'reply' || !answer.reply.ok)
        throw new Error(`refused: ${JSON.stringify(answer)}`);
    };
    const simulator = await DecoderSimulator.start({ race: sim, speed: 50, leadInMs: 3000 });
    cleanup.push(() => simulator.close());
    // The operator starts the race at the gun and enters the DNF when the recording did.
    const gunAt = Date.parse(sim.entries.find((e) => e.event.type === 'race/started')!.at);
    const decisions = sim.entries
      .filter((e) => e.event.type === 'skater/statusChanged' && e.event.status === 'DNF')
      .map((e) => ({ raceMs: Date.parse(e.at) - gunAt, event: e.event }));
    simulator.onGun(() => void send({ type: 'race/started' }));
    simulator.onPassing((passing) => {
      while (decisions.length > 0 && decisions[0]!.raceMs <= passing.raceMs)
        void send(decisions.shift()!.event);
    });
    await first.host.programCommand(
      {
        type: 'timing/configured',
        url: `p3://127.0.0.1:${simulator.port}`,
        autoLaps: true,
        minLapSeconds: 2,
      },
      'test',
    );
    await simulator.done;
    // Every passing on disk (appended in the background: a write behind at most).
    const log = passingLogPath(dataDir, raceId);
    await until(() => {
      try {
        return readFileSync(log, 'utf8').split('\n').length - 1 >= sim.passings.length;
      } catch {
        return false;
      }
    });
    // After the race, a status entered, undone and entered again: two corrections.
    const lapped = sim.entries.find(
      (e) => e.event.type === 'skater/statusChanged' && e.event.status === 'LAPPED',
    )!.event as RaceEventOf<'skater/statusChanged'>;
    await send(lapped);
    await send({ type: 'undo' });
    await send({ type: 'redo' });

    const response = await get(first, `/api/v1/races/${raceId}/report.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="men-semi-1-report.pdf"',
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const pdf = Buffer.from(await response.arrayBuffer());
    const text = pdfText(pdf);
    expect(text).toContain('Lap chart');
    expect(text).not.toContain('No passings');
    // Each lap's leader in the timeline is the simulator's first across the line.
    for (let lap = 1; lap <= configured.format.laps; lap += 1) {
      const leader = sim.passings
        .filter((p) => p.lap === lap)
        .reduce((a, b) => (b.raceMs < a.raceMs ? b : a)).bib;
      expect(text, `lap ${lap}`).toMatch(
        new RegExp(`Lap ${lap}( · (SP\\d|finish))?\\s+#${leader} ·`),
      );
    }
    const what = `skater ${lapped.bib} LAPPED after ${lapped.laps} laps`;
    expect(text).toMatch(
      new RegExp(`\\d\\d:\\d\\d:\\d\\d \\S+\\s+#\\d+\\s+console\\s+undo: #\\d+ ${what}`),
    );
    expect(text).toMatch(new RegExp(`console\\s+redo: #\\d+ ${what}`));
    expect((await get(first, `/api/v1/races/${raceId}/report.pdf`, null)).status).toBe(401);
    expect((await get(first, '/api/v1/races/men-final-9/report.pdf')).status).toBe(404);

    // A restart: the passings were on disk, the same report comes back.
    await first.close();
    await simulator.close();
    const second = await serve(dataDir);
    const again = await get(second, `/api/v1/races/${raceId}/report.pdf`);
    expect(Buffer.from(await again.arrayBuffer()).equals(pdf)).toBe(true);

    // `massstart report` on the data folder while the host runs (read only, no lock).
    const out = join(dataDir, 'report-out.pdf');
    const said: string[] = [];
    let printed = '';
    await reportCommand(
      ['--data', dataDir, '--race', raceId, '--out', out, '--json'],
      (line) => said.push(line),
      (json) => (printed += json),
    );
    expect(said).toEqual([`wrote ${out}`]);
    const summary = JSON.parse(printed) as ReportSummary;
    expect(summary).toEqual({
      race: raceId,
      file: out,
      passings: expect.any(Number),
      laps: configured.format.laps,
      corrections: 2,
      lapChart: true,
    });
    expect(summary.passings).toBeGreaterThanOrEqual(sim.passings.length);
    expect((await readFile(out)).equals(pdf)).toBe(true);
  }, 30_000);
});

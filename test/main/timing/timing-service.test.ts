// The timing feed in a real host: a P3 decoder stand-in on loopback, the real P3 client, the
// session, the journal on disk.
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HostSession, type Caller } from '../../../src/main/host/session.ts';
import { TimingService } from '../../../src/main/timing/timing-service.ts';
import type { Skater } from '../../../src/shared/race/events.ts';
import { encodePassing } from '../../../src/shared/timing/p3-encode.ts';
import type { TimingView } from '../../../src/shared/timing/view.ts';
import { startDecoder, until, write, type FakeDecoder } from '../../support/fake-decoder.ts';
import { expectAccepted, openHost, type HostFixture } from '../../support/host-fixture.ts';

const operator: Caller = { role: 'control', source: 'ws' };
const field: Skater[] = Array.from({ length: 6 }, (_, i) => ({
  bib: i + 1,
  name: `Skater ${i + 1}`,
  nation: 'NED',
  transponder: String(7000 + i + 1),
}));

interface Rig {
  fixture: HostFixture;
  session: HostSession;
  timing: TimingService;
  decoder: FakeDecoder;
  socket: Socket;
  views: TimingView[];
  /** Sends the crossing of `bib` at `raceMs` after the start by the decoder's clock. */
  cross(bib: number | string, raceMs: number, passingNumber?: number): Promise<void>;
  /** The journal's lines as `source event-type`. */
  journal(): string[];
}

const rigs: Rig[] = [];
afterEach(async () => {
  for (const rig of rigs.splice(0)) {
    await rig.timing.close();
    rig.session.close();
    await rig.decoder.close();
    await rig.fixture.close();
  }
});

/** The decoder's clock runs this far ahead of the host's (its clock is its own). */
const DECODER_AHEAD_MS = 7 * 60_000;

async function rig(settings: { autoLaps: boolean }): Promise<Rig> {
  const fixture = await openHost({ prefix: 'timing', skaters: field });
  const session = new HostSession(fixture.host);
  const timing = new TimingService({ session });
  const views: TimingView[] = [];
  timing.onView((view) => views.push(view));
  const decoder = await startDecoder();
  const connection = decoder.nextConnection();
  expectAccepted(
    await fixture.host.programCommand(
      {
        type: 'timing/configured',
        url: `p3://127.0.0.1:${decoder.port}`,
        autoLaps: settings.autoLaps,
        minLapSeconds: 0.2,
      },
      'test',
    ),
  );
  const socket = await connection;
  let next = 1;
  let startMs = 0;
  const made: Rig = {
    fixture,
    session,
    timing,
    decoder,
    socket,
    views,
    async cross(bib, raceMs, passingNumber = next++) {
      if (startMs === 0) startMs = Date.now();
      // A decoder sends a passing as the skater crosses: in real time.
      const wait = startMs + raceMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await write(
        made.socket,
        encodePassing({
          passingNumber,
          transponder: typeof bib === 'number' ? 7000 + bib : Number(bib),
          rtcTimeUs: BigInt(startMs + DECODER_AHEAD_MS + raceMs) * 1000n,
        }),
      );
    },
    journal: () =>
      fixture.host
        .journal(fixture.raceId)!
        .entries.map((entry) => `${entry.source} ${entry.event.type}`),
  };
  rigs.push(made);
  await until(() => timing.view().status.connection === 'connected');
  return made;
}

async function start(rig: Rig): Promise<void> {
  const answer = await rig.session.answer(
    { type: 'command', command: { type: 'race/started' } },
    operator,
  );
  if (answer.kind !== 'reply' || !answer.reply.ok) throw new Error('start refused');
  // The crossing at the gun (the loop is on the start line) also sets the decoder's clock.
  for (const bib of [1, 2, 3, 4, 5, 6]) await rig.cross(bib, bib * 10);
  await until(() => rig.timing.view().status.passings >= 6);
}

const laps = (rig: Rig) => rig.fixture.host.race()!.state.lapsCompleted;

describe('TimingService with a P3 decoder on loopback', () => {
  it('counts the leader laps by itself with auto laps, journaled with source "timing"', async () => {
    const r = await rig({ autoLaps: true });
    await start(r);
    // Lap 1: 2 leads, the bunch behind; a double read of 2.
    for (const [bib, at] of [
      [2, 400],
      [2, 430],
      [1, 460],
      [3, 490],
      [4, 520],
      [5, 550],
      [6, 580],
    ])
      await r.cross(bib!, at!);
    await until(() => laps(r) === 1);
    await r.cross(1, 800);
    await until(() => laps(r) === 2);
    expect(r.journal().slice(-3)).toEqual([
      'ws race/started',
      'timing lap/completed',
      'timing lap/completed',
    ]);
    const { status } = r.timing.view();
    expect(status).toMatchObject({ connection: 'connected', doubleReads: 1, passings: 14 });
    expect(r.views.at(-1)!.recent[0]).toMatchObject({ bib: 1, note: 'leader', lap: 2 });
  });

  it('proposes a lap without auto laps; a lap entered by hand closes the proposal', async () => {
    const r = await rig({ autoLaps: false });
    await start(r);
    await r.cross(4, 400);
    await until(() => r.timing.view().proposals.length === 1);
    expect(r.timing.view().proposals[0]).toEqual({ id: 'lap-1', kind: 'lap', lap: 1, leader: 4 });
    expect(laps(r)).toBe(0);
    await r.session.answer({ type: 'command', command: { type: 'lap' } }, operator);
    expect(r.timing.view().proposals).toEqual([]);
    expect(r.journal().at(-1)).toBe('ws lap/completed');
    // A stale accept names what is open instead of counting twice.
    const late = await r.session.answer(
      { type: 'timing', action: 'accept', proposal: 'lap-1' },
      operator,
    );
    expect(late).toMatchObject({ kind: 'reply', reply: { ok: false, status: 409 } });
    expect(laps(r)).toBe(1);
  });

  it('proposes the sprint from the first three across; Enter accepts, a correction wins', async () => {
    const r = await rig({ autoLaps: true });
    await start(r);
    for (let lap = 1; lap <= 4; lap += 1) {
      const order = lap === 4 ? [5, 3, 3, 6, 1, 2, 4] : [1, 2, 3, 4, 5, 6];
      for (const [i, bib] of order.entries()) await r.cross(bib, lap * 400 + i * 25);
      await until(() => laps(r) === lap);
    }
    await until(() => r.timing.view().proposals.some((p) => p.kind === 'sprint'));
    const sprint = r.timing.view().proposals.find((p) => p.kind === 'sprint');
    expect(sprint).toEqual({
      id: 'sprint-1',
      kind: 'sprint',
      sprint: 1,
      bibs: [5, 3, 6],
      complete: true,
      inferred: [],
    });
    const corrected = await r.session.answer(
      { type: 'timing', action: 'accept', proposal: 'sprint-1', bibs: [3, 5, 6] },
      operator,
    );
    expect(corrected).toMatchObject({ kind: 'reply', reply: { ok: true } });
    expect(r.fixture.host.race()!.state.sprints[0]).toEqual([3, 5, 6]);
    expect(r.journal().at(-1)).toBe('timing sprint/placed');
    expect(r.timing.view().proposals.some((p) => p.kind === 'sprint')).toBe(false);
    // Undo applies to timing commands as to any other.
    await r.session.answer({ type: 'command', command: { type: 'undo' } }, operator);
    expect(r.fixture.host.race()!.state.sprints[0] ?? []).toEqual([]);
    expect(r.timing.view().proposals.find((p) => p.kind === 'sprint')).toMatchObject({
      bibs: [5, 3, 6],
    });
  });

  it('survives garbage, a drop and a resend: skipped bytes counted, duplicates dropped, no lap twice', async () => {
    const r = await rig({ autoLaps: true });
    await start(r);
    await write(r.socket, Uint8Array.from([0x01, 0x02, 0x8f, 0x33, 0x44]));
    await r.cross(1, 400, 100);
    await until(() => laps(r) === 1);
    expect(r.timing.view().status.skippedBytes).toBeGreaterThan(0);
    const reconnected = r.decoder.nextConnection();
    r.socket.destroy();
    await until(() => r.timing.view().status.connection !== 'connected');
    const again = await reconnected;
    r.socket = again;
    await until(() => r.timing.view().status.connection === 'connected', 5000);
    // The decoder resends the last passing after the reconnect, then goes on.
    await r.cross(1, 400, 100);
    await r.cross(2, 450, 101);
    await until(() => r.timing.view().status.passings >= 8);
    expect(r.timing.view().status.duplicates).toBe(1);
    expect(laps(r)).toBe(1);
    expect(r.timing.view().status.connections).toBe(2);
  });

  it('shows unknown transponders and passings before the start, applies neither', async () => {
    const r = await rig({ autoLaps: true });
    await r.cross(3, 0);
    await until(() => r.timing.view().status.beforeStart === 1);
    await start(r);
    await r.cross('99999', 300);
    await until(() => r.timing.view().status.unknown.length === 1);
    expect(r.timing.view().status.unknown[0]).toMatchObject({ transponder: '99999', passings: 1 });
    expect(laps(r)).toBe(0);
    expect(r.journal().filter((line) => line.startsWith('timing'))).toEqual([]);
    // The venue trick: the skater crossed the loop; the operator assigns what it read.
    await r.session.answer(
      { type: 'command', command: { type: 'skater/edited', bib: 6, transponder: '99999' } },
      operator,
    );
    expect(r.timing.view().status.unknown).toEqual([]);
  });
});

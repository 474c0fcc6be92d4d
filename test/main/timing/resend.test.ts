// Issue 17: passings the host never received are asked for again (P3 RESEND by passing number)
// when the numbers jump, and again after a reconnect, and counted until they come; a lap auto laps
// is counting is never shown to consoles as a proposal first. A P3 decoder stand-in on loopback
// (our own TCP server, answering RESEND requests as the protocol notes describe them), the real
// P3 client, the timing feed and a host with its journal on disk; the race is the one written
// from the rules (test/support/truth-race.ts), played at 100x.
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HostSession, type Caller } from '../../../src/main/host/session.ts';
import { TimingService } from '../../../src/main/timing/timing-service.ts';
import { encodePassing } from '../../../src/shared/timing/p3-encode.ts';
import { P3FrameReader } from '../../../src/shared/timing/p3-frame.ts';
import { decodeRecord, P3_TOR, readUintLE } from '../../../src/shared/timing/p3-records.ts';
import type { TimingView } from '../../../src/shared/timing/view.ts';
import { startDecoder, until, write, type FakeDecoder } from '../../support/fake-decoder.ts';
import { expectAccepted, openHost, type HostFixture } from '../../support/host-fixture.ts';
import { TRUTH, truthCrossings, type TrueCrossing } from '../../support/truth-race.ts';

const SPEED = 100;
const operator: Caller = { role: 'control', source: 'ws' };
const transponderOf = (bib: number) => 6100 + bib;

interface Rig {
  fixture: HostFixture;
  session: HostSession;
  timing: TimingService;
  decoder: FakeDecoder;
  views: TimingView[];
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

/** A decoder stand-in that keeps every passing it numbered and answers RESEND from them. */
class StandIn {
  readonly frames = new Map<number, Uint8Array>();
  readonly requests: string[] = [];
  socket: Socket | null = null;
  /** A busy decoder reads the request and answers nothing. */
  answers = true;
  private next = 5000;

  constructor(readonly decoder: FakeDecoder) {}

  async accept(): Promise<void> {
    const socket = await this.decoder.nextConnection();
    const reader = new P3FrameReader();
    socket.on('data', (chunk: Buffer) => {
      for (const event of reader.push(chunk)) {
        if (event.kind !== 'frame') continue;
        const record = decodeRecord(event.frame);
        if (record.tor !== P3_TOR.RESEND) continue;
        const field = (tag: number) => readUintLE(record.fields.find((f) => f.tag === tag)!.value);
        const [from, until] = [field(0x01), field(0x02)];
        this.requests.push(`${from}..${until}`);
        if (!this.answers) continue;
        for (let n = from; n <= until; n += 1) {
          const frame = this.frames.get(n);
          if (frame) socket.write(frame);
        }
      }
    });
    this.socket = socket;
  }

  /** Numbers a passing at `decoderMs`; sends it unless the connection `lost` it. */
  async pass(bib: number, decoderMs: number, lost = false): Promise<void> {
    const passingNumber = this.next++;
    const frame = encodePassing({
      passingNumber,
      transponder: transponderOf(bib),
      rtcTimeUs: BigInt(decoderMs) * 1000n,
    });
    this.frames.set(passingNumber, frame);
    if (!lost && this.socket) await write(this.socket, frame);
  }
}

async function rig(): Promise<{ rig: Rig; standIn: StandIn; gun: number }> {
  const skaters = Array.from({ length: TRUTH.skaters }, (_, i) => ({
    bib: i + 1,
    name: `Skater ${i + 1}`,
    nation: 'NED',
    transponder: String(transponderOf(i + 1)),
  }));
  const fixture = await openHost({ prefix: 'resend', skaters });
  const session = new HostSession(fixture.host);
  const timing = new TimingService({ session });
  const views: TimingView[] = [];
  timing.onView((view) => views.push(view));
  const decoder = await startDecoder();
  const standIn = new StandIn(decoder);
  const accepted = standIn.accept();
  expectAccepted(
    await fixture.host.programCommand(
      {
        type: 'timing/configured',
        url: `p3://127.0.0.1:${decoder.port}`,
        autoLaps: true,
        minLapSeconds: 20,
        startSignal: null,
      },
      'test',
    ),
  );
  await accepted;
  const made = { fixture, session, timing, decoder, views };
  rigs.push(made);
  await until(() => timing.view().status.connection === 'connected');
  const answer = await session.answer(
    { type: 'command', command: { type: 'race/started' } },
    operator,
  );
  if (answer.kind !== 'reply' || !answer.reply.ok) throw new Error('start refused');
  return { rig: made, standIn, gun: Date.now() };
}

/** Plays crossings in (compressed) real time; `lost` ones are numbered but never sent. */
async function play(
  standIn: StandIn,
  gun: number,
  crossings: readonly TrueCrossing[],
  lost: (crossing: TrueCrossing) => boolean = () => false,
): Promise<void> {
  for (const crossing of crossings) {
    const due = gun + crossing.raceMs / SPEED - Date.now();
    if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
    await standIn.pass(crossing.bib, gun + crossing.raceMs, lost(crossing));
  }
}

const startReads = (): TrueCrossing[] =>
  Array.from({ length: TRUTH.skaters }, (_, i) => ({ bib: i + 1, lap: 0, raceMs: 200 + i * 50 }));

describe('the decoder is asked again for passings the host never received', () => {
  it('a jump in the passing numbers: RESEND asked, the lost laps come back in their place', async () => {
    const { rig: r, standIn, gun } = await rig();
    const crossings = truthCrossings().filter((c) => c.lap <= 12);
    // The connection loses the breakaway's lap-10 read and the next two passings.
    const lapTen = crossings.findIndex((c) => c.bib === TRUTH.breakaway && c.lap === 10);
    const lostSet = new Set(crossings.slice(lapTen, lapTen + 3));
    await play(standIn, gun, [...startReads(), ...crossings], (c) => lostSet.has(c));
    await until(() => r.timing.view().status.passings >= TRUTH.skaters + crossings.length);
    const { status } = r.timing.view();
    expect(standIn.requests).toHaveLength(1);
    expect(status).toMatchObject({ missingPassings: 0, resendRequests: 1, missedReads: 0 });
    // Laps counted once each, by timing; the race at the leader's count.
    const race = r.fixture.host.race()!;
    expect(race.state.lapsCompleted).toBe(12);
    const laps = r.fixture.host
      .journal(r.fixture.raceId)!
      .entries.filter((entry) => entry.event.type === 'lap/completed');
    expect(laps.map((entry) => entry.source)).toEqual(Array(12).fill('timing'));
    // While the hole was open the status said so; the sprint 3 proposal is the line's order.
    expect(r.views.some((view) => view.status.missingPassings === 3)).toBe(true);
    const sprint3 = r.timing.view().proposals.find((p) => p.kind === 'sprint' && p.sprint === 3);
    expect(sprint3).toMatchObject({ bibs: [5, 3, 4], inferred: [] });
  }, 30_000);

  it('after a reconnect the holes still open are asked for again', async () => {
    const { rig: r, standIn, gun } = await rig();
    const crossings = truthCrossings().filter((c) => c.lap <= 11);
    const cut = crossings.findIndex((c) => c.lap === 10);
    // Lap 9's front is lost on the way, and the decoder does not answer the RESEND it gets.
    const lapNine = crossings.findIndex((c) => c.lap === 9);
    const lostSet = new Set(crossings.slice(lapNine, lapNine + 2));
    standIn.answers = false;
    await play(standIn, gun, [...startReads(), ...crossings.slice(0, cut)], (c) => lostSet.has(c));
    await until(() => standIn.requests.length === 1);
    expect(r.timing.view().status.missingPassings).toBe(2);
    // The connection drops; lap 10 is numbered by the decoder while nobody listens.
    standIn.socket!.destroy();
    standIn.socket = null;
    standIn.answers = true;
    const back = standIn.accept();
    const downtime = crossings.filter((c) => c.lap === 10);
    await play(standIn, gun, downtime);
    await back;
    await until(() => r.timing.view().status.connections >= 2);
    // The hole of lap 9 is asked for again at once; lap 10's when the next passing shows it.
    await until(() => standIn.requests.length >= 2);
    await play(standIn, gun, crossings.slice(cut + downtime.length));
    await until(() => r.timing.view().status.passings >= TRUTH.skaters + crossings.length);
    expect(r.timing.view().status).toMatchObject({ missingPassings: 0, missedReads: 0 });
    expect(standIn.requests.length).toBe(3);
    expect(r.fixture.host.race()!.state.lapsCompleted).toBe(11);
  }, 30_000);

  it('with auto laps, a lap being counted is never pushed to consoles as a proposal', async () => {
    const { rig: r, standIn, gun } = await rig();
    const crossings = truthCrossings().filter((c) => c.lap <= 6);
    await play(standIn, gun, [...startReads(), ...crossings]);
    await until(() => r.fixture.host.race()!.state.lapsCompleted === 6);
    await until(() => r.timing.view().status.passings >= TRUTH.skaters + crossings.length);
    const lapProposals = r.views.flatMap((view) =>
      view.proposals.filter((p) => p.kind === 'lap' || p.kind === 'laps').map((p) => p.id),
    );
    expect(lapProposals).toEqual([]);
    expect(r.views.length).toBeGreaterThan(20);
  }, 30_000);
});

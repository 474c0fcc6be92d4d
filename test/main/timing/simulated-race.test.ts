// End to end (issue 12): the decoder simulator on loopback drives a whole semi-final through the
// real host with auto laps on. The operator only accepts what timing proposes (sprints, the
// finish) and enters what the referee decides (DNF, lapped) when the recording did; the result
// must be the recorded race's standings. A disconnect in the middle loses no passing.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { HostSession, type Caller } from '../../../src/main/host/session.ts';
import { DecoderSimulator } from '../../../src/main/timing/decoder-simulator.ts';
import { TimingService } from '../../../src/main/timing/timing-service.ts';
import type { JournalEntry, RaceEventOf } from '../../../src/shared/race/events.ts';
import { foldJournal } from '../../../src/shared/race/history.ts';
import { computeStandings } from '../../../src/shared/race/standings.ts';
import type { RaceState } from '../../../src/shared/race/state.ts';
import { parseRecording } from '../../../src/shared/rehearsal/recording.ts';
import {
  generateRace,
  passingsFromRecording,
  type SimRace,
} from '../../../src/shared/timing/race-passings.ts';
import type { TimingView } from '../../../src/shared/timing/view.ts';
import { until } from '../../support/fake-decoder.ts';
import { openHost, type HostFixture } from '../../support/host-fixture.ts';

const operator: Caller = { role: 'control', source: 'ws' };
const SPEED = 50;

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** Standings as comparable text: rank, helmet, points, status, Q. */
function table(state: RaceState): string[] {
  return computeStandings(state).rows.map((row) =>
    [row.rank ?? '-', row.bib, row.total, row.status, row.qualified ?? ''].join(' '),
  );
}

const eventOf = <T extends JournalEntry['event']['type']>(
  entries: readonly JournalEntry[],
  type: T,
) => entries.find((entry) => entry.event.type === type)?.event as RaceEventOf<T> | undefined;

/** Runs a recorded race through simulator -> P3 client -> timing feed -> host. */
async function drive(sim: SimRace): Promise<{
  fixture: HostFixture;
  views: TimingView[];
  simulator: DecoderSimulator;
  timing: TimingService;
}> {
  const configured = eventOf(sim.entries, 'race/configured')!;
  const startList = eventOf(sim.entries, 'startList/set')!;
  const fixture = await openHost({
    prefix: 'simulated',
    race: { round: configured.round, qualifiers: configured.qualifiers, format: configured.format },
    skaters: startList.skaters,
  });
  cleanup.push(() => fixture.close());
  const session = new HostSession(fixture.host);
  const timing = new TimingService({ session });
  cleanup.push(async () => {
    await timing.close();
    session.close();
  });
  const dropAt = Math.floor(sim.passings.length / 2);
  const simulator = await DecoderSimulator.start({
    race: sim,
    speed: SPEED,
    leadInMs: 1500,
    dropAt: [dropAt],
  });
  cleanup.push(() => simulator.close());

  // The referee's decisions, entered when the recording had them (race time of the entry).
  const startAt = Date.parse(sim.entries.find((e) => e.event.type === 'race/started')!.at);
  const decisions = sim.entries
    .filter((entry) => entry.event.type === 'skater/statusChanged')
    .map((entry) => ({ raceMs: Date.parse(entry.at) - startAt, event: entry.event }));
  const send = async (command: JournalEntry['event']) => {
    const answer = await session.answer({ type: 'command', command }, operator);
    if (answer.kind !== 'reply' || !answer.reply.ok)
      throw new Error(`refused: ${JSON.stringify(answer)}`);
  };
  simulator.onGun(() => void send({ type: 'race/started' }));
  simulator.onPassing((passing) => {
    while (decisions.length > 0 && decisions[0]!.raceMs <= passing.raceMs)
      void send(decisions.shift()!.event);
  });
  // The operator accepts each proposal once it is complete (Enter in the console).
  const views: TimingView[] = [];
  const accepted = new Set<string>();
  const inFlight: Promise<unknown>[] = [];
  const accept = (id: string) => {
    accepted.add(id);
    inFlight.push(session.answer({ type: 'timing', action: 'accept', proposal: id }, operator));
  };
  timing.onView((view) => {
    views.push(view);
    for (const proposal of view.proposals)
      if (
        (proposal.kind === 'sprint' || proposal.kind === 'finish') &&
        proposal.complete &&
        !accepted.has(proposal.id)
      )
        accept(proposal.id);
  });
  const settled = fixture.host.programCommand(
    {
      type: 'timing/configured',
      url: `p3://127.0.0.1:${simulator.port}`,
      autoLaps: true,
      minLapSeconds: 20,
    },
    'test',
  );
  await settled;
  await simulator.done;
  for (const left of decisions.splice(0)) await send(left.event);
  // What is still open once the last passing is in (the lapped skater never completes the
  // last lap): the operator accepts the finish as it stands.
  // Every passing counted once (a resent one is a duplicate, not a passing).
  await until(() => timing.view().status.passings >= sim.passings.length);
  await Promise.all(inFlight);
  for (let round = 0; round < 5; round += 1) {
    const open = timing.view().proposals.filter((p) => p.kind === 'finish' || p.kind === 'sprint');
    if (open.length === 0) break;
    const answer = await session.answer(
      { type: 'timing', action: 'accept', proposal: open[0]!.id },
      operator,
    );
    expect(answer, JSON.stringify([open[0], answer])).toMatchObject({ reply: { ok: true } });
  }
  return { fixture, views, simulator, timing };
}

async function expectRecordedResult(sim: SimRace): Promise<void> {
  const { fixture, views, timing } = await drive(sim);
  const recorded = foldJournal(sim.entries).state;
  const host = fixture.host.race()!;
  expect(host.lapsToGo).toBe(0);
  expect(host.state.lapsCompleted).toBe(recorded.format.laps);
  expect(host.state.sprints).toEqual(recorded.sprints);
  expect(host.state.finishOrder).toEqual(recorded.finishOrder);
  expect(table(host.state)).toEqual(table(recorded));
  // Finish times from the decoder's clock: within 2 s of the recorded ones at this speed.
  for (const bib of recorded.finishOrder) {
    const time = recorded.times[bib];
    if (time !== undefined) expect(Math.abs(host.state.times[bib]! - time)).toBeLessThan(2000);
  }
  // Every lap counted by timing, every sprint and the finish accepted from its proposals.
  const journal = fixture.host.journal(fixture.raceId)!.entries;
  const byTiming = journal
    .filter((entry) => entry.source === 'timing')
    .map((entry) => entry.event.type);
  expect(byTiming.filter((type) => type === 'lap/completed')).toHaveLength(recorded.format.laps);
  expect(byTiming.filter((type) => type === 'sprint/placed')).toHaveLength(
    recorded.format.sprintLaps.length,
  );
  expect(byTiming).toContain('finish/recorded');
  // The drop in the middle: reconnected, the resent passings dropped as duplicates, none lost.
  const { status } = timing.view();
  expect(status.connections).toBeGreaterThanOrEqual(2);
  expect(status.duplicates).toBeGreaterThan(0);
  expect(status.passings).toBe(sim.passings.length);
  expect(status.unknown.length).toBeGreaterThan(0);
  expect(views.length).toBeGreaterThan(10);
}

describe('a whole semi-final from the decoder simulator, auto laps on', () => {
  it('the recorded demo semi-final gives the recorded standings', async () => {
    const recording = parseRecording(await readFile('resources/demo/recorded-semi1.jsonl', 'utf8'));
    await expectRecordedResult(passingsFromRecording(recording, { seed: 11 }));
  }, 60_000);

  it('a generated bunch (breakaway, lapped skater, DNF) gives its recorded standings', async () => {
    await expectRecordedResult(
      passingsFromRecording(generateRace({ skaters: 16, seed: 5 }), { seed: 5 }),
    );
  }, 60_000);
});

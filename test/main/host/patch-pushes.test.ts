// Delta pushes (issue 13), on the replication channel (issue 20): a view that gets the state
// whole once and then its changes sees, at every revision, exactly the state it would have been
// sent whole, and so does the board's presenter; a console's journal is the host's. Random race
// commands (the engine property tests' walks) and program changes through a real host, its
// channel, and the renderer's own client code (Pushes).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateSink } from '../../../src/main/host/channel.ts';
import { HostSession, subscribedNames } from '../../../src/main/host/session.ts';
import { Pushes } from '../../../src/renderer/shared/pushes.ts';
import { packState } from '../../../src/shared/protocol/channel.ts';
import { presentBoard } from '../../../src/shared/board/presenter.ts';
import type { ProgramCommand } from '../../../src/shared/protocol/program.ts';
import type { HostSnapshotMessage } from '../../../src/shared/protocol/snapshot.ts';
import type { ServerMessage } from '../../../src/shared/protocol/messages.ts';
import { RaceHistory } from '../../../src/shared/race/history.ts';
import { addRace, openHost, type HostFixture } from '../../support/host-fixture.ts';
import { commandFor } from '../../support/race-commands.ts';
import { nextMeta, setUpCommands } from '../../support/race-runner.ts';
import { raceScriptArb, realistic } from '../../support/race-step-arbitraries.ts';

let fixture: HostFixture;
beforeAll(async () => {
  fixture = await openHost({ prefix: 'patches' });
});
afterAll(() => fixture.close());

/** A view: the renderer's Pushes fed by a sink of the fan-out, as the IPC client does. */
function view(session: HostSession, journal: boolean) {
  const texts: string[] = [];
  let resyncs = 0;
  const pushes = new Pushes(
    () => Promise.resolve({ type: 'ack', ok: true, revision: 0 } as ServerMessage),
    () => (resyncs += 1),
  );
  const sink: StateSink = {
    send(text, written) {
      texts.push(text);
      pushes.push(JSON.parse(text) as ServerMessage);
      written();
    },
    isOpen: () => true,
    backedUp: () => false,
  };
  session.follow(sink, subscribedNames(null, journal), { replace: true });
  return { pushes, texts, resyncs: () => resyncs };
}

const programChanges: ProgramCommand[] = [
  { type: 'overlay/toggled', element: 'sprint', visible: false },
  { type: 'scene/shown', output: 'board', scene: 'startList' },
  { type: 'display/configured', language: 'nl' },
  { type: 'output/auto', output: 'board', auto: true },
  { type: 'display/configured', language: 'en', overlayTop: 6 },
];

describe('patch pushes', () => {
  it('give the full-push state and the same board at every revision', async () => {
    let raceNumber = 0;
    const totals = { pushes: 0, patches: 0 };
    await fc.assert(
      fc.asyncProperty(raceScriptArb(realistic, { maxSteps: 40 }), async (script) => {
        const { host } = fixture;
        raceNumber += 1;
        const raceId = await addRace(host, {
          id: `semi-${raceNumber}`,
          title: `Semi ${raceNumber}`,
        });
        await host.programCommand({ type: 'race/activated', raceId }, 'test');
        const session = new HostSession(host);
        const board = view(session, false);
        const console = view(session, true);
        const history = new RaceHistory();
        const check = () => {
          const full = JSON.parse(
            JSON.stringify({ type: 'state', ...host.snapshot() }),
          ) as HostSnapshotMessage;
          for (const follower of [board, console]) {
            expect(follower.pushes.latest).toEqual(full);
            expect(presentBoard(follower.pushes.latest!, { bannerActive: false })).toEqual(
              presentBoard(full, { bannerActive: false }),
            );
          }
          const journal = host.journal(host.activeRaceId!)!;
          expect(console.pushes.latestJournal).toEqual(
            JSON.parse(JSON.stringify({ raceId: host.activeRaceId, ...journal })),
          );
        };
        check();
        let step = 0;
        const commands = [...setUpCommands(script)];
        for (const next of [...commands, ...script.steps]) {
          const command = 'type' in next ? next : commandFor(history, next);
          const decision = history.decide(command, nextMeta());
          if (decision.ok) history.commit(decision);
          await host.submit({ kind: 'single', command }, 'test', raceId);
          if (step % 7 === 3)
            await host.programCommand(programChanges[step % programChanges.length]!, 'test');
          // Another race on the boards and back: the view's race comes whole, revision beside.
          if (step % 11 === 5)
            await host.programCommand(
              {
                type: 'race/activated',
                raceId: host.activeRaceId === raceId ? fixture.raceId : raceId,
              },
              'test',
            );
          step += 1;
          check();
        }
        // After the first whole state the pushes are changes (whole only where the change would
        // be longer, such as a whole start list set), and none needed a value again.
        for (const follower of [board, console]) {
          const states = follower.texts.filter((text) => text.includes('"name":"state"'));
          totals.pushes += states.length - 1;
          totals.patches += states.filter((text) => text.includes('"ops":[')).length;
          expect(follower.resyncs()).toBe(0);
        }
        session.close();
      }),
      { numRuns: 12, seed: 20261202, endOnFailure: true },
    );
    expect(totals.pushes).toBeGreaterThan(100);
    expect(totals.patches).toBeGreaterThan(totals.pushes * 0.8);
  }, 60_000);

  it('asks for the whole value again when a change does not follow on (the one gap rule)', () => {
    let resyncs = 0;
    const pushes = new Pushes(
      () => Promise.resolve({ type: 'ack', ok: true, revision: 0 } as ServerMessage),
      () => (resyncs += 1),
    );
    const { program, race } = fixture.host.snapshot();
    const revision = fixture.host.revision;
    pushes.push({
      type: 'value',
      name: 'state',
      rev: revision,
      value: packState({ program, race }),
    });
    const before = pushes.latest;
    pushes.push({
      type: 'value',
      name: 'state',
      from: revision + 5,
      rev: revision + 6,
      ops: [{ op: 'replace', path: '/program/meeting', value: 'x' }],
    });
    expect(resyncs).toBe(1);
    expect(pushes.latest).toBe(before);
    // A log's entries from a count this client does not hold: the same rule.
    const entries = fixture.host.journal(fixture.raceId)!.entries;
    const log = { of: fixture.raceId, entries: entries.slice(0, 2) };
    pushes.push({ type: 'value', name: 'journal', rev: 2, value: log });
    pushes.push({ type: 'value', name: 'journal', from: 3, rev: 4, entries: [entries[0]] });
    expect(resyncs).toBe(2);
    expect(pushes.latestJournal!.entries).toEqual(log.entries);
  });
});

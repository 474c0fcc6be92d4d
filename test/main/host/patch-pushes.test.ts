// Delta pushes (issue 13): a view that gets the full state once and then JSON patches sees, at
// every revision, exactly the state it would have been sent in full, and so does the board's
// presenter. Random race commands (the engine property tests' walks) and program changes through
// a real host, its fan-out, and the renderer's own client code (Pushes).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateSink } from '../../../src/main/host/fan-out.ts';
import { HostSession } from '../../../src/main/host/session.ts';
import { Pushes } from '../../../src/renderer/shared/pushes.ts';
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
  session.fanOut.follow(sink, null, { journal });
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
        // After the first full state the pushes are patches (a full state only where the patch
        // would be longer, such as a whole start list set), and none needed the state again.
        for (const follower of [board, console]) {
          totals.pushes += follower.texts.length - 1;
          totals.patches += follower.texts.filter((text) =>
            text.startsWith('{"type":"patch"'),
          ).length;
          expect(follower.resyncs()).toBe(0);
        }
        session.close();
      }),
      { numRuns: 12, seed: 20261202, endOnFailure: true },
    );
    expect(totals.pushes).toBeGreaterThan(100);
    expect(totals.patches).toBeGreaterThan(totals.pushes * 0.8);
  }, 60_000);

  it('sends the full state again to a view whose patch does not follow on', () => {
    let resyncs = 0;
    const pushes = new Pushes(
      () => Promise.resolve({ type: 'ack', ok: true, revision: 0 } as ServerMessage),
      () => (resyncs += 1),
    );
    pushes.push({ type: 'state', ...fixture.host.snapshot() });
    const before = pushes.latest;
    pushes.push({
      type: 'patch',
      from: fixture.host.revision + 5,
      to: fixture.host.revision + 6,
      ops: [{ op: 'replace', path: '/program/meeting', value: 'x' }],
    });
    expect(resyncs).toBe(1);
    expect(pushes.latest).toBe(before);
  });
});

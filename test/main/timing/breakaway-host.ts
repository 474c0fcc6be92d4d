// A race with known groups (src/shared/timing/breakaway-race.ts) played end to end (issue 21):
// the decoder simulator, a real P3 TCP server on 127.0.0.1, plays its passings at speed into a
// real host (the composition root, startServices, with timing and auto laps on), and a view on a
// v2 WebSocket follows the `gaps` value with the renderer's own client code (Pushes). Shared by
// test/main/timing/gaps-live.test.ts and `npm run report:breakaway`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startServices } from '../../../src/main/start-services.ts';
import { DecoderSimulator } from '../../../src/main/timing/decoder-simulator.ts';
import type { ServerMessage } from '../../../src/shared/protocol/messages.ts';
import type { BreakawayRace } from '../../../src/shared/timing/breakaway-race.ts';
import type { GapsView } from '../../../src/shared/timing/gaps-view.ts';
import { until } from '../../support/fake-decoder.ts';
import { addRace, expectAccepted } from '../../support/host-fixture.ts';
import { PushedStates } from '../../support/patched-states.ts';

/** What the view held at each lap, and in the end. */
export interface HostPlay {
  /** Every `gaps` value the view held, in order. */
  readonly held: readonly GapsView[];
  /**
   * Index k - 1: the first value the view held once every skater on the lead lap at lap k had
   * crossed it (the lap's crossings are in).
   */
  readonly lapsIn: readonly GapsView[];
  readonly final: GapsView;
}

/** Plays the race through a real host at `speed` times real time (passings counted as sent). */
export async function playThroughHost(race: BreakawayRace, speed: number): Promise<HostPlay> {
  const dataDir = await mkdtemp(join(tmpdir(), 'breakaway-host-'));
  const cleanup: (() => Promise<unknown>)[] = [() => rm(dataDir, { recursive: true, force: true })];
  try {
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
    cleanup.unshift(() => services.close());
    const { host, server, tokens, timing } = services;
    const startList = race.race.entries.find((entry) => entry.event.type === 'startList/set');
    if (startList?.event.type !== 'startList/set') throw new Error('the race has no start list');
    await addRace(host, { title: race.race.title }, startList.event.skaters);

    // The view: a board's subscription (v=2), its pushes put together as the renderer does.
    const held: GapsView[] = [];
    const view = new PushedStates();
    view.pushes.onGaps((gaps) => held.push(gaps));
    const socket = new WebSocket(
      `${server!.url.replace('http', 'ws')}/api/v1/ws?token=${tokens!.view}&v=2`,
    );
    cleanup.unshift(() => Promise.resolve(socket.close()));
    socket.on('message', (data: Buffer) => {
      view.take(JSON.parse(data.toString('utf8')) as ServerMessage);
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));

    // The race starts on the host before the decoder's gun: the start the loop counts from is
    // then the host's plus the decoder clock's offset, read from the first passings (a start
    // journaled after the first laps' passings, at this speed, would count them as start reads).
    expectAccepted(
      await host.submit({ kind: 'single', command: { type: 'race/started' } }, 'test'),
    );
    const simulator = await DecoderSimulator.start({ race: race.race, speed, leadInMs: 2_000 });
    cleanup.unshift(() => simulator.close());
    expectAccepted(
      await host.programCommand(
        {
          type: 'timing/configured',
          url: `p3://127.0.0.1:${simulator.port}`,
          autoLaps: true,
          minLapSeconds: 20,
        },
        'test',
      ),
    );
    await simulator.done;
    const sent = race.race.passings.length;
    await until(() => timing.view().status.passings >= sent, 10_000);
    // The view holds what the host last published.
    await until(() => held.at(-1)?.seq === services.session.gaps()?.seq, 5_000);

    const lapsIn = race.truth.map((lap) => {
      const onLeadLap = lap.groups.flatMap((group) => group.helmets);
      const lapIn = held.find((gaps) =>
        onLeadLap.every((bib) => (gaps.skaters.find((s) => s.bib === bib)?.laps ?? 0) >= lap.lap),
      );
      if (!lapIn) throw new Error(`the view never held lap ${lap.lap} with its crossings in`);
      return lapIn;
    });
    return { held, lapsIn, final: held.at(-1)! };
  } finally {
    for (const step of cleanup) await step();
  }
}

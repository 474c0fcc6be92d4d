/**
 * Child process of `npm run bench:timing`: a real race host (temp data dir, fsync as always), its
 * HTTP/WebSocket server and the timing feed connected to the parent's decoder on loopback with
 * auto laps on. The race: 24 skaters with transponders 2001-2024, started, a long custom format
 * (1,000 laps, no sprints) so every sample is a lap the feed counts. On request it reports its
 * memory and the size of the timing view (part 3: a flood of unknown transponders).
 */
import { startServices } from '../../src/main/start-services.ts';
import { tellParent } from './host-bench-child.ts';
import { longRaceFormat, tempDataDir } from './host-bench-common.ts';

const decoderPort = Number(process.argv[2]);
const { dir, remove } = await tempDataDir('timing');
const services = await startServices({
  dataDir: dir,
  log: () => undefined,
  demoFile: null,
  port: 0,
  address: '127.0.0.1',
  oscPort: null,
  staticDir: '/nonexistent',
  optionalServers: false,
});
const { host, server, tokens } = services;
const added = await host.programCommand(
  {
    type: 'race/added',
    title: 'Timing bench',
    category: 'Men',
    round: 'final',
    qualifiers: 0,
    format: longRaceFormat,
  },
  'bench',
);
if (!added.ok || !added.raceId) throw new Error('race/added refused');
const skaters = Array.from({ length: 24 }, (_, i) => ({
  bib: i + 1,
  name: `Skater ${i + 1}`,
  nation: 'NED',
  transponder: String(2001 + i),
}));
for (const command of [{ type: 'startList/set', skaters }, { type: 'race/started' }] as const) {
  const result = await host.submit({ kind: 'single', command }, 'bench', added.raceId);
  if (!result.ok) throw new Error(`set-up refused: ${result.error}`);
}
const configured = await host.programCommand(
  {
    type: 'timing/configured',
    url: `p3://127.0.0.1:${decoderPort}`,
    autoLaps: true,
    minLapSeconds: 0.05,
  },
  'bench',
);
if (!configured.ok) throw new Error(`timing/configured refused: ${configured.error}`);
let cpuStart = process.cpuUsage();
process.on('message', (message: { type: string }) => {
  void (async () => {
    if (message.type === 'measure') cpuStart = process.cpuUsage();
    if (message.type === 'stats') {
      const used = process.cpuUsage(cpuStart);
      const view = services.timing.view();
      await tellParent({
        type: 'stats',
        cpuMs: (used.user + used.system) / 1000,
        laps: host.race()!.state.lapsCompleted,
        status: view.status,
        journal: host.journal(added.raceId!)!.entries.length,
      });
    }
    if (message.type === 'memory') {
      const view = services.timing.view();
      await tellParent({
        type: 'memory',
        rss: process.memoryUsage().rss,
        timingBytes: JSON.stringify(view).length,
        passings: view.status.passings,
        unknownListed: view.status.unknown.length,
        unknownTransponders: view.status.unknownTransponders,
      });
    }
    if (message.type === 'close') {
      await services.close();
      await remove();
      process.exit(0);
    }
  })();
});
await tellParent({
  type: 'ready',
  port: server!.port,
  view: tokens!.view,
  control: tokens!.control,
  raceId: added.raceId,
  revision: host.revision,
});
// The parent gone (a failed run): do not stay behind.
process.on('disconnect', () => process.exit(1));

/**
 * Child process of `npm run bench:public`: the real host (`startServices`, as `massstart serve
 * --public --demo`) with a rehearsal of the recorded semi-final running on the boards, so the
 * public feed changes while the audience polls. Counts the requests the public routes answer
 * (the origin's rate) and reports its CPU time.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startServices } from '../../src/main/start-services.ts';
import { parseRecording } from '../../src/shared/rehearsal/recording.ts';
import { tellParent } from './host-bench-child.ts';
import { tempDataDir } from './host-bench-common.ts';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const { dir, remove } = await tempDataDir('public');
const requests = new Map<string, number>();
const services = await startServices({
  dataDir: dir,
  log: () => undefined,
  demoFile: root('resources/demo/mc2026-men.json'),
  port: 0,
  address: '127.0.0.1',
  oscPort: null,
  staticDir: root('out/renderer'),
  optionalServers: false,
  publicFeed: true,
  publicRoutes: {
    onRequest: (url) => {
      const path = url.split('?')[0]!;
      requests.set(path, (requests.get(path) ?? 0) + 1);
    },
  },
});
const recording = parseRecording(
  await readFile(root('resources/demo/recorded-semi1.jsonl'), 'utf8'),
);
const started = await services.host.programCommand(
  { type: 'rehearsal/started', recording, speed: 4, onBoards: true },
  'bench',
);
if (!started.ok) throw new Error(`rehearsal refused: ${started.error}`);
let cpu = process.cpuUsage();
let since = performance.now();
process.on('message', (message: { type: string }) => {
  void (async () => {
    if (message.type === 'measure') {
      requests.clear();
      cpu = process.cpuUsage();
      since = performance.now();
      await tellParent({ type: 'measuring' });
    } else if (message.type === 'stats') {
      const used = process.cpuUsage(cpu);
      await tellParent({
        type: 'stats',
        seconds: (performance.now() - since) / 1000,
        cpuMs: (used.user + used.system) / 1000,
        requests: Object.fromEntries(requests),
        revision: services.host.revision,
      });
    } else if (message.type === 'close') {
      await services.close();
      await remove();
      process.exit(0);
    }
  })();
});
await tellParent({ type: 'ready', port: services.server!.port });

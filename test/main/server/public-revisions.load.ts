/**
 * Load figures for the public revision URLs (issue 17):
 * `npx tsx test/main/server/public-revisions.load.ts`. A real host and server in this process
 * with a race of a 300-entry journal and the public feed on; a worker thread (its own event
 * loop) sends control commands to a second race one after another, first alone, then while 8
 * concurrent clients ask for 2,000 revision documents of the long race in random order. Prints
 * the command latency alone and under that load, and how long the 2,000 took; the same load
 * on /api/v1/health first, for what the server's own work costs. Also times folding every
 * revision once without the server: from the journal's start (as before) and from checkpoints. Not a test: the
 * figures depend on the machine; it always exits 0.
 */
import { Worker } from 'node:worker_threads';
import { loadOrCreateTokens } from '../../../src/main/host/tokens.ts';
import { startServer } from '../../../src/main/server/http-api.ts';
import { RevisionStates } from '../../../src/main/server/revision-states.ts';
import { foldJournal } from '../../../src/shared/race/history.ts';
import { addRace, expectAccepted, openHost } from '../../support/host-fixture.ts';
import { fillJournal } from './long-journal.ts';

const ENTRIES = 300;
const REQUESTS = 2000;
const CLIENTS = 8;

const fixture = await openHost({ prefix: 'revisions-load' });
const { host, raceId } = fixture;
await fillJournal(host, raceId, ENTRIES);
const other = await addRace(host, { title: 'Men Semi 2' });
expectAccepted(await host.programCommand({ type: 'public/configured', enabled: true }, 'load'));
// The fold work alone, every revision once in random order, cold: from the journal's start each
// time (before issue 17) and from the nearest checkpoint (RevisionStates).
const entries = host.journal(raceId)!.entries;
const shuffled = entries.map((_, index) => index + 1).sort(() => Math.random() - 0.5);
let started = performance.now();
for (const revision of shuffled) foldJournal(entries.slice(0, revision));
const fromStart = performance.now() - started;
const states = new RevisionStates();
started = performance.now();
for (const revision of shuffled) states.state(raceId, entries, revision);
const fromCheckpoints = performance.now() - started;
const tokens = await loadOrCreateTokens(fixture.dataDir);
const server = await startServer({ host, tokens, port: 0 });

// Plain JavaScript: the worker has no TypeScript loader.
const client = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, token, raceId, other, entries, requests, clients } = workerData;
const percentile = (values, p) => { const s = [...values].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
let edits = 0;
async function command() {
  const started = performance.now();
  const response = await fetch(base + '/api/v1/races/' + other + '/commands', {
    method: 'POST',
    headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'skater/edited', bib: 1, name: 'Edit ' + ++edits }),
  });
  await response.text();
  if (response.status !== 200) throw new Error('command answered ' + response.status);
  return performance.now() - started;
}
async function commandsWhile(running) {
  const times = [];
  while (running()) times.push(await command());
  return times;
}
async function load(name, pathOf) {
  parentPort.postMessage({ type: 'start', name });
  await new Promise((resolve) => setTimeout(resolve, 50));
  let next = 0, done = false;
  const statuses = {};
  const started = performance.now();
  const fetchers = Array.from({ length: clients }, async () => {
    while (next < requests) {
      const response = await fetch(base + pathOf(next++));
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
  });
  const during = commandsWhile(() => !done);
  await Promise.all(fetchers);
  const ms = performance.now() - started;
  done = true;
  parentPort.postMessage({ type: 'end', name });
  return { ms, statuses, latency: figures(await during) };
}
const figures = (times) => ({ count: times.length, p50: percentile(times, 0.5), p99: percentile(times, 0.99), max: Math.max(...times) });
(async () => {
  let n = 0;
  const alone = figures(await commandsWhile(() => n++ < 200));
  const health = await load('health', () => '/api/v1/health');
  const revisions = Array.from({ length: requests }, (_, i) => 1 + (i % entries));
  for (let i = revisions.length - 1; i > 0; i--) { const j = Math.floor(Math.random() * (i + 1)); [revisions[i], revisions[j]] = [revisions[j], revisions[i]]; }
  const past = await load('past', (i) => '/public/v1/races/' + raceId + '/' + revisions[i] + '.json');
  parentPort.postMessage({ type: 'done', alone, health, past });
})().catch((error) => parentPort.postMessage({ type: 'done', error: String(error) }));
`;

const worker = new Worker(client, {
  eval: true,
  workerData: {
    base: server.url,
    token: tokens.control,
    raceId,
    other,
    entries: ENTRIES,
    requests: REQUESTS,
    clients: CLIENTS,
  },
});
type Figures = { count: number; p50: number; p99: number; max: number };
type Load = { ms: number; statuses: Record<string, number>; latency: Figures };
// The host's event loop (this thread) busy time in each load: what the requests cost the host.
const busy = new Map<string, number>();
let from = performance.eventLoopUtilization();
const result = await new Promise<{ error?: string; alone: Figures; health: Load; past: Load }>(
  (resolve) =>
    worker.on('message', (message: { type: string; name?: string }) => {
      if (message.type === 'start') from = performance.eventLoopUtilization();
      if (message.type === 'end')
        busy.set(message.name!, performance.eventLoopUtilization(from).active);
      if (message.type === 'done') resolve(message as never);
    }),
);
await worker.terminate();
await server.close();
await fixture.close();
const ms = (value: number) => `${value.toFixed(2)} ms`;
const latency = (label: string, figures: Figures) =>
  console.log(
    `  command latency ${label}: p50 ${ms(figures.p50)}, p99 ${ms(figures.p99)}, max ${ms(figures.max)} (${figures.count} commands)`,
  );
if (result.error) {
  console.log(`public revision load: failed: ${result.error}`);
} else {
  console.log(
    `public revision URLs: ${REQUESTS} requests from ${CLIENTS} clients, a ${ENTRIES}-entry journal`,
  );
  console.log(
    `  folding each of the ${ENTRIES} revisions once: ${ms(fromStart)} from the journal's start, ${ms(fromCheckpoints)} from checkpoints`,
  );
  latency('alone', result.alone);
  for (const [label, name, load] of [
    ['GET /api/v1/health (the server alone)', 'health', result.health],
    ['GET /public/v1/races/<id>/<random revision>.json', 'past', result.past],
  ] as const) {
    console.log(
      `  ${label}: ${ms(load.ms)} (${((REQUESTS / load.ms) * 1000).toFixed(0)}/s), host busy ${ms(busy.get(name) ?? NaN)}, statuses ${JSON.stringify(load.statuses)}`,
    );
    latency('meanwhile', load.latency);
  }
}

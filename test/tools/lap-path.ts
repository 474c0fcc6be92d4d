// What one lap costs on its way through the host (issue 19, part 6): `npm run report:lap-path`.
// A real host and server on 127.0.0.1 (test/support/api-server.ts), a console and a board on real
// WebSockets, each putting its pushes together with the renderer's own client code (Pushes), the
// board also making its board model (presentBoard). The console sends one {"type":"lap"} as
// src/renderer/console/host/use-host.ts sends it; the report counts what happens until the console
// and the board both show the new race revision. A report, not a test: it prints a table.
//
// How it counts (docs/architecture.md, "One lap, measured"):
// - frames: every WebSocket frame each client sends and receives in that window, with its type
//   and size in bytes;
// - JSON.parse / JSON.stringify: both wrapped for the window; a call made while a client handles
//   its frame counts for that client, every other call for the host;
// - modules on the stack: at the host's command entry (HostSession.receive), the journal append
//   (Journal.append / appendBatch), every send on a server-side socket and every host JSON call,
//   `new Error().stack` (no depth limit) is read and its src/ files collected;
// - modules run: V8's precise coverage (node:inspector) is reset just before the lap and read
//   once both clients have the state; every src/ file with a function called in between.
import { Session } from 'node:inspector/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// Types only: erased, so nothing of the host is loaded before coverage starts.
import type { ClientMessage, ServerMessage } from '../../src/shared/protocol/messages.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const srcRoot = `${resolve(root, 'src')}/`;

// Coverage first, so every module compiled from here on is counted exactly.
const inspector = new Session();
inspector.connect();
await inspector.post('Profiler.enable');
await inspector.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });

const { default: WebSocket } = await import('ws');
const { startApi } = await import('../support/api-server.ts');
const { HostSession } = await import('../../src/main/host/session.ts');
const { Journal } = await import('../../src/main/host/journal.ts');
const { Pushes } = await import('../../src/renderer/shared/pushes.ts');
const { presentBoard } = await import('../../src/shared/board/presenter.ts');

/** Who is running: a client handling a frame, or (null) the host. */
let actor: 'console' | 'board' | null = null;
/** True while the one lap is measured. */
let measuring = false;
const jsonCalls = {
  host: { parse: 0, stringify: 0 },
  console: { parse: 0, stringify: 0 },
  board: { parse: 0, stringify: 0 },
};
const stackModules = new Set<string>();
/** Where the host's JSON calls are made: the nearest src/ file on the stack, with a count. */
const jsonSites = new Map<string, number>();

/** The src/ files on the current call stack, nearest first. */
function recordStack(): string[] {
  const stack = new Error().stack ?? '';
  const files: string[] = [];
  for (const match of stack.matchAll(/(?:file:\/\/)?(\/[^\s():]+\.tsx?)/g)) {
    const file = match[1]!;
    if (file.startsWith(srcRoot)) files.push(relative(root, file));
  }
  for (const file of files) stackModules.add(file);
  return files;
}

/** Counts a host JSON call at the nearest src/ file that made it. */
function jsonSite(call: 'parse' | 'stringify'): void {
  const site = `${call} in ${recordStack()[0]?.replace(/^src\//, '') ?? '(no src/ file)'}`;
  jsonSites.set(site, (jsonSites.get(site) ?? 0) + 1);
}

Error.stackTraceLimit = Infinity;
const { parse, stringify } = JSON;
JSON.parse = function (this: JSON, ...args: Parameters<typeof parse>) {
  if (measuring) {
    jsonCalls[actor ?? 'host'].parse++;
    if (actor === null) jsonSite('parse');
  }
  return parse.apply(this, args) as unknown;
} as typeof JSON.parse;
JSON.stringify = function (this: JSON, ...args: Parameters<typeof stringify>) {
  if (measuring) {
    jsonCalls[actor ?? 'host'].stringify++;
    if (actor === null) jsonSite('stringify');
  }
  return stringify.apply(this, args);
} as typeof JSON.stringify;

/** Wraps a prototype method so that a call during the lap records its stack. */
function sampled<T extends object>(proto: T, name: keyof T & string): void {
  const original = proto[name] as (...args: unknown[]) => unknown;
  (proto as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
    if (measuring) recordStack();
    return original.apply(this, args);
  };
}
sampled(HostSession.prototype, 'receive');
sampled(Journal.prototype, 'append');
sampled(Journal.prototype, 'appendBatch');

/** A frame as a client saw it. */
interface Frame {
  readonly type: string;
  readonly bytes: number;
}

/** A client socket that says who it is while it handles a frame, and notes every frame. */
class ClientSocket extends WebSocket {
  readonly sent: Frame[] = [];
  readonly received: Frame[] = [];
  role: 'console' | 'board' = 'board';

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    const before = actor;
    actor = this.role;
    try {
      if (event === 'message' && measuring) this.received.push(frameOf(String(args[0])));
      return super.emit(event, ...args);
    } finally {
      actor = before;
    }
  }
}

// Every send on a server-side socket (the host's replies and pushes): sampled.
const send = WebSocket.prototype.send;
WebSocket.prototype.send = function (
  this: InstanceType<typeof WebSocket>,
  ...args: Parameters<typeof send>
) {
  if (measuring && !(this instanceof ClientSocket)) recordStack();
  send.apply(this, args);
} as typeof send;

/** A frame's type and size, read without counting (the original JSON.parse). */
function frameOf(text: string): Frame {
  const message = parse(text) as {
    type?: string;
    ops?: unknown[];
    journal?: { entries?: unknown[] };
  };
  const ops = message.ops
    ? ` (${message.ops.length} ops${message.journal ? ', journal entry' : ''})`
    : '';
  return { type: `${message.type ?? '?'}${ops}`, bytes: Buffer.byteLength(text) };
}

/** A view: the renderer's Pushes over a ClientSocket, as host-client.ts wires it. */
async function openView(url: string, role: 'console' | 'board') {
  const socket = new ClientSocket(url);
  socket.role = role;
  const pending = new Map<string, (reply: ServerMessage) => void>();
  let nextId = 1;
  const sendMessage = (message: ClientMessage): Promise<ServerMessage> =>
    new Promise((done) => {
      const id = `m${nextId++}`;
      pending.set(id, done);
      const before = actor;
      actor = role;
      const text = JSON.stringify({ ...message, id });
      actor = before;
      if (measuring) socket.sent.push(frameOf(text));
      socket.send(text);
    });
  const pushes = new Pushes(sendMessage);
  let boardRows = 0;
  socket.on('message', (data) => {
    const message = JSON.parse((data as Buffer).toString('utf8')) as ServerMessage;
    if (pushes.push(message)) {
      if (role === 'board' && pushes.latest)
        boardRows = presentBoard(pushes.latest, { bannerActive: false }).rows.length;
      return;
    }
    if ('id' in message && message.id !== undefined) {
      pending.get(String(message.id))?.(message);
      pending.delete(String(message.id));
    }
  });
  await new Promise<void>((open, fail) => {
    socket.once('open', () => open());
    socket.once('error', fail);
  });
  /** Resolves once this view shows race revision `revision` or later. */
  const shows = (revision: number) =>
    new Promise<void>((done) => {
      const stop = pushes.onState((state) => {
        if ((state.race?.revision ?? 0) >= revision) {
          queueMicrotask(() => stop());
          done();
        }
      });
    });
  return { socket, pushes, send: sendMessage, shows, rows: () => boardRows };
}

/** The src/ files with any function called since the last take (coverage resets on each take). */
async function modulesRun(): Promise<string[]> {
  const { result } = await inspector.post('Profiler.takePreciseCoverage');
  return result
    .filter((script) => script.url.startsWith(`file://${srcRoot}`))
    .filter((script) => script.functions.some((fn) => fn.ranges[0]!.count > 0))
    .map((script) => relative(root, fileURLToPath(script.url)))
    .sort();
}

const api = await startApi();
const wsUrl = `${api.server.url.replace(/^http/, 'ws')}/api/v1/ws`;
const consoleView = await openView(`${wsUrl}?v=2&token=${api.tokens.control}&journal=1`, 'console');
const board = await openView(`${wsUrl}?v=2&token=${api.tokens.view}`, 'board');
const lap = (): Promise<ServerMessage> =>
  consoleView.send({ type: 'command', race: api.raceId, command: { type: 'lap' } });

// Warm up: the start and three laps, so nothing is loaded or compiled for the first time below.
for (let i = 0; i < 4; i++) {
  const ack = await lap();
  if (ack.type !== 'ack') throw new Error(`the warm-up lap was refused: ${JSON.stringify(ack)}`);
}
const before = consoleView.pushes.latest?.race?.revision ?? 0;
await Promise.all([consoleView.shows(before), board.shows(before)]);
await new Promise((settle) => setTimeout(settle, 50));

await modulesRun(); // resets the counters
measuring = true;
const started = performance.now();
const [ack] = await Promise.all([lap(), consoleView.shows(before + 1), board.shows(before + 1)]);
const elapsed = performance.now() - started;
measuring = false;
const run = await modulesRun();
if (ack.type !== 'ack') throw new Error(`the lap was refused: ${JSON.stringify(ack)}`);

const byFolder = (files: Iterable<string>) => {
  const counts = new Map<string, number>();
  for (const file of files) {
    const folder = file.split('/').slice(0, 2).join('/');
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  return [...counts].map(([folder, count]) => `${folder} ${count}`).join(', ');
};
const frames = (list: readonly Frame[]) =>
  list.map((frame) => `${frame.type} ${frame.bytes} B`).join('; ') || 'none';
const sentRequests = consoleView.socket.sent.length;
const rows: [string, string][] = [
  ['console -> host frames (round trips)', `${sentRequests} (${frames(consoleView.socket.sent)})`],
  ['host -> console frames', frames(consoleView.socket.received)],
  ['host -> board frames', frames(board.socket.received)],
  ['board model rows after the lap (presentBoard)', String(board.rows())],
  ['host JSON.parse / JSON.stringify', `${jsonCalls.host.parse} / ${jsonCalls.host.stringify}`],
  [
    'console JSON.parse / JSON.stringify',
    `${jsonCalls.console.parse} / ${jsonCalls.console.stringify}`,
  ],
  ['board JSON.parse / JSON.stringify', `${jsonCalls.board.parse} / ${jsonCalls.board.stringify}`],
  ['src/ modules on the host stack (sampled)', `${stackModules.size} (${byFolder(stackModules)})`],
  ['src/ modules run, host and both views', `${run.length} (${byFolder(run)})`],
  ['lap to both views showing it (loopback, fsync)', `${elapsed.toFixed(1)} ms`],
];
const width = Math.max(...rows.map(([name]) => name.length));
console.log(
  `One lap ({"type":"lap"} over WebSocket, ${api.raceId}, 12 skaters, race revision ${before} -> ${before + 1})`,
);
for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
console.log(
  `\nhost JSON calls:\n  ${[...jsonSites].map(([site, count]) => `${count} x ${site}`).join('\n  ')}`,
);
console.log(`\nsrc/ modules on the host stack:\n  ${[...stackModules].sort().join('\n  ')}`);
console.log(`\nsrc/ modules run:\n  ${run.join('\n  ')}`);

consoleView.socket.close();
board.socket.close();
await api.close();
inspector.disconnect();

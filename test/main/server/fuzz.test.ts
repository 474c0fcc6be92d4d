import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostRequestSchema as socketRequestSchema } from '../../../src/shared/protocol/socket.ts';
import type { JournalEntry } from '../../../src/shared/race/events.ts';
import { isu2018 } from '../../../src/shared/race/format.ts';
import { foldJournal } from '../../../src/shared/race/history.ts';
import type { RaceView } from '../../../src/shared/race/view.ts';
import { startApi, TestSocket, type ApiFixture } from '../../support/api-server.ts';
import { skaters } from '../../support/race.ts';
import { seededRandom } from '../../support/seeded-random.ts';

const SEED = 20260221;
// A failing run replays exactly from its seed (test/support/seeded-random.ts).
const random = seededRandom(SEED);
const { int, pick, chance } = random;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const nest = (depth: number): Json =>
  depth === 0 ? 'bottom' : chance(0.5) ? [nest(depth - 1)] : { deeper: nest(depth - 1) };
const junk = (): Json =>
  pick<() => Json>([
    () => null,
    () => true,
    () => -1,
    () => 0,
    () => 1.5,
    () => 1e308,
    () => -1e308,
    () => 2 ** 53 + 1,
    () => '',
    () => '7',
    () => 'x'.repeat(300),
    () => '\u0000💥\ud800',
    () => [],
    () => [1, 'two', null],
    () => ({}),
    () => ({ a: { b: { c: [] } } }),
    () => nest(200),
    () => int(2000) - 500,
  ])();
const bib = () => (chance(0.8) ? 1 + int(12) : pick([0, 13, 99, 999, 1000, -3]));
const bibs = () => Array.from({ length: 1 + int(4) }, bib);

/** Commands the semi (bibs 1-12) may accept at some point, with random helmet numbers. */
const baseCommand = (): { [key: string]: Json } =>
  pick<() => { [key: string]: Json }>([
    () => ({ type: 'race/started' }),
    () => ({ type: 'lap/completed' }),
    () => ({ type: 'lap/completed' }),
    () => ({ type: 'laps/corrected', lapsCompleted: int(18) }),
    () => ({ type: 'sprint/placed', sprint: 1 + int(3), bibs: bibs() }),
    () => ({ type: 'finish/recorded', bibs: bibs() }),
    () => ({ type: 'finish/appended', bibs: bibs() }),
    () => ({ type: 'finish/timed', bib: bib(), time: int(600_000) }),
    () => ({
      type: 'skater/statusChanged',
      bib: bib(),
      status: pick(['OK', 'DNS', 'DNF', 'DQ', 'LAPPED']),
      laps: int(16),
    }),
    () => ({
      type: 'skater/edited',
      bib: bib(),
      name: pick(['Ada', '', ' ', 'Jorrit Bergsma']),
      nation: pick(['NED', 'ned', 'XX', '']),
    }),
    () => ({ type: 'qualifier/advanced', bib: bib() }),
    () => ({ type: 'results/confirmed' }),
    () => ({ type: 'results/reopened' }),
    () => ({ type: 'event/voided', target: int(40) }),
    () => ({ type: 'undo' }),
    () => ({ type: 'redo' }),
    () => ({ type: 'startList/set', skaters: skaters(12) }),
    () => ({
      type: 'race/configured',
      title: 'Men Semi 1',
      round: 'semi',
      qualifiers: 8,
      format: isu2018,
    }),
  ])();

const programCommand = (): { [key: string]: Json } =>
  pick<() => { [key: string]: Json }>([
    () => ({ type: 'meeting/renamed', name: pick(['WC Heerenveen', '', 'x'.repeat(250)]) }),
    () => ({ type: 'scene/shown', output: 'board', scene: pick(['live', 'results', 'disco']) }),
    () => ({
      type: 'overlay/toggled',
      element: pick(['lapsToGo', 'standings', 'nope']),
      visible: chance(0.5),
    }),
    () => ({ type: 'race/activated', raceId: pick(['men-semi-1', 'nope', 'UPPER']) }),
    () => ({ type: 'final/built', semis: ['men-semi-1', 'nope'], title: 'Men Final' }),
  ])();

/** One to three random changes: drop, retype or add a field, change the type, nest junk. */
function mutate(value: { [key: string]: Json }): Json {
  const copy: { [key: string]: Json } = structuredClone(value);
  for (let n = 1 + int(3); n > 0; n--) {
    const keys = Object.keys(copy);
    const key = pick(keys.length ? keys : ['type']);
    pick<() => void>([
      () => delete copy[key],
      () => (copy[key] = junk()),
      () => (copy[pick(['extra', '__proto__x', 'constructor', 'bibs', 'revision'])] = junk()),
      () =>
        (copy.type = pick([
          'lap/completed',
          'lap/skipped',
          '',
          'LAP/COMPLETED',
          'race/added',
          'undo ',
        ])),
      () => (copy.type = junk()),
    ])();
  }
  return copy;
}

let knownRevision = 2;
const revision = (): Json | undefined =>
  pick([undefined, undefined, knownRevision, knownRevision, int(40), -1, 1.5, '3'] as (
    Json | undefined
  )[]);

/** A race request body in one of its three envelopes, sometimes mutated. */
function raceBody(): Json {
  const command = (): Json => (chance(0.5) ? baseCommand() : mutate(baseCommand()));
  const rev = revision();
  const withRevision: { [key: string]: Json } = rev === undefined ? {} : { revision: rev };
  return pick<() => Json>([
    () => command(),
    () => ({ command: command(), ...withRevision }),
    () => ({ commands: Array.from({ length: 1 + int(4) }, command), ...withRevision }),
    () => ({ commands: pick([[], 'lap', junk()]), ...withRevision }),
    () => ({ command: [command()], ...withRevision }),
    () => junk(),
  ])();
}

interface FuzzRequest {
  path: string;
  body: string | Uint8Array;
  headers: Record<string, string>;
}

function fuzzRequest(api: ApiFixture): FuzzRequest {
  const roll = random();
  const token = roll < 0.05 ? pick([null, api.tokens.view, 'bad-token']) : api.tokens.control;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
  const path =
    roll < 0.1
      ? '/api/v1/program'
      : pick([
          '/api/v1/commands',
          '/api/v1/commands',
          '/api/v1/races/men-semi-1/commands',
          `/api/v1/races/${pick(['nope', '%20', 'a'.repeat(80)])}/commands`,
          '/api/v1/command',
        ]);
  let text = JSON.stringify(
    path === '/api/v1/program'
      ? chance(0.5)
        ? programCommand()
        : mutate(programCommand())
      : raceBody(),
  );
  const damage = random();
  if (damage < 0.06) text = text.slice(0, int(text.length));
  else if (damage < 0.1)
    text =
      text.slice(0, int(text.length)) +
      pick(['}', ']', ',', '"', '\\', '{{', 'NaN']) +
      text.slice(int(text.length));
  else if (damage < 0.12)
    return { path, headers, body: Uint8Array.from({ length: int(200) }, () => int(256)) };
  else if (damage < 0.14)
    text = JSON.stringify({ type: 'lap/completed', padding: 'x'.repeat(70_000) });
  else if (damage < 0.17)
    headers['content-type'] = pick([
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/jsonx',
      'multipart/form-data; boundary=x',
    ]);
  return { path, headers, body: text };
}

let api: ApiFixture;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const accepted: JournalEntry[] = [];
function record(
  entries: readonly JournalEntry[] | undefined,
  raceId: string | undefined,
  raceRevision: number | undefined,
) {
  if (raceId !== api.raceId || !entries) return;
  accepted.push(...entries);
  if (raceRevision !== undefined) knownRevision = Math.max(knownRevision, raceRevision);
}

describe(`fuzzing the control API (seed ${SEED})`, () => {
  it('answers 3000 random and mutated HTTP requests with 2xx or 4xx, never 5xx', async () => {
    const statuses = new Map<number, number>();
    const requests = Array.from({ length: 3000 }, () => fuzzRequest(api));
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const response = await fetch(api.server.url + request.path, {
          method: 'POST',
          headers: request.headers,
          body: request.body,
        });
        const body = (await response.json()) as {
          ok?: boolean;
          entries?: JournalEntry[];
          raceId?: string;
          raceRevision?: number;
          error?: string;
        };
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(
          response.status < 300 || (response.status >= 400 && response.status < 500),
          `${response.status} ${body.error} for ${String(request.body).slice(0, 300)}`,
        ).toBe(true);
        expect(body.ok).toBe(response.status < 300);
        if (!body.ok) expect(typeof body.error).toBe('string');
        if (response.status < 300) record(body.entries, body.raceId, body.raceRevision);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    // Every kind of answer came up, so the fuzz reached past the parser into the engine.
    for (const status of [200, 400, 401, 403, 404, 409, 413, 415])
      expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    expect((await api.call('/api/v1/health', { token: null })).status).toBe(200);
  });

  it('answers 600 random WebSocket frames with an error or an ack, and the sockets stay open', async () => {
    const control = await TestSocket.open(api.server.url, { token: api.tokens.control });
    const board = await TestSocket.open(api.server.url, { token: api.tokens.view });
    await Promise.all([control.next('state'), board.next('state')]);
    const frames: { socket: TestSocket; frame: string | Buffer }[] = [];
    for (let i = 0; i < 600; i++) {
      const socket = chance(0.8) ? control : board;
      const type = pick([
        'command',
        'batch',
        'program',
        'journal',
        'subscribe',
        'dance',
        undefined,
      ]);
      let message: Json = { type: type ?? null, id: i };
      if (type === 'command')
        message = {
          type,
          id: i,
          command: chance(0.5) ? baseCommand() : mutate(baseCommand()),
          ...(chance(0.3) ? { revision: knownRevision } : {}),
        };
      if (type === 'batch')
        message = { type, id: i, commands: [mutate(baseCommand()), baseCommand()] };
      if (type === 'program') message = { type, id: i, command: mutate(programCommand()) };
      if (type === 'journal' || type === 'subscribe')
        message = { type, id: i, race: pick(['men-semi-1', null, 'nope', 7]) };
      if (chance(0.3)) message = mutate(message);
      const text = JSON.stringify(message);
      const frame = chance(0.1)
        ? text.slice(0, int(text.length))
        : chance(0.03)
          ? Buffer.from([int(256), int(256)])
          : text;
      frames.push({ socket, frame });
    }
    /** A valid subscribe to an existing race (or the active one) is answered with a state only. */
    const stateOnly = (frame: string | Buffer) => {
      if (typeof frame !== 'string') return false;
      try {
        const parsed = socketRequestSchema.safeParse(JSON.parse(frame));
        return (
          parsed.success &&
          parsed.data.type === 'subscribe' &&
          (parsed.data.race == null || parsed.data.race === api.raceId)
        );
      } catch {
        return false;
      }
    };
    for (const { socket, frame } of frames) {
      if (typeof frame === 'string') socket.send(frame);
      else socket.socket.send(frame, { binary: true });
    }
    for (const socket of [control, board]) {
      const expected = frames.filter((f) => f.socket === socket && !stateOnly(f.frame)).length;
      for (let answered = 0; answered < expected; answered++) {
        const reply = await socket.next(undefined, 10_000);
        if (reply.type === 'state') {
          answered--;
          continue;
        }
        if (reply.type === 'error') expect(reply.status, reply.error).toBeLessThan(500);
        if (reply.type === 'ack') record(reply.entries, reply.raceId, reply.raceRevision);
      }
      expect(socket.socket.readyState).toBe(1);
    }
    expect(board.messages.some((m) => m.type === 'error' && m.status === 403)).toBe(true);
    control.close();
    board.close();
  });

  it('leaves a journal with exactly one line per accepted command that folds to the host state', async () => {
    const lines = (await readFile(api.journalPath, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as JournalEntry);
    expect(lines).toHaveLength(2 + accepted.length);
    expect(
      lines
        .slice(2)
        .map((entry) => entry.seq)
        .sort((a, b) => a - b),
    ).toEqual(accepted.map((entry) => entry.seq).sort((a, b) => a - b));
    expect(accepted.length).toBeGreaterThan(20);
    expect(foldJournal(lines).state).toEqual(api.host.race(api.raceId)!.state);
    const served = await api.call<RaceView>(`/api/v1/races/${api.raceId}`, { token: 'view' });
    expect(served.json.state).toEqual(JSON.parse(JSON.stringify(api.host.race(api.raceId)!.state)));
    expect(served.json.revision).toBe(lines.length);
  });
});

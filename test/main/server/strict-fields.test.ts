// Issue 17: every command a client sends is strict. An unknown field (a typo such as "lap" for
// "laps") and a __proto__ / constructor / prototype key anywhere are refused with a 400 naming
// them, over real HTTP and a real WebSocket, and the journal gets no line. A journal or
// program.json holding a key the schemas do not know still opens.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RaceHost } from '../../../src/main/host/host.ts';
import { loadOrCreateTokens } from '../../../src/main/host/tokens.ts';
import { startServer } from '../../../src/main/server/http-api.ts';
import type { JournalEntry } from '../../../src/shared/race/events.ts';
import type { RaceView } from '../../../src/shared/race/view.ts';
import { startApi, TestSocket, type ApiFixture } from '../../support/api-server.ts';
import { openHost } from '../../support/host-fixture.ts';

const forbidden = '(__proto__, constructor and prototype are never accepted)';

let api: ApiFixture;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

const programFile = () => readFile(join(api.dataDir, 'program.json'));

/** A route, a body with one field wrong, and the refusal it must get. */
const unknownFields: [string, unknown, string][] = [
  [
    '/api/v1/commands',
    { type: 'skater/statusChanged', bib: 11, status: 'DNF', lap: 9 },
    'lap: unknown field "lap" (did you mean "laps"?)',
  ],
  [
    '/api/v1/races/men-semi-1/commands',
    { command: { type: 'startList/set', skaters: [{ bib: 1, name: 'A', nationality: 'NED' }] } },
    'command.skaters[0].nationality: unknown field "nationality" (did you mean "nation"?)',
  ],
  [
    '/api/v1/commands',
    { commands: [{ type: 'race/started' }, { type: 'lap/completed', leader: 7 }] },
    'commands[1].leader: unknown field "leader"',
  ],
  [
    '/api/v1/commands',
    { command: { type: 'race/started' }, revison: 2 },
    'revison: unknown field "revison" (did you mean "revision"?)',
  ],
  [
    '/api/v1/program',
    { type: 'display/configured', langauge: 'nl' },
    'langauge: unknown field "langauge" (did you mean "language"?)',
  ],
  [
    '/api/v1/program',
    { command: { type: 'timing/configured', autoLap: true }, revision: 1 },
    'autoLap: unknown field "autoLap" (did you mean "autoLaps"?)',
  ],
  [
    '/api/v1/program',
    { command: { type: 'meeting/renamed', name: 'WC' }, revison: 1 },
    'revison: unknown field "revison" (did you mean "revision"?)',
  ],
  [
    '/api/v1/timing',
    { action: 'accept', proposal: 'sprint-1', bib: [3] },
    'bib: unknown field "bib" (did you mean "bibs"?)',
  ],
];

/** A route, a raw body with a forbidden key, and the refusal it must get. */
const forbiddenKeys: [string, string, string][] = [
  [
    '/api/v1/commands',
    '{"type":"race/started","__proto__":{"admin":true}}',
    // Fastify's parser refuses it first; the reason is the same words as on every transport.
    `__proto__: forbidden field "__proto__" ${forbidden}`,
  ],
  [
    '/api/v1/commands',
    '{"command":{"type":"startList/set","skaters":[{"bib":1,"name":"A","__proto__":{"x":1}}]}}',
    `command.skaters[0].__proto__: forbidden field "__proto__" ${forbidden}`,
  ],
  [
    '/api/v1/commands',
    '{"type":"race/started","constructor":1}',
    `constructor: forbidden field "constructor" ${forbidden}`,
  ],
  [
    '/api/v1/program',
    '{"command":{"type":"display/configured","prototype":{"theme":"x"}}}',
    `command.prototype: forbidden field "prototype" ${forbidden}`,
  ],
  [
    '/api/v1/timing',
    '{"action":"dismiss","proposal":"lap-3","constructor":{"prototype":{"x":1}}}',
    `constructor: forbidden field "constructor" ${forbidden}`,
  ],
];

describe('over HTTP', () => {
  it.each(unknownFields)(
    'POST %s %j: 400 naming the field, nothing written',
    async (path, body, error) => {
      const [journal, program] = [await api.journalBytes(), await programFile()];
      const reply = await api.call(path, { body });
      expect({ status: reply.status, json: reply.json }).toEqual({
        status: 400,
        json: { ok: false, error },
      });
      expect(await api.journalBytes()).toEqual(journal);
      expect(await programFile()).toEqual(program);
    },
  );

  it.each(forbiddenKeys)(
    'POST %s %s: 400 naming the path, nothing written',
    async (path, body, error) => {
      const [journal, program] = [await api.journalBytes(), await programFile()];
      const reply = await api.call(path, { body });
      expect({ status: reply.status, json: reply.json }).toEqual({
        status: 400,
        json: { ok: false, error },
      });
      expect(await api.journalBytes()).toEqual(journal);
      expect(await programFile()).toEqual(program);
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    },
  );

  it('the same DNF with "laps" is accepted and journaled with its laps', async () => {
    const reply = await api.call<{ entries: JournalEntry[] }>('/api/v1/commands', {
      body: { type: 'skater/statusChanged', bib: 11, status: 'DNF', laps: 9 },
    });
    expect(reply.status).toBe(200);
    const last = JSON.parse((await api.journalBytes()).toString('utf8').trim().split('\n').at(-1)!);
    expect(last).toMatchObject({
      source: 'http',
      event: { type: 'skater/statusChanged', bib: 11, status: 'DNF', laps: 9 },
    });
  });
});

describe('over a WebSocket', () => {
  it('answers each unknown field and forbidden key with a 400 error naming it, and journals nothing', async () => {
    const socket = await TestSocket.open(api.server.url, { token: api.tokens.control });
    await socket.next('state');
    const journal = await api.journalBytes();
    const frames: [unknown, string][] = [
      [
        {
          type: 'command',
          id: 'a',
          command: { type: 'skater/statusChanged', bib: 11, status: 'DNF', lap: 9 },
        },
        'command.lap: unknown field "lap" (did you mean "laps"?)',
      ],
      [
        {
          type: 'batch',
          id: 'b',
          commands: [{ type: 'race/started' }, { type: 'undo', steps: 2 }],
        },
        'commands[1].steps: unknown field "steps"',
      ],
      [
        {
          type: 'program',
          id: 'c',
          command: { type: 'overlay/toggled', element: 'sprint', visble: true },
        },
        'visible: missing (expected boolean)\nvisble: unknown field "visble" (did you mean "visible"?)',
      ],
      [
        { type: 'command', id: 'd', command: { type: 'race/started' }, revison: 1 },
        'revison: unknown field "revison" (did you mean "revision"?)',
      ],
      [
        '{"type":"command","id":"e","command":{"type":"race/started","__proto__":{"admin":true}}}',
        `command.__proto__: forbidden field "__proto__" ${forbidden}`,
      ],
      [
        '{"type":"batch","id":"f","commands":[{"type":"startList/set","skaters":[{"bib":1,"name":"A","constructor":{"prototype":{}}}]}]}',
        `commands[0].skaters[0].constructor: forbidden field "constructor" ${forbidden}`,
      ],
      [
        '{"type":"subscribe","id":"g","__proto__":{"race":"x"}}',
        `__proto__: forbidden field "__proto__" ${forbidden}`,
      ],
    ];
    for (const [frame] of frames) socket.send(frame);
    for (const [frame, error] of frames) {
      const id = (typeof frame === 'string' ? JSON.parse(frame) : frame) as { id: string };
      expect(await socket.next('error')).toEqual({
        type: 'error',
        id: id.id,
        ok: false,
        status: 400,
        error,
      });
    }
    expect(await api.journalBytes()).toEqual(journal);
    expect(socket.socket.readyState).toBe(1);
    socket.close();
  });
});

describe('a journal and program.json holding keys the schemas do not know', () => {
  it('still open: the unknown keys are left out and the race goes on', async () => {
    const fixture = await openHost({ prefix: 'old-journal' });
    const { dataDir, raceId, journalPath } = fixture;
    await fixture.host.close();
    const lines = (await readFile(journalPath, 'utf8')).trim().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const startList = entries.find(
      (entry) => (entry.event as { type: string }).type === 'startList/set',
    )!;
    const event = startList.event as { skaters: Record<string, unknown>[]; note?: string };
    event.skaters[0]!.club = 'Team Jumbo';
    event.note = 'imported';
    startList.writtenBy = 'a later version';
    const added = {
      seq: entries.length + 1,
      at: '2026-02-21T12:00:00.000Z',
      source: 'console',
      event: { type: 'skater/statusChanged', bib: 4, status: 'DNS', reason: 'ill' },
    };
    const written = [...entries, added].map((entry) => JSON.stringify(entry)).join('\n') + '\n';
    await writeFile(journalPath, written);
    const programPath = join(dataDir, 'program.json');
    const program = JSON.parse(await readFile(programPath, 'utf8')) as {
      display: Record<string, unknown>;
    };
    program.display.boardGlow = true;
    await writeFile(programPath, JSON.stringify(program));

    const host = await RaceHost.open({ dataDir });
    const server = await startServer({ host, tokens: await loadOrCreateTokens(dataDir), port: 0 });
    try {
      const tokens = await loadOrCreateTokens(dataDir);
      const call = (path: string, body?: unknown) =>
        fetch(server.url + path, {
          method: body === undefined ? 'GET' : 'POST',
          headers: {
            authorization: `Bearer ${tokens.control}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const race = (await (await call(`/api/v1/races/${raceId}`)).json()) as RaceView;
      expect(race.revision).toBe(added.seq);
      expect(race.state.skaters[0]).not.toHaveProperty('club');
      expect(race.state.status[4]).toBe('DNS');
      expect((await call('/api/v1/commands', { type: 'race/started' })).status).toBe(200);
      // The old lines stay as they were written; the new one follows them.
      const now = await readFile(journalPath, 'utf8');
      expect(now.startsWith(written)).toBe(true);
      expect(now.slice(written.length)).toMatch(/"race\/started"/);
    } finally {
      await server.close();
      await host.close();
      await fixture.close();
    }
  });
});

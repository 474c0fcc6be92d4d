import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostSnapshot } from '../../../src/main/host/host.ts';
import type { JournalEntry } from '../../../src/shared/race/events.ts';
import { foldJournal } from '../../../src/shared/race/history.ts';
import type { ProgramView } from '../../../src/shared/protocol/program.ts';
import { startApi, type ApiFixture } from '../../support/api-server.ts';

let api: ApiFixture;
beforeEach(async () => {
  api = await startApi();
});
afterEach(async () => {
  await api.close();
});

const lap = { type: 'lap/completed' };
const started = { type: 'race/started' };

describe('the control API: tokens', () => {
  it('answers health without a token and everything else only with one (401)', async () => {
    expect(await api.call('/api/v1/health', { token: null })).toMatchObject({
      status: 200,
      json: { ok: true },
    });
    for (const path of [
      '/api/v1/program',
      '/api/v1/state',
      '/api/v1/races/men-semi-1',
      '/api/v1/races/men-semi-1/journal',
    ]) {
      const reply = await api.call(path, { token: null });
      expect(reply.status, path).toBe(401);
      expect(reply.json).toEqual({
        ok: false,
        error: 'missing token: send "Authorization: Bearer <token>" or add ?token=<token>',
      });
    }
    expect(
      await api.call('/api/v1/program', { token: null, headers: { authorization: 'Bearer nope' } }),
    ).toMatchObject({ status: 401, json: { error: 'unknown token' } });
    expect(
      await api.call('/api/v1/program', {
        token: null,
        headers: { authorization: `Basic ${api.tokens.control}` },
      }),
    ).toMatchObject({ status: 401, json: { error: /Bearer <token>/ } });
    expect(
      await api.call(`/api/v1/program?token=${api.tokens.view}x`, { token: null }),
    ).toMatchObject({ status: 401 });
    expect(await api.call('/api/v1/commands', { token: null, body: lap })).toMatchObject({
      status: 401,
    });
  });

  it('lets the view token read (header or ?token=) but not write (403); the control token does both', async () => {
    const program = await api.call(`/api/v1/program?token=${api.tokens.view}`, { token: null });
    expect(program).toMatchObject({
      status: 200,
      json: { activeRaceId: 'men-semi-1', races: [{ id: 'men-semi-1', skaters: 12, revision: 2 }] },
    });
    const state = await api.call('/api/v1/state', { token: 'view' });
    expect(state.json).toMatchObject({
      revision: api.host.revision,
      race: { id: 'men-semi-1', revision: 2 },
    });
    expect(state.json).toEqual(JSON.parse(JSON.stringify(api.host.snapshot())));
    expect((await api.call('/api/v1/races/men-semi-1', { token: 'view' })).json).toMatchObject({
      id: 'men-semi-1',
      lapsToGo: 16,
    });
    const journal = await api.call('/api/v1/races/men-semi-1/journal', { token: 'view' });
    expect(journal.json).toMatchObject({ entries: [{ seq: 1 }, { seq: 2 }], voided: [] });

    const before = await api.journalBytes();
    for (const [path, body] of [
      ['/api/v1/commands', lap],
      ['/api/v1/races/men-semi-1/commands', lap],
      ['/api/v1/program', { type: 'meeting/renamed', name: 'X' }],
    ] as const) {
      const refused = await api.call(path, { token: 'view', body });
      expect(refused).toMatchObject({
        status: 403,
        json: { ok: false, error: /view token may only read/ },
      });
    }
    expect(await api.journalBytes()).toEqual(before);
    expect(api.host.program().meeting).toBe('Mass Start meeting');
    expect(
      await api.call('/api/v1/program', {
        body: { type: 'meeting/renamed', name: 'World Cup Heerenveen' },
      }),
    ).toMatchObject({ status: 200, json: { ok: true } });
    expect((await api.call<ProgramView>('/api/v1/program')).json.meeting).toBe(
      'World Cup Heerenveen',
    );
  });
});

describe('the control API: commands', () => {
  it('accepts a single command and a batch, journaled before the reply', async () => {
    const one = await api.call('/api/v1/commands', { body: started });
    expect(one).toMatchObject({
      status: 200,
      json: {
        ok: true,
        raceId: 'men-semi-1',
        raceRevision: 3,
        entries: [{ seq: 3, source: 'http', event: started }],
      },
    });
    expect((await api.journalBytes()).toString().trim().split('\n')).toHaveLength(3);
    const batch = await api.call<{ entries: JournalEntry[] }>('/api/v1/races/men-semi-1/commands', {
      body: { commands: [lap, lap, { type: 'undo' }], revision: 3 },
    });
    expect(batch).toMatchObject({
      status: 200,
      json: { ok: true, raceRevision: 6, revision: api.host.revision },
    });
    expect(batch.json.entries.map((entry) => entry.seq)).toEqual([4, 5, 6]);
    const lines = (await api.journalBytes())
      .toString()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as JournalEntry);
    expect(lines).toHaveLength(6);
    expect(foldJournal(lines).state).toEqual(api.host.race()!.state);
    expect(
      (await api.call<HostSnapshot>('/api/v1/state', { token: 'view' })).json.race!.lapsToGo,
    ).toBe(15);
    expect(await api.call('/api/v1/commands', { body: { command: lap } })).toMatchObject({
      status: 200,
      json: { raceRevision: 7 },
    });
  });

  it('refuses with a clear reason and leaves the journal byte for byte as it was', async () => {
    await api.call('/api/v1/commands', { body: started });
    const before = await api.journalBytes();
    const cases: [string, unknown, number, RegExp][] = [
      [
        '/api/v1/commands',
        { command: lap, revision: 1 },
        409,
        /stale revision: you sent 1, race "men-semi-1" is at 3/,
      ],
      ['/api/v1/commands', { commands: [lap], revision: 0 }, 409, /stale revision/],
      [
        '/api/v1/commands',
        { type: 'qualifier/advanced', bib: 77 },
        400,
        /^helmet number 77 is not on the start list$/,
      ],
      [
        '/api/v1/commands',
        { type: 'skater/statusChanged', bib: 99, status: 'DNS' },
        400,
        /^helmet number 99 is not on the start list$/,
      ],
      [
        '/api/v1/commands',
        { type: 'lap/skipped' },
        400,
        /^unknown command type "lap\/skipped" \(known: race\/configured, /,
      ],
      // Wrong types: the shared parser says "Invalid input" for now (see the report); the host must still refuse.
      ['/api/v1/commands', { type: 'finish/timed', bib: '7', time: 1 }, 400, /Invalid input/],
      [
        '/api/v1/commands',
        { command: { type: 'finish/timed', bib: 7, time: -1 } },
        400,
        /^command\.time: /,
      ],
      [
        '/api/v1/commands',
        { commands: [lap, { type: 'qualifier/advanced', bib: 77 }] },
        400,
        /batch refused at command 2 of 2 .*nothing was written/,
      ],
      [
        '/api/v1/commands',
        { commands: [lap, { type: 'nope' }] },
        400,
        /unknown command type "nope"/,
      ],
      ['/api/v1/commands', { commands: [] }, 400, /1 to 500 commands/],
      ['/api/v1/commands', [lap], 400, /expected a JSON object/],
      ['/api/v1/commands', 'null', 400, /expected a JSON object/],
      [
        '/api/v1/commands',
        { command: lap, revision: 'x' },
        400,
        /revision: expected a whole number/,
      ],
      ['/api/v1/races/nope/commands', lap, 404, /race "nope" is not in the program/],
      [
        '/api/v1/program',
        { type: 'race/activated', raceId: 'nope' },
        404,
        /race "nope" is not in the program/,
      ],
      ['/api/v1/program', { type: 'scene/shown', output: 'board', scene: 'disco' }, 400, /scene/],
    ];
    for (const [path, body, status, error] of cases) {
      const reply = await api.call(path, { body });
      expect(reply.status, JSON.stringify(body)).toBe(status);
      expect(reply.json.ok).toBe(false);
      expect(reply.json.error).toMatch(error);
    }
    expect(await api.journalBytes()).toEqual(before);
    expect(
      await api.call('/api/v1/commands', { body: { command: lap, revision: 3 } }),
    ).toMatchObject({ status: 200 });
  });

  it('says what is wrong with the body: malformed JSON 400, too large 413, not JSON 415', async () => {
    const before = await api.journalBytes();
    expect(await api.call('/api/v1/commands', { body: '{"type": "lap/comp' })).toMatchObject({
      status: 400,
      json: { ok: false, error: /^malformed JSON: / },
    });
    expect(await api.call('/api/v1/commands', { body: '' })).toMatchObject({
      status: 400,
      json: { error: 'malformed JSON: the body is empty' },
    });
    expect(
      await api.call('/api/v1/commands', { body: '{"__proto__": {"admin": true}}' }),
    ).toMatchObject({ status: 400, json: { error: /^__proto__: forbidden field "__proto__"/ } });
    const huge = {
      type: 'startList/set',
      skaters: Array.from({ length: 2000 }, (_, i) => ({
        bib: i + 1,
        name: `Skater with a long name ${i}`,
      })),
    };
    expect(await api.call('/api/v1/commands', { body: huge })).toMatchObject({
      status: 413,
      json: { ok: false, error: 'request body too large: the limit is 65536 bytes' },
    });
    const text = await api.call('/api/v1/commands', {
      body: JSON.stringify(lap),
      headers: { 'content-type': 'text/plain' },
    });
    expect(text).toMatchObject({
      status: 415,
      json: { ok: false, error: /unsupported content type "text\/plain": send JSON/ },
    });
    const form = await api.call('/api/v1/commands', {
      body: 'type=lap',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(await api.journalBytes()).toEqual(before);
    expect(
      await api.call('/api/v1/commands', {
        body: started,
        headers: { 'content-type': 'application/json; charset=utf-8' },
      }),
    ).toMatchObject({ status: 200 });
  });

  it('answers unknown routes, races and methods with 404 and a reason', async () => {
    expect(await api.call('/api/v1/nope')).toMatchObject({
      status: 404,
      json: { ok: false, error: 'no such route: GET /api/v1/nope' },
    });
    expect(await api.call('/api/v2/program')).toMatchObject({ status: 404 });
    expect(await api.call('/api/v1/program', { method: 'DELETE' })).toMatchObject({
      status: 404,
      json: { error: 'no such route: DELETE /api/v1/program' },
    });
    expect(await api.call('/api/v1/races/nope', { token: 'view' })).toMatchObject({
      status: 404,
      json: { error: 'race "nope" is not in the program' },
    });
    expect(await api.call('/api/v1/races/nope/journal', { token: 'view' })).toMatchObject({
      status: 404,
    });
    expect(await api.call('/api/v1/state?race=nope', { token: 'view' })).toMatchObject({
      status: 404,
    });
    const badUrl = await api.call(`/api/v1/races/%E0%A4%A?token=${api.tokens.view}`, {
      token: null,
    });
    expect(badUrl).toMatchObject({ status: 400, json: { ok: false, error: /URL is not valid/ } });
    expect(JSON.stringify(badUrl.json)).not.toContain(api.tokens.view);
    expect(await api.call('/api/v1/ws', { token: 'view' })).toMatchObject({
      status: 426,
      json: { ok: false },
    });
  });

  it('publishes the JSON Schema of command bodies', async () => {
    const { status, json } = await api.call<{
      raceRequest: { $schema: string };
      programCommand: unknown;
    }>('/api/v1/schema/commands', { token: null });
    expect(status).toBe(200);
    expect(json.raceRequest.$schema).toMatch(/json-schema/);
    expect(JSON.stringify(json.raceRequest)).toContain('"sprint/placed"');
    expect(JSON.stringify(json.programCommand)).toContain('"race/added"');
  });
});

describe('the control API: hardening', () => {
  it('sends no CORS headers, even to a preflight, and marks API replies nosniff and no-store', async () => {
    const origin = { origin: 'http://evil.example' };
    for (const reply of [
      await api.call('/api/v1/program', { headers: origin }),
      await api.call('/api/v1/commands', {
        method: 'OPTIONS',
        token: null,
        headers: { ...origin, 'access-control-request-method': 'POST' },
      }),
      await api.call('/api/v1/commands', { body: lap, headers: origin }),
    ]) {
      expect(
        [...reply.headers.keys()].filter((name) => name.startsWith('access-control-')),
      ).toEqual([]);
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('binds to 127.0.0.1 by default', async () => {
    expect(api.server.url).toBe(`http://127.0.0.1:${api.server.port}`);
    const address = await new Promise<string | null>((resolve) => {
      const probe = createServer();
      probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? null));
      // The port is taken on loopback only: another address can still bind it.
      probe.listen(api.server.port, '127.0.0.2', () =>
        probe.close(() => resolve('free on 127.0.0.2')),
      );
    });
    expect(['free on 127.0.0.2', 'EADDRNOTAVAIL']).toContain(address);
  });

  it('serves the built pages publicly at /board and /console when a static folder is given', async () => {
    const out = join(api.dataDir, 'renderer');
    for (const page of ['board', 'console']) {
      await mkdir(join(out, page), { recursive: true });
      await writeFile(join(out, page, 'index.html'), `<title>${page}</title>`);
    }
    const pages = await startApi({ staticDir: out });
    try {
      expect(pages.server.servesPages).toBe(true);
      for (const page of ['board', 'console']) {
        const response = await fetch(`${pages.server.url}/${page}`);
        expect(response.status).toBe(200);
        expect(await response.text()).toBe(`<title>${page}</title>`);
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
      }
      expect((await fetch(`${pages.server.url}/board/index.html`)).status).toBe(200);
      expect((await fetch(`${pages.server.url}/nothing.js`)).status).toBe(404);
      expect((await pages.call('/api/v1/program', { token: null })).status).toBe(401);
      expect((await pages.call('/api/v1/nope')).status).toBe(404);
    } finally {
      await pages.close();
    }
    expect(api.server.servesPages).toBe(false);
  });
});

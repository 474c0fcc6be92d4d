// meeting/configured (issue 19) through every door of the host: HTTP, WebSocket and Electron
// IPC, on a real host with its program.json. Accepted: in the program view and on disk; refused
// (a bad day, an unknown zone, an unknown field): the same words everywhere, nothing changed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostIpc } from '../../../src/main/electron/ipc-adapter.ts';
import type { ProgramView } from '../../../src/shared/protocol/program.ts';
import { startApi, TestSocket, type ApiFixture } from '../../support/api-server.ts';
import { FakeWebContents } from '../electron/fake-electron.ts';

let api: ApiFixture;
let hostIpc: HostIpc;
const sockets: TestSocket[] = [];
beforeEach(async () => {
  api = await startApi();
  hostIpc = new HostIpc(api.host, () => undefined);
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  hostIpc.close();
  await api.close();
});

/** What each door answers: ok, or the status and the error. */
type Answer = { ok: true } | { ok: false; status: number; error: string };

/** The three doors, each sending one program command as its clients do. */
const doors: Record<string, (command: unknown) => Promise<Answer>> = {
  http: async (command) => {
    const reply = await api.call('/api/v1/program', { body: command });
    return reply.json.ok
      ? { ok: true }
      : { ok: false, status: reply.status, error: reply.json.error ?? '' };
  },
  websocket: async (command) => {
    const socket = await TestSocket.open(api.server.url, { token: api.tokens.control });
    sockets.push(socket);
    await socket.next('state');
    socket.send({ type: 'program', id: 'm', command });
    let reply = await socket.next();
    // The state a change pushes may come first.
    while (reply.type === 'state' || reply.type === 'value') reply = await socket.next();
    if (reply.type === 'ack') return { ok: true };
    if (reply.type !== 'error') throw new Error(`unexpected ${reply.type}`);
    return { ok: false, status: reply.status, error: reply.error };
  },
  ipc: async (command) => {
    const console = new FakeWebContents();
    console.url = 'app://mass-start/console/index.html';
    const reply = await hostIpc.request(console, 'console', { type: 'program', id: 1, command });
    if (reply.type === 'ack') return { ok: true };
    if (reply.type !== 'error') throw new Error(`unexpected ${reply.type}`);
    return { ok: false, status: reply.status, error: reply.error };
  },
};

const programFile = async () =>
  JSON.parse(await readFile(join(api.dataDir, 'program.json'), 'utf8')) as Record<string, unknown>;
const meetingOf = (program: ProgramView | Record<string, unknown>) => {
  const { meeting, venue, meetingDate, timeZone } = program as ProgramView;
  return { meeting, venue, meetingDate, timeZone };
};

describe.each(Object.keys(doors))('meeting/configured over %s', (door) => {
  const send = (command: unknown) => doors[door]!(command);

  it('sets the facts sent, and only those; meeting/renamed still renames', async () => {
    expect(
      await send({
        type: 'meeting/configured',
        name: 'Milano Cortina 2026 · Men’s Mass Start',
        venue: 'Milano Speed Skating Stadium',
        date: '2026-02-21',
        timeZone: 'Europe/Rome',
      }),
    ).toEqual({ ok: true });
    const set = {
      meeting: 'Milano Cortina 2026 · Men’s Mass Start',
      venue: 'Milano Speed Skating Stadium',
      meetingDate: '2026-02-21',
      timeZone: 'Europe/Rome',
    };
    expect(meetingOf(api.host.program())).toEqual(set);
    expect(meetingOf(await programFile())).toEqual(set);
    expect(await send({ type: 'meeting/configured', date: '2026-02-22' })).toEqual({ ok: true });
    expect(await send({ type: 'meeting/renamed', name: 'Milano Cortina 2026' })).toEqual({
      ok: true,
    });
    const now = { ...set, meeting: 'Milano Cortina 2026', meetingDate: '2026-02-22' };
    expect(meetingOf(api.host.program())).toEqual(now);
    expect(meetingOf(await programFile())).toEqual(now);
  });

  it('refuses a bad day, an unknown zone and an unknown field with 400, changing nothing', async () => {
    const before = await programFile();
    const revision = api.host.program().revision;
    for (const [fields, error] of [
      [{ date: '2026-02-30' }, 'date: a day of the calendar as YYYY-MM-DD, e.g. 2026-02-21'],
      [
        { timeZone: 'Europe/Milano' },
        'timeZone: an IANA time zone such as Europe/Rome, Europe/Amsterdam or America/Edmonton',
      ],
      [
        { venue: 'Thialf', timezone: 'UTC' },
        'timezone: unknown field "timezone" (did you mean "timeZone"?)',
      ],
    ] as const) {
      expect(await send({ type: 'meeting/configured', ...fields })).toEqual({
        ok: false,
        status: 400,
        error,
      });
    }
    expect(api.host.program().revision).toBe(revision);
    expect(await programFile()).toEqual(before);
  });
});

describe('the feed follows the meeting (issue 19)', () => {
  it('carries the day, venue and zone as soon as they are set, and the start in that zone', async () => {
    const feed = async () => {
      const reply = await api.call<Record<string, unknown>>('/api/v1/feed/active.json', {
        token: 'view',
      });
      expect(reply.status).toBe(200);
      return reply.json;
    };
    const before = await feed();
    expect(before).toMatchObject({ meetingDate: null, startedLocal: null });
    expect(
      await doors.http!({
        type: 'meeting/configured',
        venue: 'Olympic Oval',
        date: '2026-01-23',
        timeZone: 'America/Edmonton',
      }),
    ).toEqual({ ok: true });
    // The race did not change: the same race revision, a new feed all the same.
    expect(await feed()).toMatchObject({
      revision: before.revision,
      meetingDate: '2026-01-23',
      venue: 'Olympic Oval',
      timeZone: 'America/Edmonton',
    });
    await api.call('/api/v1/commands', { body: { type: 'race/started' } });
    const started = api.host.race()!.state.startedAt!;
    const local = (await feed()).startedLocal as string;
    expect(local).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[67]:00$/);
    expect(Date.parse(local)).toBe(Math.floor(Date.parse(started) / 1000) * 1000);
  });
});

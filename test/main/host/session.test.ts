import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RaceHost } from '../../../src/main/host/host.ts';
import { HostSession } from '../../../src/main/host/session.ts';
import { hostRequestSchema, parseHostRequest } from '../../../src/shared/protocol/socket.ts';
import { openHost, type HostFixture } from '../../support/host-fixture.ts';
import { skaters } from '../../support/race.ts';

let fixture: HostFixture;
let host: RaceHost;
let session: HostSession;
const control = (source: string) => ({ role: 'control', source }) as const;
beforeEach(async () => {
  fixture = await openHost({ prefix: 'session', skaters: skaters(10) });
  host = fixture.host;
  session = new HostSession(host);
});
afterEach(async () => {
  session.close();
  await fixture.close();
});

describe('one parse: the request schema types its commands', () => {
  it('a command payload comes out typed (defaults applied), a bad one names its field', () => {
    const parsed = hostRequestSchema.parse({
      type: 'program',
      command: { type: 'race/added', title: 'Final', round: 'final' },
    });
    expect(parsed).toMatchObject({
      type: 'program',
      command: { type: 'race/added', category: '', qualifiers: 0, format: 'isu-2018' },
    });
    expect(
      parseHostRequest({ type: 'command', id: 3, command: { type: 'sprint/placed' } }),
    ).toEqual({
      ok: false,
      id: 3,
      error: expect.stringMatching(/^command\.sprint: /),
    });
    expect(parseHostRequest({ type: 'batch', commands: [] })).toMatchObject({
      ok: false,
      error: 'commands: expected a list of 1 to 500 commands',
    });
    expect(
      parseHostRequest({ type: 'command', command: { type: 'lap/completed' }, revision: -1 }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/^revision: /) });
  });
});

describe('the host session', () => {
  it('stamps each caller its own source in the journal', async () => {
    await session.receive({ type: 'command', command: { type: 'race/started' } }, control('ipc'));
    await session.receive({ type: 'command', command: { type: 'lap/completed' } }, control('ws'));
    await session.receive(
      { type: 'batch', commands: [{ type: 'lap/completed' }, { type: 'lap/completed' }] },
      control('osc'),
    );
    const sources = host.journal(host.activeRaceId!)!.entries.map((entry) => entry.source);
    expect(sources).toEqual(['test', 'test', 'ipc', 'ws', 'osc', 'osc']);
  });

  it('the view role reads and follows, never writes; nothing is journaled for a refusal', async () => {
    const before = host.race()!.revision;
    const view = { role: 'view', source: 'ws' } as const;
    expect(
      await session.receive({ type: 'command', id: 'x', command: { type: 'race/started' } }, view),
    ).toMatchObject({ type: 'error', id: 'x', ok: false, status: 403 });
    expect(
      await session.receive(
        { type: 'program', command: { type: 'meeting/renamed', name: 'M' } },
        view,
      ),
    ).toMatchObject({ status: 403 });
    expect(
      await session.receive({ type: 'journal', id: 'j', race: host.activeRaceId }, view),
    ).toMatchObject({ type: 'journal', id: 'j', entries: expect.any(Array) });
    expect(host.race()!.revision).toBe(before);
  });

  it('answers a command with the one reply shape, as an ack or an error message', async () => {
    const ack = await session.receive(
      { type: 'command', id: 1, command: { type: 'race/started' } },
      control('ws'),
    );
    expect(ack).toMatchObject({
      type: 'ack',
      id: 1,
      ok: true,
      revision: host.revision,
      raceId: host.activeRaceId,
      raceRevision: 3,
      entries: [expect.objectContaining({ seq: 3, source: 'ws' })],
    });
    const stale = await session.receive(
      { type: 'command', id: 2, command: { type: 'lap/completed' }, revision: 1 },
      control('ws'),
    );
    expect(stale).toMatchObject({ type: 'error', id: 2, ok: false, status: 409 });
  });

  it('subscribe without a sink is refused; with one, the state follows', async () => {
    expect(await session.receive({ type: 'subscribe' }, control('http'))).toMatchObject({
      status: 400,
    });
    const sent: string[] = [];
    const sink = {
      send: (text: string) => sent.push(text),
      isOpen: () => true,
      backedUp: () => false,
    };
    expect(
      await session.receive({ type: 'subscribe', race: 'nope' }, control('ws'), sink),
    ).toMatchObject({
      type: 'error',
      status: 404,
    });
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]!)).toMatchObject({ type: 'state', race: null });
  });
});

// The replication channel's host end (issue 20, src/main/host/channel.ts) through a real host:
// one loop, one gap rule, a slow follower skipped, a journal as an append-only value.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StateSink } from '../../../src/main/host/channel.ts';
import type { RaceHost } from '../../../src/main/host/host.ts';
import { HostSession, subscribedNames } from '../../../src/main/host/session.ts';
import type { JournalEntry, RaceCommand } from '../../../src/shared/race/events.ts';
import type { StateMessage } from '../../../src/shared/protocol/socket.ts';
import {
  changeBase,
  gapsName,
  hostName,
  type ValueMessage,
} from '../../../src/shared/protocol/channel.ts';
import { openHost, type HostFixture } from '../../support/host-fixture.ts';
import { skaters } from '../../support/race.ts';
import { statesOf, valuesOf } from '../../support/patched-states.ts';

/** A sink whose buffer the test fills and drains by hand. */
class TestSink implements StateSink {
  full = false;
  open = true;
  readonly sent: string[] = [];
  readonly written: (() => void)[] = [];
  send(text: string, written: () => void): void {
    this.sent.push(text);
    this.written.push(written);
  }
  isOpen(): boolean {
    return this.open;
  }
  backedUp(): boolean {
    return this.full;
  }
  states(): StateMessage[] {
    return statesOf(this.sent);
  }
}

let host: RaceHost;
let session: HostSession;
let fixture: HostFixture;
beforeEach(async () => {
  fixture = await openHost({ prefix: 'channel', skaters: skaters(10) });
  host = fixture.host;
  session = new HostSession(host);
});
afterEach(async () => {
  session.close();
  await fixture.close();
});

async function send(...commands: RaceCommand[]): Promise<void> {
  for (const command of commands) {
    const result = await host.submit({ kind: 'single', command }, 'test');
    if (!result.ok) throw new Error(result.error);
  }
}
const follow = (sink: StateSink, journal = false) =>
  session.follow(sink, subscribedNames(null, journal), { replace: true });
const revOf = (text: string) => (JSON.parse(text) as { rev: number }).rev;

describe('the replication channel', () => {
  it('skips a backed-up sink and sends it the latest value whole once it drains, without stalling others', async () => {
    const slow = new TestSink();
    const fast = new TestSink();
    follow(slow);
    follow(fast);
    slow.full = true;
    const start = host.revision;
    await send({ type: 'race/started' }, { type: 'lap/completed' }, { type: 'lap/completed' });
    expect(fast.sent.map(revOf)).toEqual([start, start + 1, start + 2, start + 3]);
    expect(slow.sent).toHaveLength(1);
    slow.full = false;
    slow.written.shift()!(); // the first send completed: the sink drained
    expect(slow.sent).toHaveLength(2);
    expect(revOf(slow.sent[1]!)).toBe(host.revision);
    // It missed revisions: the whole value, not the change the fast one got; both show the same.
    expect(JSON.parse(slow.sent[1]!)).toMatchObject({ type: 'value', name: 'state' });
    expect(JSON.parse(slow.sent[1]!)).not.toHaveProperty('from');
    expect(changeBase(JSON.parse(fast.sent.at(-1)!) as ValueMessage)).toBe(start + 2);
    expect(revOf(fast.sent.at(-1)!)).toBe(start + 3);
    expect(slow.states().at(-1)).toEqual(fast.states().at(-1));
    slow.written.shift()!();
    expect(slow.sent).toHaveLength(2); // nothing new to send
  });

  it('sends the journal whole on subscribe, then only the appended entries, beside the same state text', async () => {
    const console = new TestSink();
    const board = new TestSink();
    follow(console, true);
    follow(board);
    const [whole] = valuesOf(console.sent, 'journal');
    const log = whole!.value as { of: string; entries: JournalEntry[] };
    expect(log.of).toBe(fixture.raceId);
    expect(log.entries.map((entry) => entry.event.type)).toEqual([
      'race/configured',
      'startList/set',
    ]);
    expect(valuesOf(board.sent, 'journal')).toEqual([]);
    await send({ type: 'race/started' }, { type: 'lap/completed' }, { type: 'undo' });
    const appended = valuesOf(console.sent, 'journal').slice(1);
    expect(
      appended.map((m) => [changeBase(m), m.rev, m.entries!.map((e) => (e as JournalEntry).seq)]),
    ).toEqual([
      [2, 3, [3]],
      [3, 4, [4]],
      [4, 5, [5]],
    ]);
    // The console's state texts are the board's.
    expect(valuesOf(console.sent, 'state').at(-1)).toEqual(valuesOf(board.sent, 'state').at(-1));
  });

  it('a backed-up journal follower gets the whole journal when it drains', async () => {
    const console = new TestSink();
    follow(console, true);
    console.full = true;
    await send({ type: 'race/started' }, { type: 'lap/completed' }, { type: 'lap/completed' });
    console.full = false;
    session.channel.drained(console);
    const last = valuesOf(console.sent, 'journal').at(-1)!;
    expect(last.from).toBeUndefined();
    expect((last.value as { entries: unknown[] }).entries).toHaveLength(5);
  });

  it('a program change sends the state again but no empty journal change', async () => {
    const console = new TestSink();
    follow(console, true);
    const before = console.sent.length;
    await host.programCommand({ type: 'meeting/renamed', name: 'Heerenveen' }, 'test');
    const after = console.sent.slice(before).map((text) => JSON.parse(text) as { name: string });
    expect(after.map((m) => m.name)).toEqual(['state']);
    expect(console.states().at(-1)!.program.meeting).toBe('Heerenveen');
  });

  it('speaks protocol 1 to a client that did not ask for 2: the whole `state` message', async () => {
    const old = new TestSink();
    const answer = await session.answer({ type: 'subscribe' }, { role: 'view', source: 't' }, old);
    expect(answer.kind).toBe('following');
    // Values protocol 1 has no message for (the host's role, the groups) never reach it.
    session.channel.publish(gapsName, 'doc', 1, { raceId: 'x', groups: [] });
    session.channel.publish(hostName, 'latest', 1, { role: 'primary' });
    await send({ type: 'race/started' });
    const messages = old.sent.map((text) => JSON.parse(text) as StateMessage);
    expect(messages.map((m) => [m.type, m.revision])).toEqual([
      ['state', host.revision - 1],
      ['state', host.revision],
    ]);
    expect(messages[1]).toEqual(JSON.parse(JSON.stringify({ type: 'state', ...host.snapshot() })));
  });

  it('a renamed skater reaches a view in at most 146 bytes', async () => {
    const board = new TestSink();
    follow(board);
    const skater = host.race()!.state.skaters[3]!;
    await send({ type: 'skater/edited', bib: skater.bib, name: 'Ann Example' });
    const change = board.sent.at(-1)!;
    expect(JSON.parse(change)).toMatchObject({ type: 'value', name: 'state' });
    expect(Buffer.byteLength(change)).toBeLessThanOrEqual(146);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StateSink } from '../../../src/main/host/fan-out.ts';
import type { RaceHost } from '../../../src/main/host/host.ts';
import { HostSession } from '../../../src/main/host/session.ts';
import type { StateMessage } from '../../../src/shared/protocol/socket.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { openHost, type HostFixture } from '../../support/host-fixture.ts';
import { skaters } from '../../support/race.ts';
import { statesOf } from '../../support/patched-states.ts';

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
  fixture = await openHost({ prefix: 'fan-out', skaters: skaters(10) });
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
const revisionOf = (text: string) => {
  const message = JSON.parse(text) as { revision?: number; to?: number };
  return message.revision ?? message.to!;
};

describe('the fan-out', () => {
  it('skips states for a backed-up sink and sends only the latest once it drains, without stalling others', async () => {
    const slow = new TestSink();
    const fast = new TestSink();
    session.fanOut.follow(slow, null);
    session.fanOut.follow(fast, null);
    slow.full = true;
    const start = host.revision;
    await send({ type: 'race/started' }, { type: 'lap/completed' }, { type: 'lap/completed' });
    expect(fast.sent.map(revisionOf)).toEqual([start, start + 1, start + 2, start + 3]);
    expect(slow.sent).toHaveLength(1);
    slow.full = false;
    slow.written.shift()!(); // the first send completed: the sink drained
    expect(slow.sent).toHaveLength(2);
    expect(revisionOf(slow.sent[1]!)).toBe(host.revision);
    // It missed states: the full state, not the patch the fast one got; both show the same.
    expect(JSON.parse(slow.sent[1]!)).toMatchObject({ type: 'state' });
    expect(JSON.parse(fast.sent.at(-1)!)).toMatchObject({ type: 'patch', from: start + 2 });
    expect(slow.states().at(-1)).toEqual(fast.states().at(-1));
    slow.written.shift()!();
    expect(slow.sent).toHaveLength(2); // nothing new to send
  });

  it('pushes the whole journal on subscribe, then only the new entries, with the same state text', async () => {
    const console = new TestSink();
    const board = new TestSink();
    session.fanOut.follow(console, null, { journal: true });
    session.fanOut.follow(board, null);
    const [first] = console.states();
    expect(first!.journal).toMatchObject({ from: 0, voided: [] });
    expect(first!.journal!.entries.map((entry) => entry.event.type)).toEqual([
      'race/configured',
      'startList/set',
    ]);
    expect(board.states()[0]!.journal).toBeUndefined();
    await send({ type: 'race/started' }, { type: 'lap/completed' }, { type: 'undo' });
    const pushes = console
      .states()
      .slice(1)
      .map((state) => state.journal!);
    expect(pushes.map((push) => [push.from, push.entries.map((entry) => entry.seq)])).toEqual([
      [2, [3]],
      [3, [4]],
      [4, [5]],
    ]);
    expect(pushes.at(-1)!.voided).toEqual([4]);
    // Apart from the journal, the console gets the board's state text.
    const last = JSON.parse(console.sent.at(-1)!) as StateMessage & { journal?: unknown };
    delete last.journal;
    expect(last).toEqual(JSON.parse(board.sent.at(-1)!));
  });

  it('a backed-up journal follower gets every entry it missed in one push', async () => {
    const console = new TestSink();
    session.fanOut.follow(console, null, { journal: true });
    console.full = true;
    await send({ type: 'race/started' }, { type: 'lap/completed' }, { type: 'lap/completed' });
    console.full = false;
    session.fanOut.drained(console);
    const push = console.states().at(-1)!.journal!;
    expect(push.from).toBe(2);
    expect(push.entries.map((entry) => entry.event.type)).toEqual([
      'race/started',
      'lap/completed',
      'lap/completed',
    ]);
  });

  it('a program change sends the state again but no empty journal push', async () => {
    const console = new TestSink();
    session.fanOut.follow(console, null, { journal: true });
    await host.programCommand({ type: 'meeting/renamed', name: 'Heerenveen' }, 'test');
    expect(console.states()).toHaveLength(2);
    expect(console.states()[1]!.journal).toBeUndefined();
    expect(console.states()[1]!.program.meeting).toBe('Heerenveen');
  });
});

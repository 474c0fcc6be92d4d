import { describe, expect, it } from 'vitest';
import { connectHost, electronWindowRole } from '../../../src/renderer/shared/connect.ts';
import { connectIpc } from '../../../src/renderer/shared/ipc-client.ts';
import type { MassStartBridge } from '../../../src/shared/protocol/ipc.ts';
import type { HostSnapshotMessage } from '../../../src/shared/protocol/snapshot.ts';

/** A preload bridge as the Electron window has it. */
function fakeBridge(
  reply: (message: unknown) => Promise<unknown> = () =>
    Promise.resolve({ type: 'ack', ok: true, revision: 3 }),
) {
  const listeners = new Set<(state: string) => void>();
  const subscribed: (string | null)[] = [];
  let unsubscribed = 0;
  const bridge: MassStartBridge = {
    platform: 'electron',
    windowRole: 'board',
    subscribe: (listener, race = null) => {
      listeners.add(listener);
      subscribed.push(race);
      return () => {
        listeners.delete(listener);
        unsubscribed += 1;
      };
    },
    send: (message) => reply(message) as ReturnType<MassStartBridge['send']>,
  };
  return {
    bridge,
    push: (state: object) => listeners.forEach((listener) => listener(JSON.stringify(state))),
    subscribed,
    unsubscribed: () => unsubscribed,
  };
}

const state = { type: 'state', revision: 4, program: { meeting: 'MC 2026' }, race: null };

describe('connectIpc', () => {
  it('delivers parsed states and is connected from the start', () => {
    const fake = fakeBridge();
    const client = connectIpc(fake.bridge);
    const states: HostSnapshotMessage[] = [];
    const connection: string[] = [];
    client.onState((snapshot) => states.push(snapshot));
    client.onConnection((value) => connection.push(value));
    fake.push(state);
    expect(states).toEqual([state]);
    expect(connection).toEqual(['open']);
    expect(fake.subscribed).toEqual([null]);
  });

  it('sends messages and resolves with the reply; a failure becomes an error reply', async () => {
    const client = connectIpc(fakeBridge().bridge);
    expect(await client.send({ type: 'command', command: { type: 'lap/completed' } })).toEqual({
      type: 'ack',
      ok: true,
      revision: 3,
    });
    const broken = connectIpc(fakeBridge(() => Promise.reject(new Error('gone'))).bridge);
    expect(await broken.send({ type: 'journal', race: 'x' })).toEqual({
      type: 'error',
      ok: false,
      status: 0,
      error: 'the host did not answer: gone',
    });
  });

  it('stops on close', async () => {
    const fake = fakeBridge();
    const client = connectIpc(fake.bridge, 'men-semi-1');
    const states: unknown[] = [];
    client.onState((snapshot) => states.push(snapshot));
    client.close();
    client.close();
    fake.push(state);
    expect(states).toEqual([]);
    expect(fake.unsubscribed()).toBe(1);
    expect(fake.subscribed).toEqual(['men-semi-1']);
    expect(await client.send({ type: 'journal', race: 'x' })).toMatchObject({
      type: 'error',
      status: 0,
    });
  });
});

describe('connectHost', () => {
  it('uses IPC where the preload put window.massStart, following ?race=', () => {
    const fake = fakeBridge();
    connectHost({
      location: { search: '?race=men-final&output=overlay' } as Location,
      massStart: fake.bridge,
    });
    expect(fake.subscribed).toEqual(['men-final']);
    expect(electronWindowRole({ location: {} as Location, massStart: fake.bridge })).toBe('board');
    expect(electronWindowRole({ location: {} as Location })).toBeNull();
  });
});

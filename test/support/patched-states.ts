// What a view makes of the values it is pushed (issue 20's replication channel): the renderer's
// own client code (Pushes, src/renderer/shared/pushes.ts) fed the texts a host sends. A change
// that does not follow on is a test failure here (Pushes would ask for the whole value again).
import type { ValueMessage } from '../../src/shared/protocol/channel.ts';
import type { ServerMessage } from '../../src/shared/protocol/messages.ts';
import type { StateMessage } from '../../src/shared/protocol/socket.ts';
import { Pushes } from '../../src/renderer/shared/pushes.ts';

/** A view's pushes, put together as the renderer does. */
export class PushedStates {
  readonly pushes = new Pushes(
    () =>
      Promise.resolve({ type: 'error', ok: false, status: 0, error: 'test view' } as ServerMessage),
    (name) => {
      throw new Error(`a change of "${name}" that does not follow on the revision before it`);
    },
  );

  /**
   * The message a test reads for this push: a view state as the `state` message, the timing view
   * as the `timing` message (the shapes of before the channel), anything else as sent.
   */
  take(push: ServerMessage): ServerMessage {
    this.pushes.push(push);
    if (push.type === 'state') return push;
    if (push.type !== 'value') return push;
    const kind = push.name.split('/')[0];
    if (kind === 'state') return this.pushes.latest!;
    if (kind === 'timing') return { type: 'timing', ...this.pushes.latestTiming! };
    return push;
  }
}

/** Every state a view following these texts would show, in order (other messages skipped). */
export function statesOf(texts: readonly string[]): StateMessage[] {
  const view = new PushedStates();
  const states: StateMessage[] = [];
  for (const text of texts) {
    const message = JSON.parse(text) as ServerMessage;
    const taken = view.take(message);
    if (taken.type === 'state') states.push(taken);
  }
  return states;
}

/** The value messages among these texts (their change or whole form, as sent). */
export function valuesOf(texts: readonly string[], prefix = ''): ValueMessage[] {
  return texts
    .map((text) => JSON.parse(text) as ServerMessage)
    .filter((m): m is ValueMessage => m.type === 'value' && m.name.startsWith(prefix));
}

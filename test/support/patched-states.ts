// What a view makes of the pushes it gets (issue 13): the renderer's own client code (Pushes,
// src/renderer/shared/pushes.ts) fed a full state and then patches. A patch that does not follow
// on is a test failure here (Pushes would ask for the state again).
import type { ServerMessage } from '../../src/shared/protocol/messages.ts';
import type { PatchMessage, StateMessage } from '../../src/shared/protocol/socket.ts';
import { Pushes } from '../../src/renderer/shared/pushes.ts';

/** A view's pushes, put together as the renderer does: each state or patch, the state it makes. */
export class PushedStates {
  private journal: StateMessage['journal'];
  private readonly pushes = new Pushes(
    // A journal gap would ask for the whole journal: this view has no host to ask.
    () =>
      Promise.resolve({ type: 'error', ok: false, status: 0, error: 'test view' } as ServerMessage),
    () => {
      throw new Error('a patch that does not follow on the state before it');
    },
  );

  /** The state after this push, with the journal part the push carried. */
  take(push: StateMessage | PatchMessage): StateMessage {
    this.journal = push.journal;
    this.pushes.push(push);
    const state = this.pushes.latest!;
    return { ...state, ...(this.journal ? { journal: this.journal } : {}) };
  }
}

/** Every state a view following these texts would show, in order (other messages skipped). */
export function statesOf(texts: readonly string[]): StateMessage[] {
  const view = new PushedStates();
  const states: StateMessage[] = [];
  for (const text of texts) {
    const message = JSON.parse(text) as { type: string };
    if (message.type === 'state' || message.type === 'patch')
      states.push(view.take(message as StateMessage | PatchMessage));
  }
  return states;
}

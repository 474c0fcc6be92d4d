// What a view makes of the pushes it gets (issue 13): a full state, then JSON patches applied
// to it, as the renderer's host client does. A patch that does not follow on throws.
import jsonPatch, { type Operation } from 'fast-json-patch';
import type { PatchMessage, StateMessage } from '../../src/shared/protocol/socket.ts';

/** The state a push gives on top of the one before it (a state replaces it). */
export function applyPush(
  previous: StateMessage | null,
  push: StateMessage | PatchMessage,
): StateMessage {
  if (push.type === 'state') return push;
  if (!previous || previous.revision !== push.from)
    throw new Error(
      `patch from ${push.from} does not follow state ${previous?.revision ?? 'none'}`,
    );
  const { newDocument } = jsonPatch.applyPatch(
    { program: previous.program, race: previous.race },
    push.ops as Operation[],
    true,
    false,
  );
  const program =
    push.program === undefined
      ? newDocument.program
      : { ...newDocument.program, revision: push.program };
  const race =
    newDocument.race && push.raceRevision !== undefined
      ? { ...newDocument.race, revision: push.raceRevision }
      : newDocument.race;
  return {
    type: 'state',
    revision: push.to,
    program,
    race,
    ...(push.journal ? { journal: push.journal } : {}),
  };
}

/** Every state a view following these texts would show, in order (other messages skipped). */
export function statesOf(texts: readonly string[]): StateMessage[] {
  const states: StateMessage[] = [];
  for (const text of texts) {
    const message = JSON.parse(text) as { type: string };
    if (message.type !== 'state' && message.type !== 'patch') continue;
    states.push(applyPush(states.at(-1) ?? null, message as StateMessage | PatchMessage));
  }
  return states;
}

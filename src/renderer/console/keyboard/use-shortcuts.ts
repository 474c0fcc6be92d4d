/** Listens for the console's keys on the whole page and hands each action to the console. */
import { useEffect, useRef } from 'react';
import { actionFor, keyContext, type KeyAction } from './keymap.ts';

/**
 * Which keys the console takes: all of them, or (while a dialog is open) only the lap keys, so
 * a leader crossing the line is counted even then and Space never presses a dialog's button.
 */
export type ShortcutScope = 'all' | 'laps';

/** Calls `handle` for every key in the key map that the scope allows. */
export function useShortcuts(
  scope: ShortcutScope,
  handle: (action: KeyAction, event: KeyboardEvent) => void,
): void {
  const latest = useRef(handle);
  useEffect(() => {
    latest.current = handle;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const action = actionFor(event, keyContext(target));
      if (action === null || (scope === 'laps' && action !== 'lap')) return;
      event.preventDefault();
      // A key held down repeats: one press is one lap (or one action), never a burst.
      if (event.repeat) return;
      latest.current(action, event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [scope]);
}

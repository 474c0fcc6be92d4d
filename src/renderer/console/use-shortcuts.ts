/** Listens for the console's keys on the whole page and hands each action to the console. */
import { useEffect, useRef } from 'react';
import { actionFor, keyContext, type KeyAction } from './keymap.ts';

/** Calls `handle` for every key in the key map, unless `enabled` is false (a dialog is open). */
export function useShortcuts(
  enabled: boolean,
  handle: (action: KeyAction, event: KeyboardEvent) => void,
): void {
  const latest = useRef(handle);
  useEffect(() => {
    latest.current = handle;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const action = actionFor(event, keyContext(target));
      if (action === null) return;
      event.preventDefault();
      latest.current(action, event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}

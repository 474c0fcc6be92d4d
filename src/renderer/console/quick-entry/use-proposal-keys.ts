/**
 * Enter and Delete for the timing proposal with nothing focused (issue 12). Issue 9's model: an
 * empty entry line is not text, every key works there as on the page, so the page answers the
 * proposal's keys as the empty line does: Enter accepts (after 600 ms on screen, with nothing
 * sent from the line meanwhile, so a double Enter after a typed command accepts nothing),
 * Delete dismisses. Only with the focus on the page itself: on a button Enter presses it.
 */
import { useEffect, useRef } from 'react';
import type { QuickEntryState } from './use-quick-entry.ts';

/** Listens while `enabled` (the race tab shown, no dialog open). */
export function useProposalKeys(enabled: boolean, quickEntry: QuickEntryState): void {
  const latest = useRef(quickEntry);
  useEffect(() => {
    latest.current = quickEntry;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key !== 'Enter' && event.key !== 'Delete') return;
      const { target } = event;
      if (target !== null && target !== document.body && target !== document.documentElement)
        return;
      const entry = latest.current;
      if (!entry.proposal || entry.text.trim() !== '') return;
      event.preventDefault();
      // A key held down is one press.
      if (event.repeat) return;
      if (event.key === 'Enter') void entry.acceptProposal(true);
      else void entry.dismissProposal(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}

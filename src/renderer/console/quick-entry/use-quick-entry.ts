/**
 * The quick entry's state: the mode (chosen by a key, or following the race: the current
 * sprint, then the finish), the typed text, its pre-check, and the host's refusal of the last
 * send, which stays next to the text until the operator changes it.
 */
import { useMemo, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { RaceView } from '../../../shared/race/view.ts';
import type { TimingProposal } from '../../../shared/timing/view.ts';
import { proposalEntryText } from '../timing/timing-text.ts';
import {
  linkedProposal,
  linkOf,
  useProposalGuard,
  type EntryTiming,
  type ProposalLink,
} from './entry-proposal.ts';
import { modeKey, parseQuickEntry, stepMode, type QuickEntryMode } from './parse.ts';
import { suggestedMode } from '../race/progress.ts';
import type { SendRace } from '../host/use-host.ts';
import { preCheckQuickEntry, type QuickEntryCheck } from './pre-check.ts';

/** The quick entry line as the console drives it. */
export interface QuickEntryState {
  readonly mode: QuickEntryMode;
  readonly text: string;
  readonly check: QuickEntryCheck;
  /**
   * The host's refusal of the last send (status 0: it never reached the host); `timing`: of a
   * timing proposal (its 409 names the open proposals, not a stale race).
   */
  readonly hostError: {
    readonly status: number;
    readonly error: string;
    readonly timing?: boolean;
  } | null;
  readonly busy: boolean;
  /** The text is what a correction mode filled in, not typed yet: overtyping replaces it. */
  readonly prefilled: boolean;
  readonly setText: (text: string) => void;
  /** Chooses a mode; a correction mode fills in what it corrects, selected, ready to overtype. */
  readonly choose: (mode: QuickEntryMode) => void;
  readonly step: (direction: 1 | -1) => void;
  /** Focuses the line, optionally typing a first character. */
  readonly focus: (typed?: string) => void;
  /** Escape: clears the text, or when empty leaves the line. */
  readonly escape: () => void;
  readonly submit: () => Promise<void>;
  /** The timing proposal the line offers (issue 12), or null. */
  readonly proposal: TimingProposal | null;
  /** The proposal the typed text corrects (Tab copied it): Enter accepts it with these numbers. */
  readonly correcting: TimingProposal | null;
  /** Accepts the offered proposal; `guarded` (a key): only once it has been on screen 600 ms. */
  readonly acceptProposal: (guarded?: boolean) => Promise<void>;
  readonly dismissProposal: (guarded?: boolean) => Promise<void>;
  /** Tab: copies the proposal into the line to correct it; false when it has no numbers. */
  readonly editProposal: () => boolean;
}

const noProposals: readonly TimingProposal[] = [];

interface Pinned {
  readonly mode: QuickEntryMode;
  /** The suggestion when it was pinned: a new one (the race moved on) ends the pin. */
  readonly suggestion: string;
}

/** What a correction mode starts from: the placings or finish order it replaces. */
function prefillFor(mode: QuickEntryMode, race: RaceView | null): string {
  if (!race) return '';
  if (mode.kind === 'sprint') return (race.state.sprints[mode.sprint - 1] ?? []).join(' ');
  if (mode.kind === 'finishReplace') return race.state.finishOrder.join(' ');
  return '';
}

/** State and actions of the quick entry line; `send` delivers a request to the host. */
export function useQuickEntry(
  race: RaceView | null,
  send: SendRace,
  inputRef: RefObject<HTMLInputElement | null>,
  timing?: EntryTiming,
): QuickEntryState {
  const [text, setRawText] = useState('');
  const [pinned, setPinned] = useState<Pinned | null>(null);
  const [prefilled, setPrefilled] = useState(false);
  const [hostError, setHostError] = useState<QuickEntryState['hostError']>(null);
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<ProposalLink | null>(null);
  const proposals = timing?.proposals ?? noProposals;
  const proposal = proposals[0] ?? null;
  const guard = useProposalGuard(proposal?.id ?? null, timing?.clock ?? Date.now);
  const suggested = suggestedMode(race);
  const suggestion = modeKey(suggested);
  const pinValid = pinned !== null && (pinned.suggestion === suggestion || text !== '');
  const mode = pinValid ? pinned.mode : suggested;
  const check = useMemo(
    () => preCheckQuickEntry(parseQuickEntry(text, mode), race),
    [text, mode, race],
  );
  const sprintCount = race?.state.format.sprintLaps.length ?? 3;
  const correcting = text.trim() === '' ? null : linkedProposal(link, check.mode, proposals);

  const setText = (typed: string) => {
    // A leading space is never text (issue 9): in an empty line Space is the lap key.
    const next = typed.replace(/^\s+/, '');
    setRawText(next);
    setPrefilled(false);
    setHostError(null);
    if (next === '') setLink(null);
    if (!pinValid) setPinned({ mode, suggestion });
  };

  const choose = (next: QuickEntryMode) => {
    // Render the new mode (and what it corrects) now, so focus and selection land on it at once:
    // a focus moved later could pull the next Space into the line.
    flushSync(() => {
      setPinned({ mode: next, suggestion });
      setHostError(null);
      if (text === '' || prefilled) {
        const fill = prefillFor(next, race);
        setRawText(fill);
        setPrefilled(fill !== '');
      }
    });
    inputRef.current?.focus();
    inputRef.current?.select();
  };

  const focus = (typed?: string) => {
    if (typed !== undefined) setText((prefilled ? '' : text) + typed);
    inputRef.current?.focus();
  };

  const escape = () => {
    if (text !== '') {
      setRawText('');
      setPrefilled(false);
      setHostError(null);
      setPinned(null);
      setLink(null);
    } else inputRef.current?.blur();
  };

  const submit = async () => {
    if (!check.request || busy) return;
    // A proposal on screen waits again: a second Enter accepts nothing.
    guard.hold();
    setBusy(true);
    // Leave the line at once, so the next Space is a lap even before the host has answered.
    inputRef.current?.blur();
    // Tab copied a proposal and the mode still matches it: accept it with the corrected order.
    const target = timing ? correcting : null;
    const reply =
      timing && target
        ? await timing.act(
            'accept',
            target.id,
            check.items.map((item) => item.bib),
          )
        : await send(check.request);
    setBusy(false);
    if (reply.ok) {
      setRawText('');
      setPrefilled(false);
      setHostError(null);
      setLink(null);
    } else {
      setHostError({ status: reply.status, error: reply.error, timing: target !== null });
      inputRef.current?.focus();
    }
  };

  const actOnProposal = async (action: 'accept' | 'dismiss', guarded: boolean) => {
    if (!proposal || !timing || busy) return;
    if (guarded && !guard.ready()) return;
    guard.hold();
    setBusy(true);
    const reply = await timing.act(action, proposal.id);
    setBusy(false);
    setHostError(reply.ok ? null : { status: reply.status, error: reply.error, timing: true });
  };

  const editProposal = () => {
    const entry = proposal ? proposalEntryText(proposal) : null;
    if (!proposal || entry === null) return false;
    flushSync(() => {
      setRawText(entry);
      setPrefilled(false);
      setHostError(null);
      setLink(linkOf(proposal));
    });
    inputRef.current?.focus();
    inputRef.current?.setSelectionRange(entry.length, entry.length);
    return true;
  };

  return {
    mode,
    text,
    check,
    hostError,
    busy,
    prefilled,
    setText,
    choose,
    step: (direction) => choose(stepMode(mode, direction, sprintCount)),
    focus,
    escape,
    submit,
    proposal,
    correcting,
    acceptProposal: (guarded = false) => actOnProposal('accept', guarded),
    dismissProposal: (guarded = false) => actOnProposal('dismiss', guarded),
    editProposal,
  };
}

/**
 * The quick entry's state: the mode (chosen by a key, or following the race: the current
 * sprint, then the finish), the typed text, its pre-check, and the host's refusal of the last
 * send, which stays next to the text until the operator changes it.
 */
import { useMemo, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { RaceView } from '../../../shared/race/view.ts';
import { modeKey, parseQuickEntry, stepMode, type QuickEntryMode } from './parse.ts';
import { suggestedMode } from '../race/progress.ts';
import type { SendRace } from '../host/use-host.ts';
import { preCheckQuickEntry, type QuickEntryCheck } from './pre-check.ts';

/** The quick entry line as the console drives it. */
export interface QuickEntryState {
  readonly mode: QuickEntryMode;
  readonly text: string;
  readonly check: QuickEntryCheck;
  /** The host's refusal of the last send (status 0: it never reached the host). */
  readonly hostError: { readonly status: number; readonly error: string } | null;
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
}

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
): QuickEntryState {
  const [text, setRawText] = useState('');
  const [pinned, setPinned] = useState<Pinned | null>(null);
  const [prefilled, setPrefilled] = useState(false);
  const [hostError, setHostError] = useState<QuickEntryState['hostError']>(null);
  const [busy, setBusy] = useState(false);
  const suggested = suggestedMode(race);
  const suggestion = modeKey(suggested);
  const pinValid = pinned !== null && (pinned.suggestion === suggestion || text !== '');
  const mode = pinValid ? pinned.mode : suggested;
  const check = useMemo(
    () => preCheckQuickEntry(parseQuickEntry(text, mode), race),
    [text, mode, race],
  );
  const sprintCount = race?.state.format.sprintLaps.length ?? 3;

  const setText = (typed: string) => {
    // A leading space is never text (issue 9): in an empty line Space is the lap key.
    const next = typed.replace(/^\s+/, '');
    setRawText(next);
    setPrefilled(false);
    setHostError(null);
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
    } else inputRef.current?.blur();
  };

  const submit = async () => {
    if (!check.request || busy) return;
    setBusy(true);
    // Leave the line at once, so the next Space is a lap even before the host has answered.
    inputRef.current?.blur();
    const reply = await send(check.request);
    setBusy(false);
    if (reply.ok) {
      setRawText('');
      setPrefilled(false);
      setHostError(null);
    } else {
      setHostError({ status: reply.status, error: reply.error });
      inputRef.current?.focus();
    }
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
  };
}

/** What each console key does, given the console's parts (the key table itself is keymap.ts). */
import type { BoardScene, OverlayElement } from '../../../shared/protocol/program.ts';
import type { RaceView } from '../../../shared/race/view.ts';
import type { QuickEntryMode } from '../quick-entry/parse.ts';
import type { KeyAction } from './keymap.ts';
import { currentSprint } from '../race/progress.ts';
import type { ConsoleActions } from '../use-actions.ts';
import type { QuickEntryState } from '../quick-entry/use-quick-entry.ts';
import type { ProgramTarget } from '../program/program-reach.ts';

/** A part of the console a key can show. */
export type Tab = 'race' | 'program' | 'startList' | 'timing' | 'hosts';

/** The console's parts the keys drive. */
export interface KeyTargets {
  readonly race: RaceView | null;
  readonly quickEntry: QuickEntryState;
  readonly actions: ConsoleActions;
  /** Shows a tab at once and (unless told not to) focuses its first control. */
  readonly show: (tab: Tab, focusFirst?: boolean) => void;
  readonly focusJournal: () => void;
  /** Focuses a place in the Program tab (shown first), or says there why there is none. */
  readonly reachProgram: (target: ProgramTarget) => void;
  readonly help: () => void;
  readonly confirmResults: () => void;
  readonly reopenResults: () => void;
  /** Asks "take over as primary?" on a standby (issue 20); elsewhere shows the Hosts panel. */
  readonly takeOver: () => void;
}

/** The quick entry mode each mode key chooses. */
function modeFor(action: KeyAction, race: RaceView | null): QuickEntryMode | null {
  switch (action) {
    case 'sprintMode':
      return race ? { kind: 'sprint', sprint: currentSprint(race) } : null;
    case 'finishMode':
      return { kind: 'finish' };
    case 'finishReplaceMode':
      return { kind: 'finishReplace' };
    case 'dnfMode':
      return { kind: 'status', status: 'DNF' };
    case 'dqMode':
      return { kind: 'status', status: 'DQ' };
    case 'lappedMode':
      return { kind: 'status', status: 'LAPPED' };
    case 'okMode':
      return { kind: 'status', status: 'OK' };
    case 'advanceMode':
      return { kind: 'advance' };
    case 'timeMode':
      return { kind: 'time' };
    default:
      return null;
  }
}

/** Runs the action of a key. */
export function runKey(targets: KeyTargets, action: KeyAction, event: { key: string }): void {
  const { race, quickEntry, actions } = targets;
  const mode = modeFor(action, race);
  if (mode || action === 'digit') {
    targets.show('race', false);
    if (mode) quickEntry.choose(mode);
    else quickEntry.focus(event.key);
    return;
  }
  if (action.startsWith('scene:')) return actions.scene(action.slice(6) as BoardScene);
  if (action.startsWith('overlay:'))
    return actions.toggleOverlay(action.slice(8) as OverlayElement);
  switch (action) {
    case 'lap':
      return actions.lap();
    case 'lapsUp':
      return actions.correctLaps(1);
    case 'lapsDown':
      return actions.correctLaps(-1);
    case 'undo':
      return actions.undo();
    case 'redo':
      return actions.redo();
    case 'confirm':
      return targets.confirmResults();
    case 'reopen':
      return targets.reopenResults();
    case 'help':
      return targets.help();
    case 'raceTab':
      return targets.show('race');
    case 'programTab':
      return targets.show('program');
    case 'startListTab':
      return targets.show('startList');
    case 'timingTab':
      return targets.show('timing');
    case 'hostsTab':
      return targets.show('hosts');
    case 'takeOver':
      return targets.takeOver();
    case 'journal':
      return targets.focusJournal();
    case 'addRace':
      targets.show('program', false);
      return targets.reachProgram('addRace');
    case 'activateRace':
      targets.show('program', false);
      return targets.reachProgram('activate');
  }
}

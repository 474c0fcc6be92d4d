/**
 * What the console's keys and buttons do: race commands (lap, laps correction, undo, redo,
 * results), scene cuts, and where each refusal is shown (next to the control that caused it).
 * A command that never reached the host is not a refusal: it goes on the "not sent" list
 * (use-host.ts) instead. The console decides no race rule: the lap key sends `lap`, which the
 * host takes as the start before the start and as the leader's lap after it.
 */
import { useState } from 'react';
import type {
  BoardScene,
  OverlayElement,
  ProgramCommand,
  ProgramView,
} from '../../shared/protocol/program.ts';
import type { BoardLanguage } from '../../shared/board/labels.ts';
import type { RaceCommand } from '../../shared/race/events.ts';
import type { RaceView } from '../../shared/race/view.ts';
import type { Translate } from './labels/i18n.ts';
import type { Reply } from '../../shared/protocol/reply.ts';
import type { HostSession } from './host/use-host.ts';
import { useUndo, type UndoState } from './journal/use-undo.ts';

/** Where a refusal is shown. */
export type Area = 'lap' | 'journal' | 'outputs';

/** The console's commands, bound to the session and the race on screen. */
export interface ConsoleActions {
  readonly errors: Readonly<Record<Area, string | null>>;
  /** What undo and redo would do, and what the last one did. */
  readonly history: UndoState;
  readonly lap: () => void;
  readonly correctLaps: (lapsToGoDelta: 1 | -1) => void;
  readonly undo: () => void;
  readonly redo: () => void;
  readonly voidEntry: (seq: number) => void;
  readonly confirm: () => void;
  readonly reopen: () => void;
  readonly scene: (scene: BoardScene) => void;
  readonly overlay: (element: OverlayElement, visible: boolean) => void;
  readonly toggleOverlay: (element: OverlayElement) => void;
  readonly boardLanguage: (language: BoardLanguage) => void;
  readonly program: (command: ProgramCommand, origin: string) => Promise<Reply>;
}

/** The console's commands. */
export function useActions(
  t: Translate,
  session: HostSession,
  race: RaceView | null,
  program: ProgramView | null,
): ConsoleActions {
  const [errors, setErrors] = useState<Record<Area, string | null>>({
    lap: null,
    journal: null,
    outputs: null,
  });
  const history = useUndo(session, race, { undo: t('undo'), redo: t('redo') });
  const track = (area: Area, sent: Promise<Reply>) => {
    void sent.then((reply) =>
      setErrors((all) => ({
        ...all,
        [area]: reply.ok || reply.status === 0 ? null : reply.error,
      })),
    );
  };
  const raceCommand = (area: Area, origin: string, command: RaceCommand, revision?: number) =>
    track(
      area,
      session.race(
        { commands: [command], ...(revision === undefined ? {} : { revision }) },
        origin,
      ),
    );
  const programCommand = (command: ProgramCommand, revision?: number) =>
    track('outputs', session.program(command, t('outputs'), revision));
  // A toggle is worked out from what this console sees: sent against that program revision,
  // so a second console's change in between is refused (409) instead of undone.
  const overlay = (element: OverlayElement, visible: boolean) =>
    programCommand({ type: 'overlay/toggled', element, visible }, program?.revision);
  return {
    errors,
    history,
    // Two quick taps at the gun are the start and the first lap: the host takes them in order.
    lap: () => {
      if (!race) return;
      raceCommand('lap', race.state.started ? t('lap') : t('startRace'), { type: 'lap' });
    },
    correctLaps: (delta) => {
      if (!race) return;
      const lapsCompleted = Math.max(0, race.state.lapsCompleted - delta);
      raceCommand(
        'lap',
        t(delta > 0 ? 'lapsPlus' : 'lapsMinus'),
        { type: 'laps/corrected', lapsCompleted },
        race.revision,
      );
    },
    undo: () => track('journal', history.undo()),
    redo: () => track('journal', history.redo()),
    voidEntry: (seq) =>
      raceCommand('journal', t('voidEntry'), { type: 'event/voided', target: seq }, race?.revision),
    confirm: () =>
      raceCommand('lap', t('confirmOfficial'), { type: 'results/confirmed' }, race?.revision),
    reopen: () => raceCommand('lap', t('reopen'), { type: 'results/reopened' }, race?.revision),
    scene: (scene) => programCommand({ type: 'scene/shown', output: 'board', scene }),
    overlay,
    toggleOverlay: (element) => overlay(element, !(program?.scenes.overlay[element] ?? false)),
    boardLanguage: (language) => programCommand({ type: 'display/configured', language }),
    program: (command, origin) => session.program(command, origin),
  };
}

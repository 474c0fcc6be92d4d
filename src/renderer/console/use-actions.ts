/**
 * What the console's keys and buttons do: race commands (lap, laps correction, undo, redo,
 * results), scene cuts, and where each refusal is shown (next to the control that caused it).
 * A command that never reached the host is not a refusal: it goes on the "not sent" list
 * (use-host.ts) instead.
 */
import { useRef, useState } from 'react';
import type {
  BoardScene,
  OverlayElement,
  ProgramCommand,
  ProgramView,
} from '../../shared/protocol/program.ts';
import type { RaceCommand } from '../../shared/race/events.ts';
import type { RaceView } from '../../shared/race/view.ts';
import type { Translate } from './i18n.ts';
import type { HostSession, Outcome } from './use-host.ts';
import { useUndo, type UndoState } from './use-undo.ts';

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
  readonly boardLanguage: (language: 'en' | 'nl') => void;
  readonly program: (command: ProgramCommand, origin: string) => Promise<Outcome>;
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
  // The start is in flight until the host's new state arrives: a second tap is then a lap, not a second start.
  const starting = useRef<string | null>(null);
  const history = useUndo(session, race, { undo: t('undo'), redo: t('redo') });
  const track = (area: Area, sent: Promise<Outcome>) => {
    void sent.then((outcome) =>
      setErrors((all) => ({
        ...all,
        [area]: outcome.ok || outcome.status === 0 ? null : outcome.error,
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
  const programCommand = (command: ProgramCommand) =>
    track('outputs', session.program(command, t('outputs')));
  const overlay = (element: OverlayElement, visible: boolean) =>
    programCommand({ type: 'overlay/toggled', element, visible });
  return {
    errors,
    history,
    lap: () => {
      if (!race) return;
      if (race.state.started) starting.current = null;
      if (race.state.started || starting.current === race.id)
        return raceCommand('lap', t('lap'), { type: 'lap/completed' });
      starting.current = race.id;
      const sent = session.race({ commands: [{ type: 'race/started' }] }, t('startRace'));
      void sent.then((outcome) => {
        if (!outcome.ok) starting.current = null;
      });
      track('lap', sent);
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

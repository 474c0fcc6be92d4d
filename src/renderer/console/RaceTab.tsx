import type { RefObject } from 'react';
import type { JournalEntry } from '../../shared/race/events.ts';
import type { RaceView } from '../../shared/race/view.ts';
import { EntryLine } from './EntryLine.tsx';
import type { Translate } from './i18n.ts';
import { LapBoard, type LapBoardActions } from './LapBoard.tsx';
import { SprintSummary } from './SprintSummary.tsx';
import { StandingsTable } from './StandingsTable.tsx';
import { lapFlash, UndoLine } from './UndoLine.tsx';
import type { EntryState } from './use-entry.ts';
import type { UndoState } from './use-undo.ts';

/**
 * During the race: the lap board, what undo would do, the entry line, the sprints and the
 * standings.
 */
export function RaceTab({
  t,
  race,
  entry,
  entryRef,
  actions,
  lapError,
  history,
  journal,
  connected,
}: {
  t: Translate;
  race: RaceView | null;
  entry: EntryState;
  entryRef: RefObject<HTMLInputElement | null>;
  actions: LapBoardActions;
  lapError: string | null;
  history: UndoState;
  journal: readonly JournalEntry[];
  connected: boolean;
}) {
  return (
    <>
      <LapBoard
        t={t}
        race={race}
        actions={actions}
        error={lapError}
        connected={connected}
        flash={lapFlash(t, history.last)}
      />
      {race && (
        <>
          <UndoLine t={t} history={history} entries={journal} />
          <EntryLine
            t={t}
            entry={entry}
            inputRef={entryRef}
            sprintCount={race.state.format.sprintLaps.length}
            appending={race.state.finishOrder.length > 0}
          />
          <div className="race-details">
            <SprintSummary t={t} race={race} onCorrect={entry.choose} />
            <StandingsTable t={t} race={race} />
          </div>
        </>
      )}
    </>
  );
}

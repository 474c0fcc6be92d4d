import type { RefObject } from 'react';
import type { RaceView } from '../../shared/race/view.ts';
import { EntryLine } from './EntryLine.tsx';
import type { Translate } from './i18n.ts';
import { LapBoard, type LapBoardActions } from './LapBoard.tsx';
import { SprintSummary } from './SprintSummary.tsx';
import { StandingsTable } from './StandingsTable.tsx';
import type { EntryState } from './use-entry.ts';

/** During the race: the lap board, the entry line, the sprints and the standings. */
export function RaceTab({
  t,
  race,
  entry,
  entryRef,
  actions,
  lapError,
}: {
  t: Translate;
  race: RaceView | null;
  entry: EntryState;
  entryRef: RefObject<HTMLInputElement | null>;
  actions: LapBoardActions;
  lapError: string | null;
}) {
  return (
    <>
      <LapBoard t={t} race={race} actions={actions} error={lapError} />
      {race && (
        <>
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

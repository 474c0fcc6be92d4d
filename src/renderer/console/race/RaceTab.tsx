import type { RefObject } from 'react';
import type { JournalEntry } from '../../../shared/race/events.ts';
import type { RaceView } from '../../../shared/race/view.ts';
import { QuickEntry } from '../quick-entry/QuickEntry.tsx';
import type { Translate } from '../labels/i18n.ts';
import { LapBoard, type LapBoardActions } from './LapBoard.tsx';
import { SprintSummary } from './SprintSummary.tsx';
import { StandingsTable } from './StandingsTable.tsx';
import { ExportLinks } from '../program/ExportLinks.tsx';
import { lapFlash, UndoLine } from '../journal/UndoLine.tsx';
import type { QuickEntryState } from '../quick-entry/use-quick-entry.ts';
import type { UndoState } from '../journal/use-undo.ts';

/**
 * During the race: the lap board, what undo would do, the quick entry, the sprints and the
 * standings.
 */
export function RaceTab({
  t,
  race,
  quickEntry,
  quickEntryRef,
  actions,
  lapError,
  history,
  journal,
  connected,
  viewToken = null,
}: {
  t: Translate;
  race: RaceView | null;
  quickEntry: QuickEntryState;
  quickEntryRef: RefObject<HTMLInputElement | null>;
  actions: LapBoardActions;
  lapError: string | null;
  history: UndoState;
  journal: readonly JournalEntry[];
  connected: boolean;
  /** For the export links once the race is finished. */
  viewToken?: string | null;
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
          <QuickEntry
            t={t}
            quickEntry={quickEntry}
            inputRef={quickEntryRef}
            sprintCount={race.state.format.sprintLaps.length}
            appending={race.state.finishOrder.length > 0}
            race={race}
          />
          <div className="race-details">
            <SprintSummary t={t} race={race} onCorrect={quickEntry.choose} />
            <StandingsTable t={t} race={race} />
          </div>
          {(race.standings.phase === 'final' || race.standings.phase === 'official') && (
            <p className="race-export">
              {t('export')}: <ExportLinks t={t} raceId={race.id} viewToken={viewToken} />
            </p>
          )}
        </>
      )}
    </>
  );
}

// @vitest-environment happy-dom
// Issue 19, part 3: the journal and the undo line read every entry back. A time says whose and
// what ("time of #7: 8:04.15"), a retyped one what it replaced ("(was 8:04.51)"), in the journal,
// its undo and redo rows and the undo line; the undo line says what the board shows after an
// undo and what it showed ("laps to go 7 → 8" read backwards); the shortcut sheet says how to
// correct an earlier sprint after the finish.
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { journalRows } from '../../../../src/renderer/shared/journal-rows.ts';
import { stepText, UndoLine } from '../../../../src/renderer/console/journal/UndoLine.tsx';
import { undoPreview } from '../../../../src/renderer/console/journal/undo-preview.ts';
import type { UndoResult, UndoState } from '../../../../src/renderer/console/journal/use-undo.ts';
import { ShortcutSheet } from '../../../../src/renderer/console/keyboard/ShortcutSheet.tsx';
import { translator } from '../../../../src/renderer/console/labels/i18n.ts';
import type { JournalEntry, RaceCommand } from '../../../../src/shared/race/events.ts';
import { laps, semiWithJournal } from '../fixtures.ts';

afterEach(cleanup);

const en = translator('en');
const nl = translator('nl');

/** The semi's journal after the commands (#1 and #2 set it up, #3 starts it). */
const journalAfter = (commands: RaceCommand[]): JournalEntry[] =>
  semiWithJournal(commands).journal.entries;

/** 16 laps (#3 to #19), 1 4 7 over the line (#20), 7 timed (#21) and timed again (#22). */
const retyped: RaceCommand[] = [
  ...laps(16),
  { type: 'finish/recorded', bibs: [1, 4, 7] },
  { type: 'finish/timed', bib: 7, time: 484_510 },
  { type: 'finish/timed', bib: 7, time: 484_150 },
];

describe('the journal reads a time back', () => {
  it('whose time and what, and for a retyped one what it replaced', () => {
    const rows = journalRows(journalAfter(retyped), () => '');
    expect(rows.slice(-2).map((row) => row.text)).toEqual([
      'time of #7: 8:04.51',
      'time of #7: 8:04.15 (was 8:04.51)',
    ]);
  });

  it('its undo and redo rows read it the same way', () => {
    const rows = journalRows(
      journalAfter([...retyped, { type: 'undo' }, { type: 'redo' }]),
      () => '',
    );
    expect(rows.slice(-2).map((row) => [row.kind, row.target, row.text])).toEqual([
      ['undo', 22, 'time of #7: 8:04.15 (was 8:04.51)'],
      ['redo', 23, 'time of #7: 8:04.15 (was 8:04.51)'],
    ]);
  });
});

describe('the undo line', () => {
  it('names the time an undo takes out and the one it gives back, and so does redo', () => {
    expect(undoPreview(journalAfter(retyped)).undo).toMatchObject({
      seq: 22,
      text: 'time of #7: 8:04.15 (was 8:04.51)',
      lapsToGo: null,
    });
    expect(undoPreview(journalAfter([...retyped, { type: 'undo' }])).redo).toMatchObject({
      seq: 22,
      text: 'time of #7: 8:04.15 (was 8:04.51)',
    });
  });

  it('says what the board would show and what it shows, then what it shows and showed', () => {
    const preview = undoPreview(journalAfter(laps(7)));
    const step = preview.undo!;
    expect(stepText(en, step)).toBe(
      '#10 lap completed — the board would show 10 laps to go (it shows 9)',
    );
    expect(stepText(en, step, true)).toBe(
      '#10 lap completed — the board shows 10 laps to go (it showed 9)',
    );
    expect(stepText(nl, step, true)).toBe(
      '#10 lap completed — het bord toont 10 ronden te gaan (het toonde 9)',
    );
    const last: UndoResult = {
      id: 1,
      kind: 'undo',
      raceId: 'men-semi-1',
      phase: 'done',
      step,
      seq: 10,
      error: null,
      stale: false,
      revision: 11,
    };
    const undone = undoPreview(journalAfter([...laps(7), { type: 'undo' }]));
    const history: UndoState = {
      preview: undone,
      last,
      undo: () => Promise.resolve({ ok: true, revision: 1 }),
      redo: () => Promise.resolve({ ok: true, revision: 1 }),
    };
    render(<UndoLine t={en} history={history} entries={journalAfter(laps(7))} />);
    expect(screen.getByTestId('undo-result')).toHaveTextContent(
      'Undone: #10 lap completed — the board shows 10 laps to go (it showed 9)',
    );
    expect(screen.getByTestId('redo-preview')).toHaveTextContent(
      'Ctrl+Shift+Z would redo: #10 lap completed — the board would show 9 laps to go (it shows 10)',
    );
  });

  it('reads a time undo back in the journal’s words', () => {
    const history: UndoState = {
      preview: undoPreview(journalAfter(retyped)),
      last: null,
      undo: () => Promise.resolve({ ok: true, revision: 1 }),
      redo: () => Promise.resolve({ ok: true, revision: 1 }),
    };
    render(<UndoLine t={en} history={history} entries={journalAfter(retyped)} />);
    expect(screen.getByTestId('undo-preview')).toHaveTextContent(
      /^Ctrl\+Z would undo: #22 time of #7: 8:04\.15 \(was 8:04\.51\)$/,
    );
  });
});

describe('the shortcut sheet', () => {
  it('says how to correct an earlier sprint after the finish: S, then ↑', () => {
    render(<ShortcutSheet t={en} onClose={() => undefined} />);
    const sheet = screen.getByTestId('shortcut-sheet');
    expect(sheet).toHaveTextContent(/S↑Correct an earlier sprint, also after the finish/);
    expect(sheet).toHaveTextContent(/↑ the one before \(sprint 2\)/);
  });
});

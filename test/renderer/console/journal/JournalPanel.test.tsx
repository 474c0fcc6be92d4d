// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../../../src/renderer/console/labels/i18n.ts';
import { JournalPanel } from '../../../../src/renderer/console/journal/JournalPanel.tsx';
import type { JournalEntry, RaceEvent } from '../../../../src/shared/race/events.ts';
import { isu2018 } from '../../../../src/shared/race/format.ts';
import { semiSkaters } from '../fixtures.ts';

afterEach(cleanup);

const entry = (seq: number, event: RaceEvent, source = 'ws'): JournalEntry => ({
  seq,
  at: `2026-02-21T14:0${Math.floor(seq / 10)}:${String(seq % 10).padStart(2, '0')}.000Z`,
  source,
  event,
});
// A journal as the host writes it: set up, started, four laps (the last undone), sprint 1 and
// its correction.
const entries: JournalEntry[] = [
  entry(1, {
    type: 'race/configured',
    title: 'Semi',
    round: 'semi',
    qualifiers: 8,
    format: isu2018,
  }),
  entry(2, { type: 'startList/set', skaters: semiSkaters }),
  entry(3, { type: 'race/started' }),
  entry(4, { type: 'lap/completed' }, 'osc'),
  entry(5, { type: 'lap/completed' }, 'osc'),
  entry(6, { type: 'lap/completed' }, 'osc'),
  entry(7, { type: 'lap/completed' }, 'osc'),
  entry(8, { type: 'event/voided', target: 7 }),
  entry(9, { type: 'sprint/placed', sprint: 1, bibs: [8, 12, 10] }),
  entry(10, { type: 'sprint/placed', sprint: 1, bibs: [8, 10, 12] }),
];
const clock = (iso: string) => iso.slice(11, 19);

function setup(voided: number[] = [7]) {
  const actions = { undo: vi.fn(), redo: vi.fn(), voidEntry: vi.fn() };
  render(
    <JournalPanel
      t={translator('en')}
      journal={{ raceId: 'r', entries, voided }}
      actions={actions}
      error={null}
      formatTime={clock}
    />,
  );
  const rows = within(screen.getByTestId('journal')).getAllByRole('listitem');
  return { actions, rows };
}

describe('the journal panel', () => {
  it('lists every entry newest first, with its time and source', () => {
    const { rows } = setup();
    expect(rows.map((row) => row.getAttribute('data-seq'))).toEqual([
      '10',
      '9',
      '8',
      '7',
      '6',
      '5',
      '4',
      '3',
      '2',
      '1',
    ]);
    expect(rows[4]).toHaveTextContent('#6');
    expect(rows[4]).toHaveTextContent('14:00:06');
    expect(rows[4]).toHaveTextContent('osc');
    expect(rows[4]).toHaveTextContent('lap completed');
  });

  it('strikes voided entries through and says so', () => {
    const { rows } = setup();
    const voided = rows[3]!;
    expect(voided).toHaveClass('voided');
    expect(voided.querySelector('del')).toHaveTextContent('lap completed');
    expect(voided).toHaveTextContent('voided');
    expect(rows[4]!.querySelector('del')).toBeNull();
  });

  it('spells out an undo and shows what a correction replaced', () => {
    const { rows } = setup();
    expect(rows[2]).toHaveTextContent('undo of #7: lap completed');
    expect(rows[0]).toHaveTextContent('sprint 1: 8 10 12');
    expect(rows[0]).toHaveTextContent('correction (was 8 12 10)');
    expect(rows[1]).not.toHaveTextContent('correction');
  });

  it('undo, redo and void are buttons (keyboard reachable); voided entries cannot be voided again', async () => {
    const { actions, rows } = setup();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Undo/ }));
    await user.click(screen.getByRole('button', { name: /^Redo/ }));
    expect(actions.undo).toHaveBeenCalledTimes(1);
    expect(actions.redo).toHaveBeenCalledTimes(1);
    expect(within(rows[3]!).queryByRole('button')).toBeNull();
    expect(within(rows[2]!).queryByRole('button')).toBeNull();
    await user.click(within(rows[1]!).getByRole('button', { name: 'Void #9' }));
    expect(actions.voidEntry).toHaveBeenCalledWith(
      expect.objectContaining({ seq: 9, text: 'sprint 1: 8 12 10' }),
    );
  });

  it('shows a refusal above the list', () => {
    render(
      <JournalPanel
        t={translator('en')}
        journal={null}
        actions={{ undo: vi.fn(), redo: vi.fn(), voidEntry: vi.fn() }}
        error="there is nothing to undo"
      />,
    );
    expect(screen.getByTestId('journal-refusal')).toHaveTextContent(
      'Refused: there is nothing to undo',
    );
    expect(screen.getByTestId('journal')).toHaveTextContent('no entries yet');
  });
});

// @vitest-environment happy-dom
// Issue 19, part 3, in the console: the finish time being typed is shown as it will be recorded,
// a retyped time is marked as a correction of the one in force, a time for a skater still racing
// is named and never sent, and the standings have a time column.
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { timeReadback } from '../../../../src/renderer/console/finish-time/time-readback.ts';
import type { RaceRequestInput } from '../../../../src/renderer/console/host/use-host.ts';
import { translator } from '../../../../src/renderer/console/labels/i18n.ts';
import { QuickEntry } from '../../../../src/renderer/console/quick-entry/QuickEntry.tsx';
import { useQuickEntry } from '../../../../src/renderer/console/quick-entry/use-quick-entry.ts';
import { StandingsTable } from '../../../../src/renderer/console/race/StandingsTable.tsx';
import type { Reply } from '../../../../src/shared/protocol/reply.ts';
import type { RaceCommand } from '../../../../src/shared/race/events.ts';
import type { RaceView } from '../../../../src/shared/race/view.ts';
import { laps, semi } from '../fixtures.ts';

afterEach(cleanup);

/** The semi after 16 laps with 1, 4 and 7 over the line, plus the commands. */
const finishedWith = (commands: RaceCommand[] = []) =>
  semi([...laps(16), { type: 'finish/recorded', bibs: [1, 4, 7] }, ...commands]);

function Entry({
  race,
  send,
  language,
}: {
  race: RaceView;
  send: (request: RaceRequestInput) => Promise<Reply>;
  language: 'en' | 'nl';
}) {
  const ref = useRef<HTMLInputElement>(null);
  const quickEntry = useQuickEntry(race, send, ref);
  return (
    <QuickEntry
      t={translator(language)}
      quickEntry={quickEntry}
      inputRef={ref}
      sprintCount={3}
      appending={race.state.finishOrder.length > 0}
      race={race}
    />
  );
}

function setup(race: RaceView, language: 'en' | 'nl' = 'en') {
  const send = vi.fn((_request: RaceRequestInput) =>
    Promise.resolve<Reply>({ ok: true, revision: 1 }),
  );
  const user = userEvent.setup();
  render(<Entry race={race} send={send} language={language} />);
  return { send, user, input: screen.getByTestId('entry-input') };
}

describe('the time being entered is read back', () => {
  it('shows the time as the results will print it, next to the skater', async () => {
    const { user, input, send } = setup(finishedWith());
    await user.type(input, 't 7 8:04.159');
    expect(screen.getByTestId('entry-mode')).toHaveTextContent('Finish time');
    const items = screen.getByTestId('entry-names');
    expect(items).toHaveTextContent('7 Jorrit Bergsma NED');
    expect(within(items).getByTestId('entry-time')).toHaveTextContent(/^8:04\.15$/);
    // A first time replaces nothing.
    expect(screen.queryByTestId('entry-correction')).toBeNull();
    await user.type(input, '{Enter}');
    expect(send).toHaveBeenCalledWith({
      commands: [{ type: 'finish/timed', bib: 7, time: 484_159 }],
    });
  });

  it('marks a retyped time as a correction of the one in force', async () => {
    const { user, input, send } = setup(
      finishedWith([{ type: 'finish/timed', bib: 7, time: 484_510 }]),
    );
    await user.type(input, 't 7 8:04.15');
    expect(screen.getByTestId('entry-time')).toHaveTextContent('8:04.15');
    expect(screen.getByTestId('entry-correction')).toHaveTextContent(
      'correction: replaces 8:04.51',
    );
    await user.type(input, '{Enter}');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('names a skater who has not finished at once, and sends nothing', async () => {
    const { user, input, send } = setup(semi(laps(0)));
    await user.type(input, 't 7 8:04.51');
    expect(screen.getByTestId('entry-problems')).toHaveTextContent(
      '#7 has not finished: record the finish order first',
    );
    expect(screen.getByTestId('entry-time')).toHaveTextContent('8:04.51');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await user.type(input, '{Enter}');
    expect(send).not.toHaveBeenCalled();
    expect(input).toHaveValue('t 7 8:04.51');
  });

  it('in Dutch too', async () => {
    const { user, input } = setup(
      finishedWith([{ type: 'finish/timed', bib: 4, time: 484_510 }]),
      'nl',
    );
    await user.type(input, 't 4 8:04.15');
    expect(screen.getByTestId('entry-correction')).toHaveTextContent('correctie: vervangt 8:04.51');
    await user.clear(input);
    await user.type(input, 't 9 8:04.15');
    expect(screen.getByTestId('entry-problems')).toHaveTextContent(
      '#9 is niet gefinisht: voer eerst de finishvolgorde in',
    );
  });

  it('reads back only a finish time', () => {
    const state = finishedWith([{ type: 'finish/timed', bib: 4, time: 484_510 }]).state;
    expect(timeReadback([{ type: 'finish/timed', bib: 4, time: 484_150 }], state)).toEqual({
      bib: 4,
      time: '8:04.15',
      replaces: '8:04.51',
    });
    expect(timeReadback([{ type: 'finish/timed', bib: 1, time: 7_000 }], state)).toEqual({
      bib: 1,
      time: '7.00',
      replaces: null,
    });
    expect(timeReadback([{ type: 'finish/appended', bibs: [4] }], state)).toBeNull();
    expect(timeReadback([], state)).toBeNull();
  });
});

describe('the standings have a time column', () => {
  it('with each finisher’s time as printed, empty for the others', () => {
    const race = finishedWith([
      { type: 'finish/timed', bib: 1, time: 484_150 },
      { type: 'finish/timed', bib: 4, time: 484_510 },
    ]);
    render(<StandingsTable t={translator('en')} race={race} />);
    const table = screen.getByTestId('standings');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers.slice(-3)).toEqual(['Pts', 'Time', 'Status']);
    expect(screen.getByTestId('time-1')).toHaveTextContent('8:04.15');
    expect(screen.getByTestId('time-4')).toHaveTextContent('8:04.51');
    expect(screen.getByTestId('time-7')).toHaveTextContent(/^$/);
    // The time sits in its own column of the skater's row.
    const row = screen.getByTestId('time-4').closest('tr')!;
    const cells = within(row).getAllByRole('cell');
    expect(cells[headers.indexOf('Time')]).toBe(screen.getByTestId('time-4'));
  });
});

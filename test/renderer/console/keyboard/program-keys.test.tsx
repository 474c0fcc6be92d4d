// @vitest-environment happy-dom
// Issue 19, part 4, through the whole console: A and Shift+A from anywhere reach the Program
// tab's Add race and Activate (12 and 9 Tabs before), the shortcut sheet lists them, and the S
// key's correction of a sprint already placed is said loudly across the entry line.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleApp } from '../../../../src/renderer/console/ConsoleApp.tsx';
import type { ProgramView } from '../../../../src/shared/protocol/program.ts';
import type { RaceCommand } from '../../../../src/shared/race/events.ts';
import type { RaceView } from '../../../../src/shared/race/view.ts';
import { FakeClient, laps, programWith, semi } from '../fixtures.ts';

let client: FakeClient;
beforeEach(() => {
  localStorage.clear();
  client = new FakeClient();
});
afterEach(cleanup);

/** The race's program with a second semi-final after it, not active. */
function withSecondSemi(race: RaceView): ProgramView {
  const program = programWith(race);
  const second = { ...program.races[0]!, id: 'men-semi-2', title: 'Men · Semi-final 2' };
  return { ...program, races: [...program.races, second] };
}

async function open(race: RaceView, program: ProgramView = withSecondSemi(race)) {
  const user = userEvent.setup();
  render(<ConsoleApp client={client} />);
  act(() => {
    client.connection('open');
    client.push(race, program);
  });
  await screen.findByTestId('laps-to-go');
  return user;
}

const programSent = () =>
  client.sent.flatMap((message) => (message.type === 'program' ? [message.command] : []));

describe('the Program keys, from the race tab', () => {
  it('A shows the Program tab with the focus in Add race’s Title, the A not typed', async () => {
    const user = await open(semi(laps(3)));
    await user.keyboard('a');
    const form = within(screen.getByTestId('add-race-form'));
    expect(form.getByLabelText('Title')).toHaveFocus();
    expect(form.getByLabelText('Title')).toHaveValue('');
    // In the field every key types: a second A is a letter of the title.
    await user.keyboard('A');
    expect(form.getByLabelText('Title')).toHaveValue('A');
  });

  it('Shift+A goes to the next race’s Activate, and Enter activates it', async () => {
    const user = await open(semi(laps(3)));
    await user.keyboard('{Shift>}A{/Shift}');
    const activate = screen.getByRole('button', { name: 'Activate' });
    expect(activate).toHaveFocus();
    expect(activate.dataset.activate).toBe('men-semi-2');
    await user.keyboard('{Enter}');
    expect(programSent()).toEqual([{ type: 'race/activated', raceId: 'men-semi-2' }]);
  });

  it('typed helmet numbers keep their letters: A in an entry with text is typed, not a key', async () => {
    const user = await open(semi(laps(3)));
    await user.keyboard('4');
    await user.keyboard('a');
    expect(screen.getByTestId('entry-input')).toHaveValue('4a');
    expect(screen.queryByTestId('add-race-form')).toBeNull();
  });

  it('the shortcut sheet lists both under Program, in English and in Dutch', async () => {
    const user = await open(semi(laps(3)));
    await user.keyboard('?');
    const sheet = within(screen.getByTestId('shortcut-sheet'));
    const program = sheet.getByRole('heading', { name: 'Program' }).closest('section')!;
    expect(program).toHaveTextContent('AAdd race: to its Title field');
    expect(program).toHaveTextContent('Shift+AActivate: to the next race’s Activate button');
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Nederlands' }));
    await user.keyboard('?');
    const nl = within(screen.getByTestId('shortcut-sheet'));
    expect(nl.getByRole('heading', { name: 'Programma' }).closest('section')).toHaveTextContent(
      'ARace toevoegen: naar het veld Titel',
    );
  });
});

describe('the correction of a placed sprint is loud', () => {
  const placed: RaceCommand[] = [
    ...laps(4),
    { type: 'sprint/placed', sprint: 1, bibs: [4, 9, 3] },
    ...Array.from({ length: 4 }, (): RaceCommand => ({ type: 'lap/completed' })),
    { type: 'sprint/placed', sprint: 2, bibs: [8, 12, 10] },
    { type: 'lap/completed' },
  ];

  it('S at 7 to go: a banner across the entry says what Enter replaces; Esc leaves it', async () => {
    const user = await open(semi(placed));
    expect(screen.getByTestId('laps-to-go')).toHaveTextContent('7');
    expect(screen.queryByTestId('correction-banner')).toBeNull();
    await user.keyboard('s');
    expect(screen.getByTestId('correction-banner')).toHaveTextContent(
      'CORRECTING SPRINT 2 (placed: 8 · 12 · 10) — Enter replaces, Esc leaves',
    );
    const entry = screen.getByTestId('entry-input').closest('section')!;
    expect(entry).toHaveClass('entry', 'correcting');
    // The banner is the entry's first line, above the mode.
    expect(entry.firstElementChild).toBe(screen.getByTestId('correction-banner'));
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('correction-banner')).toBeNull();
    expect(entry).not.toHaveClass('correcting');
    expect(client.commands()).toEqual([]);
  });

  it('Shift+F with a finish order recorded says it replaces that order', async () => {
    const finished = semi([...laps(16), { type: 'finish/recorded', bibs: [1, 2, 3, 5] }]);
    const user = await open(finished);
    await user.keyboard('{Shift>}F{/Shift}');
    expect(screen.getByTestId('correction-banner')).toHaveTextContent(
      'REPLACING THE FINISH ORDER (recorded: 1 · 2 · 3 · 5) — Enter replaces, Esc leaves',
    );
  });

  it('a sprint with no placings yet is no correction: no banner', async () => {
    const user = await open(semi(laps(4)));
    await user.keyboard('s4 9 3');
    expect(screen.queryByTestId('correction-banner')).toBeNull();
  });
});

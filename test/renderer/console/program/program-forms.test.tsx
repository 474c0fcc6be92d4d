// @vitest-environment happy-dom
// Issue 19, part 4: the Program tab by keyboard. Enter from any field of a form (a drop-down
// list too) adds or builds, or says in words which field keeps it from doing so; a final shows
// no qualifiers; the Program keys reach the Add race form and the next race's Activate.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../../../src/renderer/console/labels/i18n.ts';
import { ProgramPanel } from '../../../../src/renderer/console/program/ProgramPanel.tsx';
import { addRaceProblem } from '../../../../src/renderer/console/program/add-race-check.ts';
import {
  nextToActivate,
  type ProgramKeys,
} from '../../../../src/renderer/console/program/program-reach.ts';
import type { ProgramCommand, ProgramView } from '../../../../src/shared/protocol/program.ts';
import type { Reply } from '../../../../src/shared/protocol/reply.ts';
import { programWith, semi } from '../fixtures.ts';

afterEach(cleanup);

/** A program of the given races (ids), the first one's title "Men · Semi-final 1" and so on. */
function programOf(ids: string[], activeRaceId: string | null): ProgramView {
  const base = programWith(semi());
  const races = ids.map((id, index) => ({
    ...base.races[0]!,
    id,
    title: `Men · Semi-final ${index + 1}`,
  }));
  return { ...base, races, activeRaceId };
}

function setup(program: ProgramView, outcome: Reply = { ok: true, revision: 2 }) {
  const send = vi.fn((_command: ProgramCommand) => Promise.resolve(outcome));
  const keys = createRef<ProgramKeys>();
  render(<ProgramPanel t={translator('en')} program={program} send={send} keysRef={keys} />);
  const addRace = within(screen.getByTestId('add-race-form'));
  return { send, keys, addRace, user: userEvent.setup() };
}

describe('the race Shift+A goes to', () => {
  it.each<[string[], string | null, string | null]>([
    [['s1', 's2', 'f'], 's1', 's2'],
    [['s1', 's2', 'f'], 's2', 'f'],
    // After the last race, round to the start.
    [['s1', 's2', 'f'], 'f', 's1'],
    // Nothing active yet: the first race.
    [['s1', 's2'], null, 's1'],
    [['s1'], 's1', null],
    [[], null, null],
  ])('races %j, %s active: %s', (ids, active, next) => {
    expect(nextToActivate(programOf(ids, active))).toBe(next);
  });
});

describe('what the Add race form checks before it sends', () => {
  it.each<[string, 'semi' | 'final', string, string | null]>([
    ['', 'semi', '8', 'title'],
    ['   ', 'final', '', 'title'],
    ['Men · Semi-final 2', 'semi', '', 'qualifiers'],
    ['Men · Semi-final 2', 'semi', '8x', 'qualifiers'],
    ['Men · Semi-final 2', 'semi', '101', 'qualifiers'],
    ['Men · Semi-final 2', 'semi', '8.5', 'qualifiers'],
    ['Men · Semi-final 2', 'semi', ' 8 ', null],
    ['Men · Semi-final 2', 'semi', '0', null],
    // A final has no qualifiers: whatever the box held for a semi does not count.
    ['Men · Final', 'final', '', null],
  ])('title %j, %s, qualifiers %j: %s', (title, round, qualifiers, field) => {
    expect(addRaceProblem({ title, round, qualifiers })?.field ?? null).toBe(field);
  });
});

describe('the Add race form', () => {
  it('Enter with no title says so, focuses Title and sends nothing', async () => {
    const { send, addRace, user } = setup(programOf(['s1'], 's1'));
    await user.click(addRace.getByLabelText('Category'));
    await user.keyboard('Men{Enter}');
    expect(send).not.toHaveBeenCalled();
    expect(addRace.getByTestId('add-race-note')).toHaveTextContent(
      'Not added: Title is empty. Type the race’s title, e.g. Men · Mass Start · Semi-final 1.',
    );
    expect(addRace.getByLabelText('Title')).toHaveFocus();
    expect(addRace.getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');
    expect(addRace.getByLabelText('Title')).toHaveAttribute('aria-describedby', 'add-race-note');
    // Typing clears the problem.
    await user.keyboard('M');
    expect(addRace.queryByTestId('add-race-note')).toBeNull();
    expect(addRace.getByLabelText('Title')).toHaveAttribute('aria-invalid', 'false');
  });

  it('names what was typed in Qualifiers when it is not a number from 0 to 100', async () => {
    const { send, addRace, user } = setup(programOf(['s1'], 's1'));
    await user.type(addRace.getByLabelText('Title'), 'Men · Semi-final 2');
    await user.clear(addRace.getByLabelText('Qualifiers'));
    await user.type(addRace.getByLabelText('Qualifiers'), '8x{Enter}');
    expect(send).not.toHaveBeenCalled();
    expect(addRace.getByTestId('add-race-note')).toHaveTextContent(
      'Not added: Qualifiers must be a whole number from 0 to 100, not “8x”.',
    );
    expect(addRace.getByLabelText('Qualifiers')).toHaveFocus();
  });

  it('with Round = Final the Qualifiers box shows — and why; Enter on Round adds the final with none', async () => {
    const { send, addRace, user } = setup(programOf(['s1'], 's1'));
    await user.type(addRace.getByLabelText('Title'), 'Men · Final');
    await user.selectOptions(addRace.getByLabelText('Round'), 'final');
    const none = addRace.getByTestId('qualifiers-none');
    expect(none).toHaveValue('—');
    expect(none).toBeDisabled();
    expect(none.closest('label')).toHaveTextContent('Qualifiersnone in a final');
    await user.click(addRace.getByLabelText('Round'));
    await user.keyboard('{Enter}');
    expect(send).toHaveBeenCalledExactlyOnceWith({
      type: 'race/added',
      title: 'Men · Final',
      category: '',
      round: 'final',
      qualifiers: 0,
      format: 'isu-2018',
    });
    // Another race is active: the form says so, and how to activate this one.
    expect(addRace.getByTestId('add-race-note')).toHaveTextContent(
      'Added “Men · Final”. “Men · Semi-final 1” is still the active race: Shift+A, then Enter, activates another.',
    );
    expect(addRace.getByLabelText('Title')).toHaveValue('');
    // Back to a semi, the box has its number again.
    await user.selectOptions(addRace.getByLabelText('Round'), 'semi');
    expect(addRace.getByLabelText('Qualifiers')).toHaveValue('8');
    expect(addRace.getByLabelText('Qualifiers')).toBeEnabled();
  });

  it('Enter on Format adds too; the first race of a program is said to be active at once', async () => {
    const { send, addRace, user } = setup(programWith(null));
    await user.type(addRace.getByLabelText('Title'), 'Men · Semi-final 1');
    await user.click(addRace.getByLabelText('Format'));
    await user.keyboard('{Enter}');
    expect(send).toHaveBeenCalledOnce();
    expect(addRace.getByTestId('add-race-note')).toHaveTextContent(
      'Added “Men · Semi-final 1”: it is the active race (the first race of the program becomes active by itself).',
    );
  });

  it('a refusal from the host shows as before, with no "added" line', async () => {
    const { addRace, user } = setup(programOf(['s1'], 's1'), {
      ok: false,
      status: 409,
      error: 'a race "men-semi-final-1" is already in the program',
    });
    await user.type(addRace.getByLabelText('Title'), 'Men · Semi-final 1{Enter}');
    expect(addRace.getByTestId('add-race-refusal')).toHaveTextContent(
      'Refused: a race "men-semi-final-1" is already in the program',
    );
    expect(addRace.queryByTestId('add-race-note')).toBeNull();
    expect(addRace.getByLabelText('Title')).toHaveValue('Men · Semi-final 1');
  });
});

describe('the Build final form', () => {
  const twoSemis = () => programOf(['men-semi-1', 'men-semi-2'], 'men-semi-1');

  it('the same semi twice is said at once, and nothing is sent', async () => {
    const { send, user } = setup(twoSemis());
    const form = within(screen.getByTestId('build-final-form'));
    await user.selectOptions(form.getByLabelText('Semi-final 2'), 'men-semi-1');
    await user.click(form.getByLabelText('Semi-final 1'));
    await user.keyboard('{Enter}');
    expect(send).not.toHaveBeenCalled();
    expect(form.getByTestId('build-final-note')).toHaveTextContent(
      'Not built: Semi-final 2 is the same race as Semi-final 1. Choose the other semi-final.',
    );
    expect(form.getByLabelText('Semi-final 2')).toHaveFocus();
  });

  it('Enter on a semi list builds, and the form says what it built', async () => {
    const { send, user } = setup(twoSemis());
    const form = within(screen.getByTestId('build-final-form'));
    await user.click(form.getByLabelText('Semi-final 2'));
    await user.keyboard('{Enter}');
    expect(send).toHaveBeenCalledExactlyOnceWith({
      type: 'final/built',
      semis: ['men-semi-1', 'men-semi-2'],
      title: 'Men · Final',
      category: 'Men',
    });
    expect(form.getByTestId('build-final-note')).toHaveTextContent(
      'Built “Men · Final”. Shift+A, then Enter, activates it.',
    );
  });
});

describe('where the Program keys go', () => {
  it('A: the Add race form’s Title field', () => {
    const { keys, addRace } = setup(programOf(['s1', 's2'], 's1'));
    act(() => keys.current!.reach('addRace'));
    expect(addRace.getByLabelText('Title')).toHaveFocus();
  });

  it('Shift+A: the next race’s Activate; ↑ and ↓ go to the other races’, Enter activates', async () => {
    const { keys, send, user } = setup(programOf(['s1', 's2', 's3', 'f'], 's2'));
    act(() => keys.current!.reach('activate'));
    const activate = (id: string) =>
      screen.getAllByRole('button', { name: 'Activate' }).find((b) => b.dataset.activate === id)!;
    expect(activate('s3')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(activate('f')).toHaveFocus();
    // The last one stays where it is; ↑ skips the active race (it has no button).
    await user.keyboard('{ArrowDown}{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(activate('s1')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'race/activated', raceId: 's1' });
  });

  it('Shift+A with no other race says why, with the focus on the words', () => {
    const { keys } = setup(programOf(['s1'], 's1'));
    act(() => keys.current!.reach('activate'));
    expect(screen.getByTestId('program-notice')).toHaveTextContent(
      'Nothing else to activate: “Men · Semi-final 1” is the only race. Add one (A).',
    );
    // The focus is on the words that say why (there is no button to go to).
    expect(screen.getByTestId('program-notice')).toHaveFocus();
    // The next key clears it.
    act(() => keys.current!.reach('addRace'));
    expect(screen.queryByTestId('program-notice')).toBeNull();
  });

  it('Shift+A in an empty program says there is nothing yet', () => {
    const { keys } = setup(programWith(null));
    act(() => keys.current!.reach('activate'));
    expect(screen.getByTestId('program-notice')).toHaveTextContent(
      'Nothing to activate: the program has no races yet. Add one (A).',
    );
  });

  it('the tab says that only the first race becomes active by itself', () => {
    setup(programOf(['s1'], 's1'));
    expect(
      screen.getByText(
        'Only the first race added becomes active by itself; any other race is activated here.',
      ),
    ).toBeInTheDocument();
  });
});

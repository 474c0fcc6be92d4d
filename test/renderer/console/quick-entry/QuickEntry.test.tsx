// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuickEntry } from '../../../../src/renderer/console/quick-entry/QuickEntry.tsx';
import { translator } from '../../../../src/renderer/console/labels/i18n.ts';
import { useQuickEntry } from '../../../../src/renderer/console/quick-entry/use-quick-entry.ts';
import type { RaceRequestInput } from '../../../../src/renderer/console/host/use-host.ts';
import type { Reply } from '../../../../src/shared/protocol/reply.ts';
import type { RaceView } from '../../../../src/shared/race/view.ts';
import { laps, semi } from '../fixtures.ts';

afterEach(cleanup);

function Harness({
  race,
  send,
  language = 'en',
}: {
  race: RaceView;
  send: (request: RaceRequestInput) => Promise<Reply>;
  language?: 'en' | 'nl';
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
    />
  );
}

function setup(
  race: RaceView,
  outcome: Reply = { ok: true, revision: 1 },
  language: 'en' | 'nl' = 'en',
) {
  const send = vi.fn((_request: RaceRequestInput) => Promise.resolve(outcome));
  const user = userEvent.setup();
  render(<Harness race={race} send={send} language={language} />);
  return { send, user, input: screen.getByTestId('entry-input') };
}

describe('the quick entry', () => {
  it('offers the sprint just decided and shows names as the numbers are typed', async () => {
    const { user, input } = setup(semi(laps(4)));
    expect(screen.getByTestId('entry-mode')).toHaveTextContent('Sprint 1');
    await user.type(input, '4 9');
    expect(screen.getByTestId('entry-names')).toHaveTextContent('4 Jordan Stolz USA');
    expect(screen.getByTestId('entry-names')).toHaveTextContent('9 Demo Skater Nine NOR');
    await user.type(input, ' 3');
    expect(screen.getByTestId('entry-names')).toHaveTextContent('3 Chung Jae-won KOR');
  });

  it('Enter sends the placings and clears the line', async () => {
    const { user, input, send } = setup(semi(laps(4)));
    await user.type(input, '4 9 3{Enter}');
    expect(send).toHaveBeenCalledWith({
      commands: [{ type: 'sprint/placed', sprint: 1, bibs: [4, 9, 3] }],
    });
    expect(input).toHaveValue('');
  });

  it('validates at once: an unknown number is named, marked, and nothing is sent', async () => {
    const { user, input, send } = setup(semi(laps(4)));
    await user.type(input, '44 4{Enter}');
    expect(screen.getByTestId('entry-problems')).toHaveTextContent(
      'helmet number 44 is not on the start list',
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(send).not.toHaveBeenCalled();
    expect(input).toHaveValue('44 4');
  });

  it('a refusal from the host shows next to the entry, and the typed entry stays to be fixed', async () => {
    const { user, input, send } = setup(semi(laps(8)), {
      ok: false,
      status: 400,
      error: 'sprint 1 is decided at 12 laps to go; the race is at 8',
    });
    await user.type(input, 's1 4 9 3{Enter}');
    expect(send).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('entry-refusal')).toHaveTextContent(
      'Refused: sprint 1 is decided at 12 laps to go; the race is at 8',
    );
    expect(input).toHaveValue('s1 4 9 3');
    await user.type(input, '{Backspace}');
    expect(screen.queryByTestId('entry-refusal')).toBeNull();
  });

  it('a stale correction (409) says someone else changed the race first', async () => {
    const race = semi([...laps(4), { type: 'sprint/placed', sprint: 1, bibs: [4, 9, 3] }]);
    const { user, input, send } = setup(race, {
      ok: false,
      status: 409,
      error: 'stale revision: you sent 8, race "men-semi-1" is at 9; reload and try again',
    });
    await user.type(input, '4 3 9');
    expect(screen.getByTestId('correction-banner')).toHaveTextContent(
      'CORRECTING SPRINT 1 (placed: 4 · 9 · 3) — Enter replaces, Esc leaves',
    );
    await user.type(input, '{Enter}');
    expect(send).toHaveBeenCalledWith({
      commands: [{ type: 'sprint/placed', sprint: 1, bibs: [4, 3, 9] }],
      revision: race.revision,
    });
    expect(screen.getByTestId('entry-refusal')).toHaveTextContent(
      'Someone else changed the race first',
    );
  });

  it('↑ and ↓ change the mode; a placed sprint is filled in to be corrected', async () => {
    const race = semi([...laps(8), { type: 'sprint/placed', sprint: 1, bibs: [4, 9, 3] }]);
    const { user, input } = setup(race);
    expect(screen.getByTestId('entry-mode')).toHaveTextContent('Sprint 2');
    await user.click(input);
    await user.keyboard('{ArrowUp}');
    expect(screen.getByTestId('entry-mode')).toHaveTextContent('Sprint 1');
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(input).toHaveValue('4 9 3');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByTestId('entry-mode')).toHaveTextContent('Sprint 3');
    expect(input).toHaveValue('');
  });

  it('Escape clears the line, and a second Escape leaves it', async () => {
    const { user, input } = setup(semi(laps(4)));
    await user.type(input, '4 9');
    await user.keyboard('{Escape}');
    expect(input).toHaveValue('');
    expect(input).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(input).not.toHaveFocus();
  });

  it('DNF shows the laps that will be recorded', async () => {
    const { user, input, send } = setup(semi(laps(10)));
    await user.type(input, 'dnf 11 9');
    expect(screen.getByTestId('entry-mode')).toHaveTextContent('DNF');
    expect(screen.getByTestId('entry-names')).toHaveTextContent('11 Demo Skater Eleven POL');
    expect(screen.getByTestId('entry-names')).toHaveTextContent('after 9 laps');
    await user.keyboard('{Enter}');
    expect(send).toHaveBeenCalledWith({
      commands: [{ type: 'skater/statusChanged', bib: 11, status: 'DNF', laps: 9 }],
    });
  });

  it('speaks Dutch', async () => {
    const { user, input } = setup(semi(laps(4)), { ok: true, revision: 1 }, 'nl');
    await user.type(input, '44');
    expect(screen.getByTestId('entry-problems')).toHaveTextContent(
      'helmnummer 44 staat niet op de startlijst',
    );
  });
});

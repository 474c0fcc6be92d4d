// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../../../src/renderer/console/labels/i18n.ts';
import { StartListPanel } from '../../../../src/renderer/console/start-list/StartListPanel.tsx';
import type { RaceRequestInput } from '../../../../src/renderer/console/host/use-host.ts';
import type { Reply } from '../../../../src/shared/protocol/reply.ts';
import type { RaceView } from '../../../../src/shared/race/view.ts';
import { semi } from '../fixtures.ts';

afterEach(cleanup);

function setup(race: RaceView, outcome: Reply = { ok: true, revision: 1 }) {
  const send = vi.fn((_request: RaceRequestInput) => Promise.resolve(outcome));
  render(<StartListPanel t={translator('en')} race={race} send={send} />);
  const row = (bib: number) =>
    within(screen.getByTestId('start-list'))
      .getAllByRole('row')
      .find((r) => r.querySelector('.bib')?.textContent === String(bib))!;
  return { send, row, user: userEvent.setup() };
}

describe('the start list', () => {
  it('edits a skater', async () => {
    const { send, row, user } = setup(semi());
    await user.click(within(row(9)).getByRole('button', { name: 'Edit' }));
    const name = screen.getByLabelText('Name');
    expect(name).toHaveFocus();
    await user.clear(name);
    await user.type(name, 'Demo Skater Nine Jr{Enter}');
    expect(send).toHaveBeenCalledWith({
      commands: [{ type: 'skater/edited', bib: 9, name: 'Demo Skater Nine Jr', nation: 'NOR' }],
    });
  });

  it('withdraws a skater (DNS) and reinstates them', async () => {
    const { send, row, user } = setup(
      semi([{ type: 'skater/statusChanged', bib: 6, status: 'DNS' }]),
    );
    expect(row(6)).toHaveTextContent('DNS');
    await user.click(within(row(6)).getByRole('button', { name: 'Reinstate' }));
    await user.click(within(row(5)).getByRole('button', { name: 'Withdraw (DNS)' }));
    expect(send.mock.calls.map(([request]) => request.commands[0])).toEqual([
      { type: 'skater/statusChanged', bib: 6, status: 'OK' },
      { type: 'skater/statusChanged', bib: 5, status: 'DNS' },
    ]);
  });

  it('shows a refusal next to the skater it concerns', async () => {
    const { row, user } = setup(semi(), {
      ok: false,
      status: 400,
      error: 'skater 4 has sprint placings: correct the sprint before marking DNS',
    });
    await user.click(within(row(4)).getByRole('button', { name: 'Withdraw (DNS)' }));
    expect(row(4)).toHaveTextContent('skater 4 has sprint placings');
  });
});

// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../../../src/renderer/console/labels/i18n.ts';
import { ProgramPanel } from '../../../../src/renderer/console/program/ProgramPanel.tsx';
import type { Reply } from '../../../../src/shared/protocol/reply.ts';
import type { ProgramCommand, ProgramView } from '../../../../src/shared/protocol/program.ts';
import { programWith, semi } from '../fixtures.ts';

afterEach(cleanup);

const twoSemis = (): ProgramView => {
  const base = programWith(semi());
  const second = { ...base.races[0]!, id: 'men-semi-2', title: 'Men · Semi-final 2' };
  return { ...base, races: [...base.races, second] };
};

function setup(program: ProgramView, outcome: Reply = { ok: true, revision: 1 }) {
  const send = vi.fn((_command: ProgramCommand) => Promise.resolve(outcome));
  render(<ProgramPanel t={translator('en')} program={program} send={send} />);
  return { send, user: userEvent.setup() };
}

describe('the program', () => {
  it('lists the races and activates one', async () => {
    const { send, user } = setup(twoSemis());
    const rows = within(screen.getByTestId('races')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Men · Semi-final 1');
    expect(rows[1]).toHaveTextContent('active');
    await user.click(within(rows[2]!).getByRole('button', { name: 'Activate' }));
    expect(send).toHaveBeenCalledWith({ type: 'race/activated', raceId: 'men-semi-2' });
  });

  it('adds a race with category, round, qualifiers and format', async () => {
    const { send, user } = setup(programWith(null));
    await user.type(screen.getByLabelText('Title'), 'Women · Mass Start · Semi-final 1');
    await user.type(screen.getByLabelText('Category'), 'Women');
    await user.clear(screen.getByLabelText('Qualifiers'));
    await user.type(screen.getByLabelText('Qualifiers'), '8');
    await user.selectOptions(screen.getByLabelText('Format'), 'isu-2014');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(send).toHaveBeenCalledWith({
      type: 'race/added',
      title: 'Women · Mass Start · Semi-final 1',
      category: 'Women',
      round: 'semi',
      qualifiers: 8,
      format: 'isu-2014',
    });
  });

  it('builds a final from two semis in one action, and shows a refusal next to the form', async () => {
    const { send, user } = setup(twoSemis(), {
      ok: false,
      status: 400,
      error: 'semi-final 2 ("Men · Semi-final 2") has no complete finish order yet',
    });
    await user.click(screen.getByRole('button', { name: 'Build final' }));
    expect(send).toHaveBeenCalledWith({
      type: 'final/built',
      semis: ['men-semi-1', 'men-semi-2'],
      title: 'Men · Final',
      category: 'Men',
    });
    expect(screen.getByTestId('build-final-refusal')).toHaveTextContent(
      'has no complete finish order yet',
    );
  });

  it('offers no final without two semis', () => {
    setup(programWith(semi()));
    expect(screen.queryByRole('button', { name: 'Build final' })).toBeNull();
  });
});

describe('export from the program', () => {
  it('each race links its results PDF, race report, CSV (comma and semicolon), JSON and sheet, with the view token', () => {
    render(
      <ProgramPanel t={translator('en')} program={twoSemis()} send={vi.fn()} viewToken="v t" />,
    );
    const links = within(screen.getByTestId('export-men-semi-2')).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/api/v1/races/men-semi-2/results.pdf?token=v%20t',
      '/api/v1/races/men-semi-2/report.pdf?token=v%20t',
      '/api/v1/races/men-semi-2/results.csv?token=v%20t',
      '/api/v1/races/men-semi-2/results.csv?delimiter=semicolon&token=v%20t',
      '/api/v1/races/men-semi-2/results.json?token=v%20t',
      '/api/v1/races/men-semi-2/sheet.json?token=v%20t',
    ]);
    expect(links.every((link) => link.hasAttribute('download'))).toBe(true);
    expect(screen.getByTestId('export-meeting')).toHaveAttribute(
      'href',
      '/api/v1/meeting/export.zip?token=v%20t',
    );
  });

  it('without the view token it points to the menu instead', () => {
    setup(twoSemis());
    expect(screen.queryByTestId('export-men-semi-1')).toBeNull();
    expect(screen.getAllByText('Export: File > Export results')).toHaveLength(2);
  });
});

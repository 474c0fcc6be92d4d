// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RaceRequestInput } from '../../../../src/renderer/console/host/use-host.ts';
import { translator, type Language } from '../../../../src/renderer/console/labels/i18n.ts';
import { StartListPanel } from '../../../../src/renderer/console/start-list/StartListPanel.tsx';
import { nameForms } from '../../../../src/shared/board/names.ts';
import type { Reply } from '../../../../src/shared/protocol/reply.ts';
import type { RaceCommand } from '../../../../src/shared/race/events.ts';
import type { RaceView } from '../../../../src/shared/race/view.ts';
import { semi } from '../fixtures.ts';

// The console's edit form keeps given and family name and their order (issue 19, part 2): the
// name as shown follows from them, and what it sends renames the skater on the board.

afterEach(cleanup);

function setup(race: RaceView, language: Language = 'en') {
  const accepted: Reply = { ok: true, revision: 1 };
  const send = vi.fn((_request: RaceRequestInput) => Promise.resolve(accepted));
  render(<StartListPanel t={translator(language)} race={race} send={send} />);
  const user = userEvent.setup();
  const edit = async (bib: number, button = 'Edit') => {
    const row = within(screen.getByTestId('start-list'))
      .getAllByRole('row')
      .find((r) => r.querySelector('.bib')?.textContent === String(bib))!;
    await user.click(within(row).getByRole('button', { name: button }));
    return screen.getByRole('form');
  };
  const sent = (): RaceCommand => send.mock.calls.at(-1)![0].commands[0] as RaceCommand;
  return { send, user, edit, sent };
}

describe('editing a skater’s name parts', () => {
  it('gives a whole name its parts: a Korean skater’s name comes out family name first', async () => {
    // Bib 3 of the fixture is "Chung Jae-won" (KOR), imported as a whole name without parts.
    const { user, edit, sent } = setup(semi());
    const form = await edit(3);
    const field = (label: string) => within(form).getByLabelText(label);
    expect(field('Name')).toHaveFocus();
    expect(form).toHaveTextContent('No family name: the board shows the whole name');
    expect(field('Name order')).toHaveValue('family-first');
    await user.type(field('Given name'), 'Jae-won');
    await user.type(field('Family name'), 'Chung');
    expect(field('Name')).toHaveValue('Chung Jae-won');
    expect(field('Name')).toHaveAttribute('readonly');
    expect(form).not.toHaveTextContent('No family name');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(sent()).toEqual({
      type: 'skater/edited',
      bib: 3,
      name: 'Chung Jae-won',
      firstName: 'Jae-won',
      lastName: 'Chung',
      nameOrder: 'family-first',
      nation: 'KOR',
    });
    // Through the real engine: the board's short forms follow from the parts.
    const renamed = semi([sent()]).state.skaters.find((skater) => skater.bib === 3)!;
    expect(nameForms(renamed)).toEqual(['Chung Jae-won', 'CHUNG J.', 'CHUNG']);
  });

  it('changes the order of a skater with parts, and the name with it', async () => {
    const yang: RaceCommand = {
      type: 'skater/edited',
      bib: 9,
      name: 'Yang Binyu',
      firstName: 'Binyu',
      lastName: 'Yang',
      nameOrder: 'family-first',
      nation: 'CHN',
    };
    const { user, edit, sent } = setup(semi([yang]));
    expect(within(screen.getByTestId('start-list')).getByText('Yang')).toHaveClass('family');
    const form = await edit(9);
    expect(within(form).getByLabelText('Given name')).toHaveFocus();
    await user.selectOptions(within(form).getByLabelText('Name order'), 'Given name first');
    expect(within(form).getByLabelText('Name')).toHaveValue('Binyu Yang');
    await user.keyboard('{Enter}');
    expect(sent()).toEqual({ ...yang, name: 'Binyu Yang', nameOrder: 'given-first' });
  });

  it('sends no parts for a skater who has none and gets none', async () => {
    const { user, edit, sent } = setup(semi());
    const form = await edit(7);
    const name = within(form).getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Jorrit Bergsma Jr{Enter}');
    expect(sent()).toEqual({
      type: 'skater/edited',
      bib: 7,
      name: 'Jorrit Bergsma Jr',
      nation: 'NED',
    });
  });

  it('speaks Dutch', async () => {
    const { edit } = setup(semi(), 'nl');
    const form = await edit(3, 'Wijzigen');
    expect(within(form).getByLabelText('Volgorde')).toHaveDisplayValue('Achternaam eerst');
    expect(within(form).getByLabelText('Voornaam')).toBeInTheDocument();
    expect(within(form).getByLabelText('Achternaam')).toBeInTheDocument();
  });
});

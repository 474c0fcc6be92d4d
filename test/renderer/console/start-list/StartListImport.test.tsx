// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../../../src/renderer/console/labels/i18n.ts';
import { StartListImport } from '../../../../src/renderer/console/start-list/StartListImport.tsx';
import type { RaceRequestInput } from '../../../../src/renderer/console/host/use-host.ts';
import type { Reply } from '../../../../src/shared/protocol/reply.ts';
import { semi } from '../fixtures.ts';

afterEach(cleanup);

function setup(outcome: Reply = { ok: true, revision: 1 }) {
  const send = vi.fn((_request: RaceRequestInput) => Promise.resolve(outcome));
  const race = semi();
  render(<StartListImport t={translator('en')} race={race} send={send} />);
  return { send, race, user: userEvent.setup(), paste: screen.getByTestId('startlist-paste') };
}

describe('start list import', () => {
  it('lists every problem with its line before anything is saved', async () => {
    const { user, paste, send } = setup();
    await user.click(paste);
    await user.paste(
      'bib,first name,last name,nation\n7,Jorrit,Bergsma,NED\nx,Viktor,Hald Thorup,DEN\n7,Bart,Swings,BEL\n9,,,NORWAY',
    );
    const problems = screen.getByTestId('startlist-problems');
    expect(problems).toHaveTextContent('problems: nothing was saved');
    expect(problems).toHaveTextContent('line 3: helmet number "x" is not a number');
    expect(problems).toHaveTextContent('line 4: helmet number 7 is already used on line 2');
    expect(problems).toHaveTextContent('line 5: name is missing');
    expect(screen.queryByRole('button', { name: 'Save start list' })).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });

  it('a good list is shown, then saved in one command with the revision', async () => {
    const { user, paste, send, race } = setup();
    await user.click(paste);
    await user.paste('nr;voornaam;achternaam;land\n1;Metoděj;Jílek;CZE\n2;Stijn;van de Bunt;NED');
    expect(screen.getByTestId('startlist-preview')).toHaveTextContent(
      '2 skaters read, ready to save',
    );
    expect(screen.getByTestId('startlist-preview')).toHaveTextContent('Metoděj Jílek');
    await user.click(screen.getByRole('button', { name: 'Save start list' }));
    expect(send).toHaveBeenCalledWith({
      commands: [
        {
          type: 'startList/set',
          skaters: [
            expect.objectContaining({ bib: 1, name: 'Metoděj Jílek', nation: 'CZE' }),
            expect.objectContaining({ bib: 2, name: 'Stijn van de Bunt', nation: 'NED' }),
          ],
        },
      ],
      revision: race.revision,
    });
  });

  it('a refusal (the race has started) shows next to the import and keeps the text', async () => {
    const { user, paste } = setup({
      ok: false,
      status: 400,
      error: 'the race has started: edit or withdraw single skaters instead',
    });
    await user.click(paste);
    await user.paste('bib,name,nation\n1,A Skater,NED');
    await user.click(screen.getByRole('button', { name: 'Save start list' }));
    expect(screen.getByTestId('startlist-refusal')).toHaveTextContent('the race has started');
    expect(paste).toHaveValue('bib,name,nation\n1,A Skater,NED');
  });

  it('shows which part is the family name, and says which skaters have none (issue 19)', async () => {
    const { user, paste } = setup();
    await user.click(paste);
    await user.paste(
      'bib,name,nation\n7,CHUNG Jae-won,KOR\n13,BERGSMA Jorrit,NED\n4,Bart Swings,BEL',
    );
    const preview = screen.getByTestId('startlist-preview');
    const items = within(preview)
      .getAllByRole('listitem')
      .filter((item) => item.closest('ol'));
    expect(items.map((item) => item.textContent)).toEqual([
      '7 Chung Jae-won KOR',
      '13 Jorrit Bergsma NED',
      '4 Bart Swings BEL',
    ]);
    expect(items.map((item) => item.querySelector('.family')?.textContent ?? null)).toEqual([
      'Chung',
      'Bergsma',
      null,
    ]);
    expect(screen.getByTestId('startlist-warnings')).toHaveTextContent(
      'line 4: #4 Bart Swings: no family name: the board shows the whole name',
    );
  });

  it('reads a chosen file', async () => {
    const { user } = setup();
    const file = new File(['[{"bib": 3, "name": "Bart Swings", "nation": "BEL"}]'], 'start.json', {
      type: 'application/json',
    });
    await user.upload(screen.getByLabelText(/Choose file/), file);
    expect(await screen.findByTestId('startlist-preview')).toHaveTextContent('Bart Swings');
  });
});

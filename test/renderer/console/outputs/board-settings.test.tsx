// @vitest-environment happy-dom
// Issue 18: the venue board's language (English, Dutch, German, Italian), its layout (far or
// dense), the meeting's own words for any board label, and the overlay's "what they need"
// element, from the Outputs panel; each sends the command the API documents.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleApp } from '../../../../src/renderer/console/ConsoleApp.tsx';
import { boardLabelKeys } from '../../../../src/shared/board/labels.ts';
import type { DisplaySettings, ProgramView } from '../../../../src/shared/protocol/program.ts';
import { FakeClient, laps, programWith, semi } from '../fixtures.ts';

afterEach(cleanup);

const race = semi(laps(2));

/** The console with a program whose display settings have `display` changed. */
async function consoleWith(display: Partial<DisplaySettings> = {}) {
  const client = new FakeClient();
  const user = userEvent.setup();
  render(<ConsoleApp client={client} />);
  const push = (changes: Partial<DisplaySettings>, revision = 9) => {
    const program: ProgramView = programWith(race);
    act(() =>
      client.push(race, {
        ...program,
        revision,
        display: { ...program.display, ...display, ...changes },
      }),
    );
  };
  act(() => client.connection('open'));
  push({});
  await screen.findByTestId('laps-to-go');
  return { client, user, push };
}

/** The program commands the console sent, in order. */
const programCommands = (client: FakeClient) =>
  client.sent.flatMap((message) => (message.type === 'program' ? [message.command] : []));

describe('the board language', () => {
  it('offers English, Nederlands, Deutsch and Italiano and sends the one chosen', async () => {
    const { client, user } = await consoleWith({ language: 'nl' });
    const select = screen.getByTestId('board-language');
    expect(select).toHaveValue('nl');
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['English', 'Nederlands', 'Deutsch', 'Italiano']);
    await user.selectOptions(select, 'Deutsch');
    await user.selectOptions(select, 'it');
    expect(programCommands(client)).toEqual([
      { type: 'display/configured', language: 'de' },
      { type: 'display/configured', language: 'it' },
    ]);
  });
});

describe('the venue board layout', () => {
  it('shows the meeting’s layout and switches it: far or dense', async () => {
    const { client, user, push } = await consoleWith();
    expect(screen.getByTestId('board-layout-far')).toBeChecked();
    expect(screen.getByTestId('board-layout-dense')).not.toBeChecked();
    await user.click(screen.getByTestId('board-layout-dense'));
    expect(programCommands(client)).toEqual([{ type: 'display/configured', boardLayout: 'dense' }]);
    push({ boardLayout: 'dense' }, 10);
    expect(screen.getByTestId('board-layout-dense')).toBeChecked();
    await user.click(screen.getByTestId('board-layout-far'));
    expect(programCommands(client).at(-1)).toEqual({
      type: 'display/configured',
      boardLayout: 'far',
    });
  });
});

describe('the meeting’s own words for the board', () => {
  it('lists every label with the board language’s word as placeholder, and saves only the words typed', async () => {
    const { client, user } = await consoleWith({
      language: 'it',
      labels: { qualifiedForFinal: 'IN FINALE' },
    });
    await user.click(screen.getByText('Board words…'));
    const form = screen.getByRole('form', { name: 'Board words' });
    const field = (key: string) => within(form).getByLabelText(key);
    expect(within(form).getAllByRole('textbox')).toHaveLength(boardLabelKeys.length);
    expect(field('lapsToGo')).toHaveAttribute('placeholder', 'GIRI ALLA FINE');
    expect(field('lapsToGo')).toHaveValue('');
    expect(field('qualifiedForFinal')).toHaveValue('IN FINALE');
    expect(field('qualifiedForFinal')).toHaveAttribute('placeholder', 'QUALIFICATI PER LA FINALE');

    await user.type(field('lapsToGo'), '  GIRI  ');
    await user.type(field('whatTheyNeed'), 'A CHI SERVE COSA');
    await user.type(field('results'), '   ');
    await user.click(within(form).getByTestId('board-words-save'));
    expect(programCommands(client)).toEqual([
      {
        type: 'display/configured',
        labels: {
          lapsToGo: 'GIRI',
          qualifiedForFinal: 'IN FINALE',
          whatTheyNeed: 'A CHI SERVE COSA',
        },
      },
    ]);
    expect(await within(form).findByTestId('board-words-saved')).toBeInTheDocument();
    expect(within(form).getByTestId('board-words-count')).toHaveTextContent('3 in the meeting');
  });

  it('an emptied field gives the label back to the language', async () => {
    const { client, user } = await consoleWith({
      labels: { lapsToGo: 'RONDES', finish: 'ARRIVÉE' },
    });
    await user.click(screen.getByText('Board words…'));
    const form = screen.getByRole('form', { name: 'Board words' });
    await user.clear(within(form).getByLabelText('lapsToGo'));
    await user.click(within(form).getByTestId('board-words-save'));
    expect(programCommands(client)).toEqual([
      { type: 'display/configured', labels: { finish: 'ARRIVÉE' } },
    ]);
    // "Empty all" and save: every label in the language's words again.
    await user.click(within(form).getByRole('button', { name: 'Empty all' }));
    await user.click(within(form).getByTestId('board-words-save'));
    expect(programCommands(client).at(-1)).toEqual({ type: 'display/configured', labels: {} });
  });

  it('shows words saved elsewhere (another console, the API), and the host’s refusal', async () => {
    const { client, user, push } = await consoleWith();
    await user.click(screen.getByText('Board words…'));
    const form = screen.getByRole('form', { name: 'Board words' });
    push({ labels: { lastLap: 'BELL' } }, 10);
    expect(within(form).getByLabelText('lastLap')).toHaveValue('BELL');
    client.reply = () => ({ type: 'error', status: 400, error: 'labels.lastLap: too long' });
    await user.click(within(form).getByTestId('board-words-save'));
    expect(await within(form).findByTestId('board-words-refusal')).toHaveTextContent(
      'labels.lastLap: too long',
    );
  });
});

describe('the overlay’s "what they need" element', () => {
  it('has its button beside the others (Ctrl+Shift+5) and cuts it in', async () => {
    const { client, user } = await consoleWith();
    const button = screen.getByRole('button', { name: /What they need/ });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(button).toHaveTextContent('Ctrl+Shift+5');
    await user.click(button);
    expect(programCommands(client)).toEqual([
      { type: 'overlay/toggled', element: 'needs', visible: true },
    ]);
  });
});

describe('the overlay’s gap bug and breakaway lower third (issue 21)', () => {
  it('has the gap button beside the laps bug and the breakaway after the lower thirds, no key', async () => {
    const { client, user } = await consoleWith();
    const group = screen.getByRole('group', { name: 'Broadcast overlay' });
    const names = within(group)
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(names.slice(0, 2)).toEqual(['Laps to go Ctrl+Shift+1', 'Gap']);
    expect(names.at(-1)).toBe('Breakaway');
    await user.click(within(group).getByRole('button', { name: 'Gap' }));
    await user.click(within(group).getByRole('button', { name: 'Breakaway' }));
    expect(programCommands(client)).toEqual([
      { type: 'overlay/toggled', element: 'gap', visible: true },
      { type: 'overlay/toggled', element: 'breakaway', visible: true },
    ]);
  });
});

// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsoleApp } from '../../../src/renderer/console/ConsoleApp.tsx';
import type { RaceView } from '../../../src/shared/race/view.ts';
import { FakeClient, laps, semi, semiWithJournal } from './fixtures.ts';

let client: FakeClient;
beforeEach(() => {
  localStorage.clear();
  client = new FakeClient();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function open(race: RaceView | null = semi(), viewToken: string | null = null) {
  const user = userEvent.setup();
  render(<ConsoleApp client={client} viewToken={viewToken} />);
  act(() => {
    client.connection('open');
    client.push(race);
  });
  await screen.findByTestId('laps-to-go');
  return user;
}

describe('the console', () => {
  it('shows the connection, pending commands and the last error at all times', async () => {
    await open();
    expect(screen.getByTestId('connection')).toHaveTextContent('connected');
    expect(screen.getByTestId('pending')).toHaveTextContent('Pending: 0');
    expect(screen.getByTestId('last-error')).toHaveTextContent('no errors');
    act(() => client.connection('closed'));
    expect(screen.getByTestId('connection')).toHaveTextContent('disconnected');
  });

  it('Space is the lap key: the host makes the first press the start, then each one a lap', async () => {
    const user = await open();
    expect(screen.getByTestId('lap-button')).toHaveTextContent('Start');
    await user.keyboard(' ');
    await user.keyboard(' ');
    // The console decides nothing: both presses are `lap`, the host takes them in order.
    expect(client.commands()).toEqual([{ type: 'lap' }, { type: 'lap' }]);
    act(() => client.push(semi(laps(1))));
    await user.keyboard(' +');
    expect(client.commands().slice(2)).toEqual([{ type: 'lap' }, { type: 'lap' }]);
  });

  it('the lap board figure shows laps to go; sprint laps and the bell are announced', async () => {
    await open(semi(laps(3)));
    expect(screen.getByTestId('laps-to-go')).toHaveTextContent('13');
    expect(screen.getByTestId('announcements')).toHaveTextContent('SPRINT 1: this lap');
    act(() => client.push(semi(laps(15))));
    expect(screen.getByTestId('laps-to-go')).toHaveTextContent('1');
    expect(screen.getByTestId('announcements')).toHaveTextContent('BELL: last lap, final sprint');
  });

  it('typing a number anywhere goes to the entry line; Enter sends the sprint', async () => {
    const user = await open(semi(laps(4)));
    await user.keyboard('4 9 3');
    expect(screen.getByTestId('entry-input')).toHaveValue('4 9 3');
    expect(screen.getByTestId('entry-input')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(client.sent.at(-1)).toEqual({
      type: 'command',
      race: 'men-semi-1',
      command: { type: 'sprint/placed', sprint: 1, bibs: [4, 9, 3] },
      id: undefined,
    });
  });

  it('Ctrl+Z and Ctrl+Shift+Z undo and redo; a refusal shows in the journal panel and the status bar', async () => {
    const user = await open(semi(laps(2)));
    client.reply = () => ({ type: 'error', status: 400, error: 'there is nothing to redo' });
    await user.keyboard('{Control>}z{/Control}{Control>}{Shift>}z{/Shift}{/Control}');
    expect(client.commands()).toEqual([{ type: 'undo' }, { type: 'redo' }]);
    expect(await screen.findByTestId('journal-refusal')).toHaveTextContent(
      'there is nothing to redo',
    );
    expect(screen.getByTestId('last-error')).toHaveTextContent('Redo: there is nothing to redo');
  });

  it('mode keys pick the entry: D for DNF, F for the finish order', async () => {
    const user = await open(semi(laps(10)));
    await user.keyboard('d');
    expect(screen.getByTestId('entry-mode')).toHaveTextContent('DNF');
    await user.keyboard('11 9{Enter}');
    expect(client.commands().at(-1)).toEqual({
      type: 'skater/statusChanged',
      bib: 11,
      status: 'DNF',
      laps: 9,
    });
    await user.keyboard('f');
    expect(screen.getByTestId('entry-mode')).toHaveTextContent('Finish order');
  });

  it('Shift+1..4 and Shift+0 cut the board scenes; Ctrl+Shift+1..4 toggle overlay elements', async () => {
    const user = await open();
    await user.keyboard('{Shift>}!{/Shift}');
    await user.keyboard('{Shift>})');
    expect(
      client.sent.filter((m) => m.type === 'program').map((m) => m.type === 'program' && m.command),
    ).toEqual([
      { type: 'scene/shown', output: 'board', scene: 'startList' },
      { type: 'scene/shown', output: 'board', scene: 'blank' },
    ]);
  });

  it('an overlay toggle goes with the program revision it was worked out from', async () => {
    const user = await open();
    await user.keyboard('{Control>}{Shift>}@{/Shift}{/Control}');
    const toggles = client.sent.filter((m) => m.type === 'program');
    // The fixture's program is at revision 1 with the standings in: the toggle takes them out.
    expect(toggles).toEqual([
      expect.objectContaining({
        command: { type: 'overlay/toggled', element: 'standings', visible: false },
        revision: 1,
      }),
    ]);
  });

  it('the board and the overlay are previewed with the view token, and each says what it shows', async () => {
    // happy-dom does not load frames (it logs a NotSupportedError for each): only the src matters here.
    await open(semi(), 'view-token');
    expect(screen.getByTitle('Venue board')).toHaveAttribute('src', '/board/?token=view-token');
    expect(screen.getByTitle('Broadcast overlay')).toHaveAttribute(
      'src',
      '/board/?output=overlay&token=view-token',
    );
    expect(screen.getByTestId('board-scene')).toHaveTextContent('shows: Live');
    expect(screen.getByTestId('overlay-elements')).toHaveTextContent(
      'shows: Laps to go, Standings, Sprint',
    );
  });

  it('without the view token the preview says how to get it', async () => {
    await open();
    expect(screen.queryByTitle('Venue board')).toBeNull();
    expect(screen.getAllByText(/Preview needs the view token/).length).toBe(1);
  });

  it('Shift+C asks before making the results official; Escape cancels, Enter confirms with the revision', async () => {
    const finished = semi([
      ...laps(16),
      { type: 'finish/recorded', bibs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
    ]);
    const user = await open(finished);
    await user.keyboard('{Shift>}C{/Shift}');
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent(
      'Make the results of “Men · Semi-final 1” official?',
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(client.commands()).toEqual([]);
    await user.keyboard('{Shift>}C{/Shift}');
    await user.keyboard('{Enter}');
    expect(client.sent.at(-1)).toMatchObject({
      type: 'command',
      command: { type: 'results/confirmed' },
      revision: finished.revision,
    });
  });

  it('? opens the shortcut sheet listing every key', async () => {
    const user = await open();
    await user.keyboard('?');
    const sheet = screen.getByTestId('shortcut-sheet');
    for (const key of [
      'Space',
      'Ctrl+Z',
      'Ctrl+Shift+Z',
      'S',
      'F',
      'D',
      'Shift+C',
      'Shift+R',
      'Shift+1',
      'Shift+0',
      'Ctrl+Shift+1',
      'Enter',
      'Esc',
      '?',
    ]) {
      expect(within(sheet).getAllByText(key, { selector: 'kbd' }).length).toBeGreaterThan(0);
    }
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('shortcut-sheet')).toBeNull();
  });

  it('shows the journal the host pushes with each state, and asks for none itself', async () => {
    const first = semiWithJournal(laps(1));
    client.journal = first.journal;
    await open(first.race);
    const rows = () => within(screen.getByTestId('journal')).getAllByRole('listitem');
    expect(rows()).toHaveLength(4);
    const next = semiWithJournal(laps(2));
    client.journal = next.journal;
    act(() => client.push(next.race));
    expect(rows()).toHaveLength(5);
    expect(rows()[0]).toHaveTextContent('lap completed');
    expect(screen.getByTestId('undo-preview')).toHaveTextContent(
      'Ctrl+Z would undo: #5 lap completed',
    );
    expect(client.journalRequests).toEqual([]);
  });

  it('switches to Dutch', async () => {
    const user = await open(semi(laps(1)));
    await user.click(screen.getByRole('button', { name: 'Nederlands' }));
    expect(screen.getByText('ronden te gaan')).toBeInTheDocument();
    expect(screen.getByTestId('connection')).toHaveTextContent('verbonden');
    expect(document.documentElement.lang).toBe('nl');
  });

  it('without an active race it says where to add one', async () => {
    render(<ConsoleApp client={client} />);
    act(() => client.push(null));
    expect(await screen.findByText(/No active race/)).toBeInTheDocument();
  });
});

// @vitest-environment happy-dom
// Issue 9, "the keyboard can never swallow a lap": the console's key model with the focus in
// every place an operator leaves it, undo that says what it undoes, and key presses the host
// never got (listed as not sent, never sent again by themselves).
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleApp } from '../../../../src/renderer/console/ConsoleApp.tsx';
import type { ClientMessage } from '../../../../src/shared/protocol/messages.ts';
import type { RaceCommand } from '../../../../src/shared/race/events.ts';
import type { RaceView } from '../../../../src/shared/race/view.ts';
import { FakeClient, laps, semi, semiWithJournal } from '../fixtures.ts';

let client: FakeClient;
beforeEach(() => {
  localStorage.clear();
  client = new FakeClient();
});
afterEach(cleanup);

async function open(race: RaceView = semi()) {
  const user = userEvent.setup();
  render(<ConsoleApp client={client} />);
  act(() => {
    client.connection('open');
    client.push(race);
  });
  await screen.findByTestId('laps-to-go');
  return user;
}

/** Opens the console on the race the commands make, with its journal as the host sends it. */
async function openWithJournal(commands: RaceCommand[]) {
  const { race, journal } = semiWithJournal(commands);
  client.journal = journal;
  const user = await open(race);
  await waitFor(() => expect(screen.getByTestId('undo-preview')).not.toHaveTextContent('reading'));
  return user;
}

const input = () => screen.getByTestId<HTMLInputElement>('entry-input');
// The lap key sends `lap` (the host makes it the start or the leader's lap).
const lapsSent = () => client.commands().filter((c) => (c as RaceCommand).type === 'lap');

describe('the keyboard model: a lap is never swallowed', () => {
  it('after a refused entry one Esc clears the line, and then Space counts a lap', async () => {
    const user = await open(semi(laps(4)));
    await user.keyboard('s4 8 77{Enter}');
    expect(screen.getByTestId('entry-problems')).toHaveTextContent(
      'helmet number 77 is not on the start list',
    );
    expect(client.commands()).toEqual([]);
    await user.keyboard('{Escape}');
    expect(input()).toHaveValue('');
    expect(input()).toHaveFocus();
    await user.keyboard(' ');
    expect(client.commands()).toEqual([{ type: 'lap' }]);
    expect(input()).toHaveValue('');
    await user.keyboard('   ');
    expect(lapsSent()).toHaveLength(4);
    expect(input()).toHaveValue('');
  });

  it('S in an empty entry line picks the mode and is not typed: "s4 8 7" is sprint 1: 4 8 7', async () => {
    const user = await open(semi(laps(4)));
    await user.keyboard('s4 8 77{Escape}');
    expect(input()).toHaveFocus();
    await user.keyboard('s');
    expect(input()).toHaveValue('');
    expect(screen.getByTestId('entry-mode')).toHaveTextContent('Sprint 1');
    await user.keyboard('4 8 7{Enter}');
    expect(client.commands()).toEqual([{ type: 'sprint/placed', sprint: 1, bibs: [4, 8, 7] }]);
  });

  it('every mode letter switches the mode in an empty line, exactly as outside it', async () => {
    const user = await open(semi(laps(15)));
    const modes: [string, string][] = [
      ['d', 'DNF'],
      ['x', 'DQ'],
      ['l', 'Lapped'],
      ['o', 'Back in race'],
      ['q', 'Advance (q)'],
      ['t', 'Finish time'],
      ['{Shift>}F{/Shift}', 'Finish order (replace)'],
      ['f', 'Finish order'],
      ['s', 'Sprint 3'],
    ];
    await user.keyboard('d');
    for (const [key, mode] of modes) {
      await user.keyboard(key);
      expect(screen.getByTestId('entry-mode'), key).toHaveTextContent(mode);
      expect(input(), key).toHaveValue('');
      expect(input(), key).toHaveFocus();
    }
    expect(client.commands()).toEqual([]);
  });

  it('with text in the line Space and letters type, and + still counts a lap', async () => {
    const user = await open(semi(laps(4)));
    await user.keyboard('4 9');
    expect(input()).toHaveValue('4 9');
    await user.keyboard('+');
    expect(client.commands()).toEqual([{ type: 'lap' }]);
    expect(input()).toHaveValue('4 9');
    await user.keyboard(' s');
    expect(input()).toHaveValue('4 9 s');
    expect(lapsSent()).toHaveLength(1);
  });

  it('Esc twice leaves the line; Space is then a lap and a digit goes back to the line', async () => {
    const user = await open(semi(laps(4)));
    await user.keyboard('4 9{Escape}{Escape}');
    expect(input()).not.toHaveFocus();
    await user.keyboard(' ');
    expect(client.commands()).toEqual([{ type: 'lap' }]);
    await user.keyboard('7');
    expect(input()).toHaveFocus();
    expect(input()).toHaveValue('7');
  });

  it('Enter twice sends an entry once; Enter on an empty line sends nothing', async () => {
    const user = await open(semi(laps(4)));
    await user.keyboard('4 9 3{Enter}{Enter}');
    expect(client.commands()).toEqual([{ type: 'sprint/placed', sprint: 1, bibs: [4, 9, 3] }]);
    await user.keyboard('r');
    expect(input()).toHaveFocus();
    await user.keyboard('{Enter}{Enter}');
    expect(client.commands()).toHaveLength(1);
  });

  it('placings a correction filled in stay while Space counts a lap over them', async () => {
    const user = await open(
      semi([...laps(5), { type: 'sprint/placed', sprint: 1, bibs: [4, 9, 3] }]),
    );
    await user.keyboard('s');
    await waitFor(() => expect(input()).toHaveValue('4 9 3'));
    await user.keyboard(' ');
    expect(client.commands()).toEqual([{ type: 'lap' }]);
    expect(input()).toHaveValue('4 9 3');
    await user.keyboard('4 3 9{Enter}');
    expect(client.commands().at(-1)).toEqual({
      type: 'sprint/placed',
      sprint: 1,
      bibs: [4, 3, 9],
    });
  });

  it('a leading space is never text, also when pasted', async () => {
    const user = await open(semi(laps(4)));
    await user.click(input());
    await user.paste('  4 9');
    expect(input()).toHaveValue('4 9');
  });

  it('Space on a focused button or the journal list counts a lap and presses nothing', async () => {
    const user = await open(semi(laps(4)));
    screen.getByRole('button', { name: /^Undo/ }).focus();
    await user.keyboard(' ');
    expect(client.commands()).toEqual([{ type: 'lap' }]);
    screen.getByRole('button', { name: /Program/ }).focus();
    await user.keyboard(' ');
    expect(screen.getByTestId('laps-to-go')).toBeInTheDocument();
    await user.keyboard('j');
    expect(screen.getByTestId('journal')).toHaveFocus();
    await user.keyboard(' +');
    expect(client.commands()).toEqual(Array(4).fill({ type: 'lap' }));
  });

  it('with a dialog open Space still counts a lap and does not press its button', async () => {
    const user = await open(semi(laps(4)));
    await user.keyboard('?');
    expect(screen.getByTestId('shortcut-sheet')).toBeInTheDocument();
    await user.keyboard(' ');
    expect(client.commands()).toEqual([{ type: 'lap' }]);
    expect(screen.getByTestId('shortcut-sheet')).toBeInTheDocument();
    // Other keys stay the dialog's: S picks no mode behind it.
    await user.keyboard('s');
    expect(input()).not.toHaveFocus();
  });

  it('in real text fields every key types, the lap keys too', async () => {
    const user = await open(semi(laps(4)));
    await user.keyboard('p');
    const meeting = screen.getAllByRole('textbox')[0]!;
    await user.click(meeting);
    await user.keyboard(' s+7');
    expect(client.commands()).toEqual([]);
    expect(meeting).toHaveValue('Test meeting s+7');
  });

  it('a key held down is one lap, not a burst', async () => {
    await open(semi(laps(4)));
    const down = (repeat: boolean) =>
      act(() => {
        document.body.dispatchEvent(
          new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true, repeat }),
        );
      });
    down(false);
    down(true);
    down(true);
    expect(client.commands()).toEqual([{ type: 'lap' }]);
  });

  it('the shortcut sheet explains the model first', async () => {
    const user = await open();
    await user.keyboard('?');
    const sheet = screen.getByTestId('shortcut-sheet');
    expect(within(sheet).getByText('How the keys work')).toBeInTheDocument();
    expect(sheet).toHaveTextContent(/wherever the focus is/);
    expect(sheet).toHaveTextContent(/on an empty line, Esc leaves it/);
    expect(sheet).toHaveTextContent(/listed as not sent/);
    expect(sheet).toHaveTextContent(/also in an empty entry line/);
  });
});

describe('undo and redo say what they do', () => {
  const ackVoid = (seq: number, target: number) => (message: ClientMessage) =>
    message.type === 'command'
      ? {
          type: 'ack',
          ok: true,
          revision: 99,
          raceRevision: seq,
          entries: [{ seq, at: '', source: 'ws', event: { type: 'event/voided', target } }],
        }
      : { type: 'ack', ok: true, revision: 99 };

  it('shows what Ctrl+Z would undo before it is pressed, then what it undid, on the figure too', async () => {
    const user = await openWithJournal(laps(7));
    expect(screen.getByTestId('undo-preview')).toHaveTextContent(
      'Ctrl+Z would undo: #10 lap completed — the board would show 10 laps to go (it shows 9)',
    );
    client.reply = ackVoid(11, 10);
    await user.keyboard('{Control>}z{/Control}');
    expect(client.sent.at(-1)).toMatchObject({
      type: 'command',
      command: { type: 'undo' },
      revision: 10,
    });
    expect(await screen.findByTestId('undo-result')).toHaveTextContent(
      'Undone: #10 lap completed — the board shows 10 laps to go (it showed 9)',
    );
    expect(screen.getByTestId('lap-flash')).toHaveTextContent('9 → 10');
    expect(screen.getByTestId('laps-to-go')).toHaveClass('flash');
    // The host's new state: the result stays until the next action.
    const undone = semiWithJournal([...laps(7), { type: 'undo' }]);
    client.journal = undone.journal;
    act(() => client.push(undone.race));
    expect(screen.getByTestId('undo-result')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId('redo-preview')).toHaveTextContent(
        'Ctrl+Shift+Z would redo: #10 lap completed — the board would show 9 laps to go (it shows 10)',
      ),
    );
    const next = semiWithJournal([...laps(7), { type: 'undo' }, { type: 'lap/completed' }]);
    client.journal = next.journal;
    act(() => client.push(next.race));
    expect(screen.queryByTestId('undo-result')).toBeNull();
    expect(screen.queryByTestId('lap-flash')).toBeNull();
    // One figure, whatever flashed before.
    expect(screen.getAllByTestId('laps-to-go')).toHaveLength(1);
    expect(screen.getByTestId('laps-to-go')).toHaveTextContent('9');
  });

  it('after a refused entry Ctrl+Z names the last accepted entry (the lap), not the refused one', async () => {
    const user = await openWithJournal([
      ...laps(4),
      { type: 'sprint/placed', sprint: 1, bibs: [1, 2, 3] },
      { type: 'lap/completed' },
    ]);
    // The host refuses the sprint entry (say, a rule the console does not check itself).
    client.reply = () => ({ type: 'error', status: 400, error: 'refused by the host' });
    await user.keyboard('s4 8 7{Enter}');
    expect(await screen.findByTestId('entry-refusal')).toHaveTextContent('refused by the host');
    expect(client.commands()).toEqual([{ type: 'sprint/placed', sprint: 1, bibs: [4, 8, 7] }]);
    expect(screen.getByTestId('undo-preview')).toHaveTextContent(
      'Ctrl+Z would undo: #9 lap completed — the board would show 12 laps to go (it shows 11)',
    );
  });

  it('a sprint undo flashes the sprint on the lap board', async () => {
    const user = await openWithJournal([
      ...laps(4),
      { type: 'sprint/placed', sprint: 1, bibs: [4, 8, 7] },
    ]);
    expect(screen.getByTestId('undo-preview')).toHaveTextContent(
      'Ctrl+Z would undo: #8 sprint 1: 4 8 7',
    );
    client.reply = ackVoid(9, 8);
    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByTestId('lap-flash')).toHaveTextContent('sprint 1 undone');
  });

  it('an undo the race overtook is refused, and the console says nothing was undone', async () => {
    const user = await openWithJournal(laps(3));
    client.reply = () => ({
      type: 'error',
      status: 409,
      error: 'stale revision: you sent 6, race "men-semi-1" is at 7; reload and try again',
    });
    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByTestId('undo-result')).toHaveTextContent(
      'Undo refused: the race changed before it arrived, so nothing was changed',
    );
    expect(screen.queryByTestId('lap-flash')).toBeNull();
  });

  it('nothing to undo is said before the key is pressed', async () => {
    await openWithJournal([]);
    expect(screen.getByTestId('undo-preview')).toHaveTextContent(
      'Ctrl+Z would undo: #2 start list of 12',
    );
  });
});

describe('key presses the host never got are shown as not sent', () => {
  const notConnected = () => ({ type: 'error', status: 0, error: 'not connected to the host' });

  it('lists each unsent press with its time, counts nothing, and sends nothing again by itself', async () => {
    const user = await open(semi(laps(4)));
    act(() => client.connection('closed'));
    client.reply = notConnected;
    expect(screen.getByTestId('lap-offline')).toHaveTextContent('laps are NOT being counted');
    await user.keyboard('  {Shift>}@{/Shift}');
    const rows = await screen.findAllByTestId('unsent-row');
    expect(rows.map((row) => row.querySelector('.what')?.textContent)).toEqual([
      'lap completed',
      'lap completed',
      'board: live',
    ]);
    expect(rows[0]).toHaveTextContent(/\d\d:\d\d:\d\d\s*Leader crossed the line/);
    expect(rows[0]).toHaveTextContent('not sent: not connected to the host');
    expect(screen.getByTestId('unsent-count')).toHaveTextContent('Not sent: 3');
    expect(screen.queryByTestId('lap-refusal')).toBeNull();
    within(rows[0]!)
      .getAllByRole('button')
      .forEach((button) => expect(button).toBeInTheDocument());
    expect(within(rows[0]!).getByTestId('unsent-send')).toBeDisabled();

    // Back online: nothing goes out by itself; the list stays.
    const attempts = client.sent.length;
    client.reply = () => ({ type: 'ack', ok: true, revision: 2 });
    act(() => client.connection('open'));
    act(() => client.push(semi(laps(4))));
    expect(client.sent.length).toBe(attempts);
    expect(screen.getAllByTestId('unsent-row')).toHaveLength(3);
    expect(screen.queryByTestId('lap-offline')).toBeNull();

    // Sent again deliberately (one click): exactly that one goes, and leaves the list.
    await user.click(within(screen.getAllByTestId('unsent-row')[0]!).getByTestId('unsent-send'));
    expect(client.sent.slice(attempts)).toEqual([
      { type: 'command', race: 'men-semi-1', command: { type: 'lap' } },
    ]);
    await waitFor(() => expect(screen.getAllByTestId('unsent-row')).toHaveLength(2));
    await user.click(within(screen.getAllByTestId('unsent-row')[0]!).getByTestId('unsent-dismiss'));
    expect(screen.getAllByTestId('unsent-row')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Dismiss all' }));
    expect(screen.queryByTestId('unsent')).toBeNull();
    expect(client.sent.length).toBe(attempts + 1);
    // Laps count again.
    await user.keyboard(' ');
    expect(client.sent.length).toBe(attempts + 2);
  });

  it('a press the connection lost before the answer is marked: the host may have it', async () => {
    const user = await open(semi(laps(4)));
    client.reply = () => ({ type: 'error', status: 0, error: 'connection to the host lost' });
    await user.keyboard(' ');
    expect(await screen.findByTestId('unsent-row')).toHaveTextContent(
      'no answer (connection to the host lost): the host may have it',
    );
  });

  it('an entry typed while disconnected stays in the line as not sent; Enter sends it later', async () => {
    const user = await open(semi(laps(4)));
    act(() => client.connection('closed'));
    client.reply = notConnected;
    await user.keyboard('4 9 3{Enter}');
    expect(await screen.findByTestId('entry-refusal')).toHaveTextContent(
      'Not sent: not connected to the host',
    );
    expect(input()).toHaveValue('4 9 3');
    expect(screen.queryByTestId('unsent')).toBeNull();
    client.reply = () => ({ type: 'ack', ok: true, revision: 2 });
    act(() => client.connection('open'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(input()).toHaveValue(''));
    expect(client.commands()).toEqual([
      { type: 'sprint/placed', sprint: 1, bibs: [4, 9, 3] },
      { type: 'sprint/placed', sprint: 1, bibs: [4, 9, 3] },
    ]);
  });
});

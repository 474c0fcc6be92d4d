// @vitest-environment happy-dom
// Issue 12: timing proposals in the entry line. Enter on an empty line accepts the proposal
// shown (once it has been on screen 600 ms, and never as the second Enter of a typed command),
// Tab copies it into the line to correct, Delete dismisses; issue 9's keys stay as they were.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleApp } from '../../../../src/renderer/console/ConsoleApp.tsx';
import type { ClientMessage } from '../../../../src/shared/protocol/messages.ts';
import type { RaceView } from '../../../../src/shared/race/view.ts';
import type { TimingView } from '../../../../src/shared/timing/view.ts';
import { FakeClient, laps, semi } from '../fixtures.ts';
import { finish, manualClock, sprint, timingView, withProposals } from './timing-fixtures.ts';

let client: FakeClient;
let clock: ReturnType<typeof manualClock>;
beforeEach(() => {
  localStorage.clear();
  client = new FakeClient();
  clock = manualClock();
});
afterEach(cleanup);

async function open(race: RaceView = semi(laps(4)), timing?: TimingView) {
  const user = userEvent.setup();
  render(<ConsoleApp client={client} clock={clock.now} />);
  act(() => {
    client.connection('open');
    client.push(race);
    if (timing) client.pushTiming(timing);
  });
  await screen.findByTestId('laps-to-go');
  return user;
}

const input = () => screen.getByTestId<HTMLInputElement>('entry-input');
const push = (view: TimingView) => act(() => client.pushTiming(view));
const timingSent = () =>
  client.sent.filter(
    (message): message is Extract<ClientMessage, { type: 'timing' }> => message.type === 'timing',
  );
const accept = (proposal: string, bibs?: number[]) => ({
  type: 'timing',
  action: 'accept',
  proposal,
  ...(bibs ? { bibs } : {}),
});

describe('a timing proposal in the entry line', () => {
  it('shows the sprint with the names and the keys, and Enter on the empty line accepts it', async () => {
    const user = await open(semi(laps(4)), withProposals(sprint(1, [5, 3, 6])));
    const proposal = screen.getByTestId('proposal');
    expect(proposal).toHaveTextContent(
      'Timing: S1 5 3 6 — Enter accepts · Tab edits · Del dismisses',
    );
    expect(within(proposal).getByTestId('proposal-names')).toHaveTextContent('5 Mathieu Belloir');
    await user.keyboard('r');
    expect(input()).toHaveFocus();
    clock.advance(600);
    await user.keyboard('{Enter}');
    expect(timingSent()).toEqual([accept('sprint-1')]);
    expect(client.commands()).toEqual([]);
  });

  it('Enter takes a proposal only once it has been on screen 600 ms', async () => {
    const user = await open();
    await user.keyboard('r');
    push(withProposals(sprint(1, [5, 3, 6])));
    await user.keyboard('{Enter}');
    clock.advance(599);
    await user.keyboard('{Enter}');
    expect(timingSent()).toEqual([]);
    clock.advance(1);
    await user.keyboard('{Enter}');
    expect(timingSent()).toEqual([accept('sprint-1')]);
  });

  it('a double Enter after a typed command accepts nothing: not a proposal that just appeared, nor one shown long before', async () => {
    const user = await open(semi(laps(4)), withProposals(finish([12, 5, 7])));
    clock.advance(5000);
    // The finish proposal has been on screen for seconds: the second Enter must still not take it.
    await user.keyboard('x7{Enter}{Enter}');
    expect(client.commands()).toEqual([{ type: 'skater/statusChanged', bib: 7, status: 'DQ' }]);
    expect(timingSent()).toEqual([]);
    // Also when the host's answer came in before the second press (the line is clear by then).
    await user.keyboard('x9{Enter}');
    expect(input()).toHaveValue('');
    await user.keyboard('{Enter}');
    expect(client.commands()).toHaveLength(2);
    expect(timingSent()).toEqual([]);
    // A proposal that appears between the two presses.
    await user.keyboard('x8{Enter}');
    push(withProposals(sprint(1, [5, 3, 6])));
    await user.keyboard('{Enter}');
    expect(timingSent()).toEqual([]);
    // After 600 ms quiet, Enter (the focus is on the page now) takes it.
    clock.advance(600);
    await user.keyboard('{Enter}');
    expect(timingSent()).toEqual([accept('sprint-1')]);
  });

  it('a proposal that grows keeps its guard; one with a new id waits again', async () => {
    const user = await open();
    await user.keyboard('r');
    push(withProposals(sprint(1, [5, 3], false)));
    expect(screen.getByTestId('proposal-text')).toHaveTextContent('S1 5 3');
    expect(screen.getByTestId('proposal')).toHaveTextContent('more to come');
    clock.advance(400);
    push(withProposals(sprint(1, [5, 3, 6])));
    expect(screen.getByTestId('proposal-text')).toHaveTextContent('S1 5 3 6');
    clock.advance(200);
    await user.keyboard('{Enter}');
    expect(timingSent()).toEqual([accept('sprint-1')]);
    push(withProposals(finish([12])));
    expect(screen.getByTestId('proposal-text')).toHaveTextContent('F 12');
    clock.advance(599);
    await user.keyboard('{Enter}');
    expect(timingSent()).toHaveLength(1);
  });

  it('Tab copies the proposal into the line; corrected, Enter accepts it with the new order', async () => {
    const user = await open(semi(laps(4)), withProposals(sprint(1, [5, 3, 6])));
    await user.keyboard('r{Tab}');
    expect(input()).toHaveValue('S1 5 3 6');
    expect(input()).toHaveFocus();
    await user.keyboard('{Backspace}7');
    expect(input()).toHaveValue('S1 5 3 7');
    expect(screen.getByTestId('proposal-editing')).toBeInTheDocument();
    expect(screen.getByTestId('entry-names')).toHaveTextContent('7 Jorrit Bergsma');
    await user.keyboard('{Enter}');
    expect(timingSent()).toEqual([accept('sprint-1', [5, 3, 7])]);
    expect(client.commands()).toEqual([]);
    expect(input()).toHaveValue('');
  });

  it('a copied proposal whose mode was changed in the line is sent as the line’s own command', async () => {
    const user = await open(semi(laps(8)), withProposals(sprint(1, [5, 3, 6])));
    await user.keyboard('r{Tab}');
    await user.keyboard('{Home}{ArrowRight}{ArrowRight}{Backspace}2');
    expect(input()).toHaveValue('S2 5 3 6');
    expect(screen.queryByTestId('proposal-editing')).toBeNull();
    await user.keyboard('{Enter}');
    expect(timingSent()).toEqual([]);
    expect(client.commands()).toEqual([{ type: 'sprint/placed', sprint: 2, bibs: [5, 3, 6] }]);
  });

  it('a finish proposal shows the times; Tab gives "F 12 5 7"', async () => {
    const user = await open(
      semi(laps(16)),
      withProposals(finish([12, 5, 7], { 12: 462_490, 5: 462_610 })),
    );
    const names = screen.getByTestId('proposal-names');
    expect(names).toHaveTextContent('12 Demo Skater Twelve 7:42.49');
    expect(names).toHaveTextContent('5 Mathieu Belloir 7:42.61');
    await user.keyboard('r{Tab}');
    expect(input()).toHaveValue('F 12 5 7');
    await user.keyboard('{Backspace}{Backspace}{Enter}');
    expect(timingSent()).toEqual([accept('finish-3', [12, 5])]);
  });

  it('a sprint typed by hand while a proposal is shown is a normal command', async () => {
    const user = await open(semi(laps(4)), withProposals(sprint(1, [5, 3, 6])));
    clock.advance(5000);
    await user.keyboard('5 3 6{Enter}');
    expect(client.commands()).toEqual([{ type: 'sprint/placed', sprint: 1, bibs: [5, 3, 6] }]);
    expect(timingSent()).toEqual([]);
  });

  it('Delete on the empty line dismisses it, and so does the Dismiss button', async () => {
    const user = await open(semi(laps(4)), withProposals(sprint(1, [5, 3, 6])));
    await user.keyboard('r');
    clock.advance(600);
    await user.keyboard('{Delete}');
    expect(timingSent()).toEqual([{ type: 'timing', action: 'dismiss', proposal: 'sprint-1' }]);
    await user.click(screen.getByTestId('proposal-dismiss'));
    await user.click(screen.getByTestId('proposal-accept'));
    expect(timingSent().slice(1)).toEqual([
      { type: 'timing', action: 'dismiss', proposal: 'sprint-1' },
      accept('sprint-1'),
    ]);
  });

  it('Space still counts a lap with a proposal shown, in the empty line and on the page', async () => {
    const user = await open(semi(laps(4)), withProposals(sprint(1, [5, 3, 6])));
    clock.advance(5000);
    await user.keyboard(' ');
    await user.keyboard('r ');
    expect(input()).toHaveValue('');
    expect(client.commands()).toEqual([{ type: 'lap' }, { type: 'lap' }]);
    expect(timingSent()).toEqual([]);
    // And the mode letters still switch the mode.
    await user.keyboard('f');
    expect(screen.getByTestId('entry-mode')).toHaveTextContent('Finish order');
    expect(input()).toHaveValue('');
  });

  it('a lap proposal shows only while auto laps is off', async () => {
    const lap = { id: 'lap-5', kind: 'lap', lap: 5, leader: 12 } as const;
    await open(semi(laps(4)), withProposals(lap));
    expect(screen.getByTestId('proposal')).toHaveTextContent(
      'Timing: lap 5 completed (leader 12) — Enter accepts · Del dismisses',
    );
    push(
      timingView({
        proposals: [lap],
        settings: {
          url: 'p3://10.0.0.5:5403',
          autoLaps: true,
          minLapSeconds: 20,
          startSignal: null,
          groupGapSeconds: 1,
        },
      }),
    );
    expect(screen.queryByTestId('proposal')).toBeNull();
  });

  it('the sprint comes before the finish, the finish before a laps correction', async () => {
    const laps9 = { id: 'laps-9', kind: 'laps', lapsCompleted: 9 } as const;
    await open(semi(laps(4)), withProposals(laps9, finish([3]), sprint(2, [4]), sprint(1, [5])));
    expect(screen.getByTestId('proposal-text')).toHaveTextContent(/^S1 5$/);
    push(withProposals(laps9, finish([3])));
    expect(screen.getByTestId('proposal-text')).toHaveTextContent(/^F 3$/);
    push(withProposals(laps9));
    expect(screen.getByTestId('proposal-text')).toHaveTextContent(
      'laps completed: 9 (the race has 4)',
    );
    push(timingView({ proposals: [laps9], raceId: 'another-race' }));
    expect(screen.queryByTestId('proposal')).toBeNull();
  });

  it('the host’s refusal shows next to the line, in its own words', async () => {
    const user = await open(semi(laps(4)), withProposals(sprint(1, [5, 3, 6])));
    client.reply = (message) =>
      message.type === 'timing'
        ? {
            type: 'error',
            status: 409,
            error: 'no open timing proposal "sprint-1" for race "men-semi-1" (open: finish-3)',
          }
        : { type: 'ack', ok: true, revision: 1 };
    await user.keyboard('r');
    clock.advance(600);
    await user.keyboard('{Enter}');
    const refusal = await screen.findByTestId('entry-refusal');
    expect(refusal).toHaveTextContent(
      'Refused: no open timing proposal "sprint-1" for race "men-semi-1" (open: finish-3)',
    );
    expect(refusal).not.toHaveTextContent('stale revision');
    expect(screen.getByTestId('last-error')).toHaveTextContent('no open timing proposal');
  });
});

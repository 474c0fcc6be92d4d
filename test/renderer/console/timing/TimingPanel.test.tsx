// @vitest-environment happy-dom
// Issue 12: the timing panel. The decoder is configured per meeting from the console (checked
// before anything is sent), the feed's counters and latest passings are listed in words, and
// an unknown transponder is assigned to a skater of the start list.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleApp } from '../../../../src/renderer/console/ConsoleApp.tsx';
import type { TimingView } from '../../../../src/shared/timing/view.ts';
import { FakeClient, laps, programWith, semi } from '../fixtures.ts';
import { hostNow, manualClock, timingView } from './timing-fixtures.ts';

let client: FakeClient;
beforeEach(() => {
  localStorage.clear();
  client = new FakeClient();
});
afterEach(cleanup);

/** Opens the console on the timing panel (M), the program's timing settings as given. */
async function openPanel(timing: TimingView | null = timingView(), url: string | null = null) {
  const user = userEvent.setup();
  render(<ConsoleApp client={client} clock={manualClock().now} />);
  const race = semi(laps(3));
  const program = programWith(race);
  act(() => {
    client.connection('open');
    client.push(race, { ...program, revision: 7, timing: { ...program.timing, url } });
    if (timing) client.pushTiming(timing);
  });
  await screen.findByTestId('laps-to-go');
  await user.keyboard('m');
  expect(screen.getByRole('heading', { name: /Timing: MYLAPS P3 decoder/ })).toHaveFocus();
  return user;
}

const programSent = () => client.sent.filter((message) => message.type === 'program');

describe('the timing panel', () => {
  it('connects to the decoder typed: the whole settings, with the program revision', async () => {
    const user = await openPanel();
    await user.type(screen.getByTestId('timing-url'), ' p3://192.168.1.50:5403{Enter}');
    expect(programSent()).toEqual([
      {
        type: 'program',
        command: {
          type: 'timing/configured',
          url: 'p3://192.168.1.50:5403',
          autoLaps: false,
          minLapSeconds: 20,
          startSignal: '9992',
          groupGapSeconds: 1,
        },
        revision: 7,
      },
    ]);
    expect(screen.getByTestId('timing-url')).toHaveValue('p3://192.168.1.50:5403');
  });

  it('refuses an address that is not a decoder without sending anything', async () => {
    const user = await openPanel();
    await user.type(screen.getByTestId('timing-url'), 'http://192.168.1.50');
    await user.click(screen.getByTestId('timing-connect'));
    expect(screen.getByTestId('timing-invalid')).toHaveTextContent(
      'Not a decoder address: expected p3://HOST or p3://HOST:PORT',
    );
    await user.clear(screen.getByTestId('timing-url'));
    await user.type(screen.getByTestId('timing-url'), 'p3://10.0.0.5:70000{Enter}');
    expect(screen.getByTestId('timing-invalid')).toHaveTextContent(
      'the port must be between 1 and 65535',
    );
    expect(programSent()).toEqual([]);
  });

  it('disconnects, switches auto laps and sets the minimum lap time and the group gap, keeping the decoder', async () => {
    const user = await openPanel(timingView(), 'p3://10.0.0.5:5403');
    const settings = {
      url: 'p3://10.0.0.5:5403',
      autoLaps: false,
      minLapSeconds: 20,
      startSignal: '9992',
      groupGapSeconds: 1,
    };
    await user.click(screen.getByTestId('timing-auto-laps'));
    const minLap = screen.getByTestId('timing-min-lap');
    await user.clear(minLap);
    await user.type(minLap, '0.01{Enter}');
    expect(screen.getByTestId('timing-invalid')).toHaveTextContent(
      'the minimum lap time is 0.05 to 600 seconds',
    );
    await user.clear(minLap);
    await user.type(minLap, '12,5{Enter}');
    const groupGap = screen.getByTestId('timing-group-gap');
    await user.clear(groupGap);
    await user.type(groupGap, '45{Enter}');
    expect(screen.getByTestId('timing-invalid')).toHaveTextContent(
      'the gap between groups is 0.1 to 30 seconds',
    );
    await user.clear(groupGap);
    await user.type(groupGap, '1,5{Enter}');
    await user.click(screen.getByTestId('timing-disconnect'));
    // No gun wired: the start input cleared (times then run from the start key).
    await user.clear(screen.getByTestId('timing-start-signal'));
    await user.type(screen.getByTestId('timing-start-signal'), '{Enter}');
    expect(programSent().map((message) => message.type === 'program' && message.command)).toEqual([
      { type: 'timing/configured', ...settings, autoLaps: true },
      { type: 'timing/configured', ...settings, minLapSeconds: 12.5 },
      { type: 'timing/configured', ...settings, groupGapSeconds: 1.5 },
      { type: 'timing/configured', ...settings, url: null },
      { type: 'timing/configured', ...settings, startSignal: null },
    ]);
  });

  it('shows the host’s refusal of a setting', async () => {
    const user = await openPanel();
    client.reply = () => ({ type: 'error', status: 409, error: 'the program changed first' });
    await user.click(screen.getByTestId('timing-auto-laps'));
    expect(await screen.findByTestId('timing-refusal')).toHaveTextContent(
      'Refused: the program changed first',
    );
  });

  it('lists the feed’s counters and the latest passings, each note in words', async () => {
    await openPanel(
      timingView({
        leaderLaps: 3,
        status: { passings: 41, doubleReads: 2, missedReads: 1, clockOffsetMs: -2500 },
        recent: [
          {
            passingNumber: 3,
            transponder: 'KX-9',
            bib: null,
            decoderMs: 3,
            receivedAt: hostNow,
            lap: null,
            note: 'unknown',
          },
          {
            passingNumber: 2,
            transponder: '1004',
            bib: 4,
            decoderMs: 2,
            receivedAt: hostNow,
            lap: 3,
            note: 'leader',
          },
          {
            passingNumber: 1,
            transponder: '1004',
            bib: 4,
            decoderMs: 1,
            receivedAt: hostNow,
            lap: null,
            note: 'double',
          },
        ],
      }),
    );
    expect(screen.getByTestId('timing.d.connection')).toHaveTextContent('connected');
    expect(screen.getByTestId('timing.d.passings')).toHaveTextContent('41');
    expect(screen.getByTestId('timing.d.doubleReads')).toHaveTextContent('2');
    expect(screen.getByTestId('timing.d.missedReads')).toHaveTextContent('1');
    expect(screen.getByTestId('timing.d.clockOffset')).toHaveTextContent('−2.5 s');
    const rows = within(screen.getByTestId('passings')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/KX-9—unknown$/),
      expect.stringMatching(/10044 Jordan Stolz3leader$/),
      expect.stringMatching(/10044 Jordan Stolzdouble read$/),
    ]);
  });

  it('assigns an unknown transponder to a skater: skater/edited for the active race', async () => {
    const user = await openPanel(
      timingView({
        status: { unknown: [{ transponder: 'KX-77', passings: 2, lastAt: hostNow - 1000 }] },
      }),
    );
    const list = screen.getByTestId('unknown-transponders');
    expect(list).toHaveTextContent('KX-77');
    expect(list).toHaveTextContent('2 passings, last at');
    const assign = within(list).getByRole('button', { name: 'Assign' });
    expect(assign).toBeDisabled();
    await user.selectOptions(within(list).getByLabelText('Assign KX-77 to'), '7');
    await user.click(assign);
    expect(client.sent.at(-1)).toEqual({
      type: 'command',
      race: 'men-semi-1',
      command: { type: 'skater/edited', bib: 7, transponder: 'KX-77' },
    });
    expect(await screen.findByText('KX-77 assigned to 7')).toBeInTheDocument();
    expect(screen.getByTestId('timing-status')).toHaveTextContent('1 unknown transponder');
    // The host's start list comes back with it: no longer unknown, before the feed says so.
    act(() =>
      client.push(semi([...laps(3), { type: 'skater/edited', bib: 7, transponder: 'KX-77' }])),
    );
    expect(screen.queryByTestId('unknown-transponders')).toBeNull();
    expect(screen.getByTestId('timing-status')).not.toHaveTextContent('unknown');
  });

  it('says so when the host has sent no timing view', async () => {
    await openPanel(null);
    expect(screen.getByText('No timing information from the host yet.')).toBeInTheDocument();
    expect(screen.getByTestId('timing-status')).toHaveTextContent('Timing off');
  });
});

// @vitest-environment happy-dom
// Issue 12: the timing status, always visible: connected / reconnecting / last passing seconds
// ago (ticking on the console's own clock) / unknown transponders / auto laps, a warning when
// the loop is silent for over a minute during a running race.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../../../src/renderer/console/labels/i18n.ts';
import { TimingStatus } from '../../../../src/renderer/console/timing/TimingStatus.tsx';
import type { TimingFeed } from '../../../../src/renderer/console/timing/timing-text.ts';
import type { TimingStatus as Status } from '../../../../src/shared/timing/view.ts';
import { hostNow, timingView } from './timing-fixtures.ts';

// The console's own clock: hours away from the host's, so only differences may be used.
const localStart = 1_000_000_000;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(localStart);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function show(
  status: Partial<Status> | null,
  options: { running?: boolean; startedAt?: number | null; autoLaps?: boolean; nl?: boolean } = {},
) {
  const view = timingView({
    status: status ?? {},
    settings: {
      url: 'p3://10.0.0.5:5403',
      autoLaps: options.autoLaps ?? false,
      minLapSeconds: 20,
      startSignal: null,
      groupGapSeconds: 1,
    },
  });
  const feed: TimingFeed | null = status === null ? null : { view, receivedAt: Date.now() };
  render(
    <TimingStatus
      t={translator(options.nl ? 'nl' : 'en')}
      feed={feed}
      clock={() => Date.now()}
      running={options.running ?? false}
      startedAt={options.startedAt ?? null}
    />,
  );
  return screen.getByRole('status');
}

const tick = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

describe('the timing status', () => {
  it('says off when there is no feed or no decoder', () => {
    expect(show(null)).toHaveTextContent(/^Timing off$/);
    cleanup();
    expect(show({ connection: 'off', url: null })).toHaveTextContent(/^Timing off$/);
    expect(screen.getByTestId('timing-status')).toHaveAttribute('data-state', 'off');
  });

  it('connecting, and connected with no passing yet', () => {
    expect(show({ connection: 'connecting' })).toHaveTextContent('Timing connecting…');
    cleanup();
    expect(show({ connection: 'connected' })).toHaveTextContent(
      'Timing connected · no passings yet',
    );
  });

  it('"last passing 4 s ago" from the host clock, ticking each second on the local clock', () => {
    const status = show({ connection: 'connected', lastPassingAt: hostNow - 4000 });
    expect(status).toHaveTextContent('Timing connected · last passing 4 s ago');
    tick(1000);
    expect(status).toHaveTextContent('last passing 5 s ago');
    tick(3000);
    expect(status).toHaveTextContent('last passing 8 s ago');
    tick(120_000);
    expect(status).toHaveTextContent('last passing 2 min ago');
  });

  it('reconnecting counts the retry down', () => {
    const status = show({ connection: 'reconnecting', retryInMs: 2000, lastError: 'ECONNREFUSED' });
    expect(status).toHaveTextContent(/^Timing reconnecting \(retry in 2 s\)$/);
    expect(status).toHaveAttribute('title', 'ECONNREFUSED');
    tick(1000);
    expect(status).toHaveTextContent('(retry in 1 s)');
    tick(5000);
    expect(status).toHaveTextContent('(retry in 0 s)');
  });

  it('counts unknown transponders and shows the auto laps badge', () => {
    const unknown = (transponder: string) => ({ transponder, passings: 1, lastAt: hostNow });
    expect(
      show({ connection: 'connected', lastPassingAt: hostNow, unknown: [unknown('A1')] }),
    ).toHaveTextContent('Timing connected · last passing 0 s ago · 1 unknown transponder');
    cleanup();
    expect(
      show(
        { connection: 'reconnecting', unknown: [unknown('A1'), unknown('B2')] },
        { autoLaps: true },
      ),
    ).toHaveTextContent('Timing reconnecting · 2 unknown transponders auto laps');
  });

  it('warns when nothing came from the loop for over a minute while connected in a running race', () => {
    const status = show(
      { connection: 'connected', lastPassingAt: hostNow - 59_000 },
      { running: true },
    );
    expect(status).not.toHaveAttribute('data-warning');
    tick(2000);
    expect(status).toHaveAttribute('data-warning');
    expect(status).toHaveClass('warning');
    expect(status).toHaveTextContent('nothing from the loop for 61 s');
    cleanup();
    // Not racing: no warning however long the loop is quiet.
    const idle = show({ connection: 'connected', lastPassingAt: hostNow - 600_000 });
    expect(idle).not.toHaveAttribute('data-warning');
  });

  it('with no passing at all, the silence counts from the start of the race', () => {
    const status = show(
      { connection: 'connected' },
      { running: true, startedAt: hostNow - 30_000 },
    );
    expect(status).not.toHaveAttribute('data-warning');
    tick(31_000);
    expect(status).toHaveAttribute('data-warning');
  });

  it('names a skater the loop lost mid-race and the passings the decoder is asked for again', () => {
    const view = timingView({
      status: { connection: 'connected', lastPassingAt: hostNow, missingPassings: 3 },
      silent: [
        { bib: 9, sinceLap: 7, sinceMs: 65_000 },
        { bib: 4, sinceLap: 0, sinceMs: 70_000 },
      ],
    });
    const feed = { view, receivedAt: Date.now() };
    const { rerender } = render(
      <TimingStatus
        t={translator('en')}
        feed={feed}
        clock={() => Date.now()}
        running
        startedAt={null}
      />,
    );
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(
      'Timing connected · last passing 0 s ago · 3 passings missing: asked the decoder again · ' +
        'no passing from #9 since lap 7 · no passing from #4 since the start',
    );
    expect(status).toHaveAttribute('data-warning');
    // A hint while the race runs only.
    rerender(
      <TimingStatus
        t={translator('en')}
        feed={feed}
        clock={() => Date.now()}
        running={false}
        startedAt={null}
      />,
    );
    expect(screen.getByRole('status')).not.toHaveTextContent('#9');
  });

  it('in Dutch', () => {
    expect(
      show({ connection: 'connected', lastPassingAt: hostNow - 4000 }, { nl: true }),
    ).toHaveTextContent('Tijdwaarneming verbonden · laatste passage 4 s geleden');
  });
});

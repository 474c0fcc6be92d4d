import { describe, expect, it } from 'vitest';
import {
  connectionStatus,
  standbyStatus,
  timingStatus,
} from '../../../src/renderer/commentator/model/status-line.ts';
import { missingToken } from '../../../src/renderer/commentator/token-check.ts';
import type { HostRoleView } from '../../../src/shared/protocol/host-role.ts';
import { defaultTimingSettings } from '../../../src/shared/timing/settings.ts';
import type { TimingStatus, TimingView } from '../../../src/shared/timing/view.ts';

/** A timing view made at host time `now` with the status fields under test. */
function timing(status: Partial<TimingStatus>, now = 1_000_000): TimingView {
  return {
    seq: 1,
    now,
    settings: defaultTimingSettings,
    raceId: 'men-semi-1',
    leaderLaps: 0,
    proposals: [],
    recent: [],
    silent: [],
    status: {
      connection: 'connected',
      url: 'p3://127.0.0.1:5403',
      lastPassingAt: null,
      lastRecordAt: null,
      passings: 0,
      duplicates: 0,
      doubleReads: 0,
      beforeStart: 0,
      afterFinish: 0,
      missedReads: 0,
      unknown: [],
      badFrames: 0,
      skippedBytes: 0,
      connections: 1,
      retryInMs: null,
      lastError: null,
      clockOffsetMs: null,
      missingPassings: 0,
      resendRequests: 0,
      unknownTransponders: 0,
      unknownPassings: 0,
      startSource: null,
      ...status,
    },
  };
}

const host = (changes: Partial<HostRoleView>): HostRoleView => ({
  role: 'primary',
  epoch: 2,
  self: 'http://10.0.0.1:8316',
  peer: null,
  behind: 0,
  standbyBehind: false,
  lastHeardMs: null,
  deposed: null,
  diverged: [],
  canTakeOver: false,
  position: { program: 1, races: {} },
  stateHash: '',
  ...changes,
});

describe('the page’s health in its head', () => {
  it('the last passing’s age: the host’s age when sent plus this page’s time since, no clocks compared', () => {
    // The host sent the view 3 s after the passing; the page got it at its 50_000 and it is now
    // 50_000 + 4_500 on the page's clock (a different clock from the host's).
    const feed = { view: timing({ lastPassingAt: 997_000 }), receivedAt: 50_000 };
    expect(timingStatus(feed, 54_500)).toEqual({
      text: 'Timing connected · last passing 7 s ago',
      tone: 'ok',
    });
    expect(timingStatus({ ...feed, view: timing({ lastPassingAt: 700_000 }) }, 50_000).text).toBe(
      'Timing connected · last passing 5 min ago',
    );
    expect(timingStatus({ view: timing({}), receivedAt: 0 }, 0).text).toBe(
      'Timing connected · no passing yet',
    );
  });

  it('timing off, connecting, reconnecting; no feed at all', () => {
    const of = (connection: TimingStatus['connection']) =>
      timingStatus({ view: timing({ connection }), receivedAt: 0 }, 0);
    expect(of('off')).toEqual({ text: 'Timing off', tone: 'quiet' });
    expect(of('connecting').tone).toBe('warn');
    expect(of('reconnecting')).toEqual({ text: 'Timing reconnecting', tone: 'bad' });
    expect(timingStatus(null, 0).text).toBe('Timing: no feed');
  });

  it('the two laptops: alone, in step, STANDBY BEHIND, a standby, deposed', () => {
    expect(standbyStatus(host({})).text).toBe('One host · no standby');
    expect(standbyStatus(host({ peer: 'http://10.0.0.2:8316' }))).toEqual({
      text: 'Primary · epoch 2 · standby in step',
      tone: 'ok',
    });
    expect(standbyStatus(host({ peer: 'http://10.0.0.2:8316', standbyBehind: true }))).toEqual({
      text: 'Primary · epoch 2 · STANDBY BEHIND',
      tone: 'bad',
    });
    expect(standbyStatus(host({ role: 'standby', peer: 'http://10.0.0.1:8316' })).text).toBe(
      'Standby of http://10.0.0.1:8316',
    );
    expect(standbyStatus(host({ deposed: { epoch: 3, by: 'http://10.0.0.2:8316' } })).text).toBe(
      'Deposed: the primary is now http://10.0.0.2:8316',
    );
  });

  it('the connection, and the page without its token', () => {
    expect(connectionStatus('open').text).toBe('Live');
    expect(connectionStatus('closed').tone).toBe('bad');
    expect(missingToken('?token=abc')).toBeNull();
    expect(missingToken('?race=men-semi-1')).toMatch(/needs the view token/);
    expect(missingToken('?token=')).toMatch(/needs the view token/);
  });
});

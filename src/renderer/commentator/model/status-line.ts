/**
 * The page's own health, always in view: is it live (its connection to the host), is the loop
 * live (the timing feed: connection, how long since the last passing), and is the result safe
 * on two laptops (the host's role: primary with its standby in step, "standby behind", or this
 * page following a standby). Words as the console's status bar has them (issues 12 and 20).
 */
import type { HostRoleView } from '../../../shared/protocol/host-role.ts';
import type { TimingView } from '../../../shared/timing/view.ts';
import type { ConnectionState } from '../../shared/host-client.ts';

/** How a status reads: fine, quiet, needs a look, or wrong. */
export type StatusTone = 'ok' | 'quiet' | 'warn' | 'bad';

/** One status in the head of the page. */
export interface Status {
  readonly text: string;
  readonly tone: StatusTone;
}

/** The timing view and when this page got it (its own clock: never compared with the host's). */
export interface TimingFeed {
  readonly view: TimingView;
  readonly receivedAt: number;
}

/** The page's connection to the host. */
export function connectionStatus(state: ConnectionState): Status {
  if (state === 'open') return { text: 'Live', tone: 'ok' };
  if (state === 'connecting') return { text: 'Connecting…', tone: 'warn' };
  return { text: 'Not connected: retrying', tone: 'bad' };
}

/**
 * The timing feed: off, connecting, reconnecting, or connected with the age of the last passing.
 * The age is the host's (its `now` less the last passing, both on its clock) plus the time since
 * this page got the view (on this page's clock), so two clocks are never compared.
 */
export function timingStatus(feed: TimingFeed | null, now: number): Status {
  if (!feed) return { text: 'Timing: no feed', tone: 'quiet' };
  const { status } = feed.view;
  switch (status.connection) {
    case 'off':
      return { text: 'Timing off', tone: 'quiet' };
    case 'connecting':
      return { text: 'Timing connecting…', tone: 'warn' };
    case 'reconnecting':
      return { text: 'Timing reconnecting', tone: 'bad' };
    case 'connected': {
      if (status.lastPassingAt === null)
        return { text: 'Timing connected · no passing yet', tone: 'ok' };
      const ageMs = feed.view.now - status.lastPassingAt + Math.max(0, now - feed.receivedAt);
      return { text: `Timing connected · last passing ${ageText(ageMs)} ago`, tone: 'ok' };
    }
  }
}

/** "4 s", "3 min". */
function ageText(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return seconds < 120 ? `${seconds} s` : `${Math.floor(seconds / 60)} min`;
}

/** The two laptops (issue 20): who this page follows, and whether the standby is in step. */
export function standbyStatus(host: HostRoleView | null): Status {
  if (!host) return { text: 'Host role not known yet', tone: 'quiet' };
  if (host.deposed) return { text: `Deposed: the primary is now ${host.deposed.by}`, tone: 'bad' };
  if (host.role === 'standby')
    return {
      text: host.peer ? `Standby of ${host.peer}` : 'Standby',
      tone: 'warn',
    };
  if (host.standbyBehind)
    return { text: `Primary · epoch ${host.epoch} · STANDBY BEHIND`, tone: 'bad' };
  if (host.peer) return { text: `Primary · epoch ${host.epoch} · standby in step`, tone: 'ok' };
  return { text: 'One host · no standby', tone: 'quiet' };
}

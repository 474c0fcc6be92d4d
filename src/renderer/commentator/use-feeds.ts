/**
 * What the commentator screen follows on the host's channel: the race view (`state`), its
 * journal, the timing view, the host's role and the groups (`gaps`), each as it changes, and
 * this page's connection. One hook, so the panels only read.
 */
import { useEffect, useState } from 'react';
import type { HostRoleView } from '../../shared/protocol/host-role.ts';
import type { HostSnapshotMessage } from '../../shared/protocol/snapshot.ts';
import type { GapsView } from '../../shared/timing/gaps-view.ts';
import type { ConnectionState, HostClient } from '../shared/host-client.ts';
import type { JournalCopy } from '../shared/journal-feed.ts';
import type { TimingFeed } from './model/status-line.ts';

/** Everything the page has from the host, as last pushed. */
export interface Feeds {
  readonly snapshot: HostSnapshotMessage | null;
  readonly journal: JournalCopy | null;
  readonly timing: TimingFeed | null;
  readonly host: HostRoleView | null;
  readonly gaps: GapsView | null;
  readonly connection: ConnectionState;
  /** The connection has been open at least once (a refused token never opens it). */
  readonly everOpen: boolean;
}

/** Follows the host's values through `client`; `clock` stamps the timing view's arrival. */
export function useFeeds(client: HostClient, clock: () => number = Date.now): Feeds {
  const [snapshot, setSnapshot] = useState<HostSnapshotMessage | null>(null);
  const [journal, setJournal] = useState<JournalCopy | null>(null);
  const [timing, setTiming] = useState<TimingFeed | null>(null);
  const [host, setHost] = useState<HostRoleView | null>(null);
  const [gaps, setGaps] = useState<GapsView | null>(null);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [everOpen, setEverOpen] = useState(false);
  useEffect(() => {
    const stops = [
      client.onState(setSnapshot),
      client.onJournal(setJournal),
      client.onTiming((view) => setTiming({ view, receivedAt: clock() })),
      client.onHost(setHost),
      client.onGaps(setGaps),
      client.onConnection((state) => {
        setConnection(state);
        if (state === 'open') setEverOpen(true);
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, [client, clock]);
  return { snapshot, journal, timing, host, gaps, connection, everOpen };
}

/** The page's clock, read again every `intervalMs` ("last passing 4 s ago" ticks). */
export function useTicking(clock: () => number = Date.now, intervalMs = 1000): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), intervalMs);
    return () => clearInterval(timer);
  }, [clock, intervalMs]);
  return now;
}

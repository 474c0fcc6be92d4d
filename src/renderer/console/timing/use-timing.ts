/** The timing feed's view as the host pushes it to consoles, with the moment it arrived. */
import { useEffect, useState } from 'react';
import type { HostClient } from '../../shared/host-client.ts';
import type { TimingFeed } from './timing-text.ts';

/** The console's clock, ms (Date.now; tests drive their own). */
export type Clock = () => number;

/** Follows the host's timing view; null until the first one arrives. */
export function useTiming(client: HostClient, clock: Clock): TimingFeed | null {
  const [feed, setFeed] = useState<TimingFeed | null>(null);
  useEffect(() => {
    const off = client.onTiming((view) => setFeed({ view, receivedAt: clock() }));
    return () => {
      off();
    };
  }, [client, clock]);
  return feed;
}

/** The console's clock, read again every `intervalMs` (a render each time). */
export function useTicking(clock: Clock, intervalMs = 1000): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), intervalMs);
    return () => clearInterval(timer);
  }, [clock, intervalMs]);
  return now;
}

/**
 * The host's role as it pushes it (issue 20: primary or standby, epoch, peer, how far behind),
 * with the moment it arrived, and the three requests the operator makes of the two hosts.
 * Refusals are kept as the host words them, next to the control that asked.
 */
import { useCallback, useEffect, useState } from 'react';
import type { HostRoleView } from '../../../shared/protocol/host-role.ts';
import type { ClientMessage } from '../../../shared/protocol/messages.ts';
import { refused, type Reply } from '../../../shared/protocol/reply.ts';
import { replyOf } from '../../../shared/protocol/socket.ts';
import type { HostClient } from '../../shared/host-client.ts';
import type { Clock } from '../timing/use-timing.ts';

/** The role view with the console-clock moment it came in (for "last heard", ticking). */
export interface HostRoleFeed {
  readonly view: HostRoleView;
  readonly receivedAt: number;
}

/** What the operator asks of the two hosts. */
export type HostAction = 'follow' | 'takeover' | 'rejoin';

/** The host's role and the requests about it. */
export interface HostRole {
  /** Null until the host says its role (a host without a standby says nothing). */
  readonly feed: HostRoleFeed | null;
  /** The last refusal of a host request, verbatim, with the request it answered. */
  readonly refusal: { readonly action: HostAction; readonly error: string } | null;
  /** A request is on its way (its buttons wait). */
  readonly sending: boolean;
  /** Run as the standby of the primary at `primary` (http://HOST:PORT), with its control token. */
  readonly follow: (primary: string, token: string) => Promise<Reply>;
  /** Take over as primary; `force` while the primary is still heard (asked twice first). */
  readonly takeOver: (force: boolean) => Promise<Reply>;
  /** A deposed host follows the new primary again. */
  readonly rejoin: () => Promise<Reply>;
}

/** Follows the host's role pushes and sends the host requests. */
export function useHostRole(client: HostClient, clock: Clock): HostRole {
  const [feed, setFeed] = useState<HostRoleFeed | null>(null);
  const [refusal, setRefusal] = useState<HostRole['refusal']>(null);
  const [sending, setSending] = useState(false);
  useEffect(() => {
    const off = client.onHost((view) => setFeed({ view, receivedAt: clock() }));
    return () => {
      off();
    };
  }, [client, clock]);

  const request = useCallback(
    async (action: HostAction, message: ClientMessage): Promise<Reply> => {
      setSending(true);
      try {
        const answer = await client.send(message);
        const reply =
          answer.type === 'ack' || answer.type === 'error'
            ? replyOf(answer)
            : refused(500, `the host answered with a "${answer.type}" message`);
        setRefusal(reply.ok ? null : { action, error: reply.error });
        return reply;
      } finally {
        setSending(false);
      }
    },
    [client],
  );

  return {
    feed,
    refusal,
    sending,
    follow: (primary, token) =>
      request('follow', { type: 'host', action: 'follow', primary, token }),
    takeOver: (force) =>
      request('takeover', { type: 'host', action: 'takeover', ...(force ? { force } : {}) }),
    rejoin: () => request('rejoin', { type: 'host', action: 'rejoin' }),
  };
}

/**
 * The console's link to the race host: the pushed state, the connection, commands in flight,
 * the last refusal, and the journal of the race on screen (fetched again on each revision).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ClientMessage } from '../../shared/protocol/messages.ts';
import type { ProgramCommand } from '../../shared/protocol/program.ts';
import type { HostSnapshotMessage } from '../../shared/protocol/snapshot.ts';
import type { JournalEntry, RaceCommand } from '../../shared/race/events.ts';
import type { ConnectionState, HostClient } from '../shared/host-client.ts';
import { localTime } from './journal.ts';

/** How a request ended: accepted, or refused with the host's words and HTTP-style status. */
export type Outcome =
  { readonly ok: true } | { readonly ok: false; readonly status: number; readonly error: string };

/** The newest refusal, with the control it came from. */
export interface LastError {
  /** Local clock time it came in, "15:07:42". */
  readonly time: string;
  readonly origin: string;
  readonly status: number;
  readonly error: string;
}

/** A race's journal as the host sent it. */
export interface JournalState {
  readonly raceId: string;
  readonly revision: number;
  readonly entries: readonly JournalEntry[];
  readonly voided: readonly number[];
}

/** A race request from the console: one command or a batch, with the revision seen for corrections. */
export interface RaceRequestInput {
  readonly commands: readonly RaceCommand[];
  readonly revision?: number;
}

/** Everything the console knows about the host, and the ways to talk to it. */
export interface HostSession {
  readonly snapshot: HostSnapshotMessage | null;
  readonly connection: ConnectionState;
  readonly pending: number;
  readonly lastError: LastError | null;
  readonly journal: JournalState | null;
  /** Sends commands to the race on screen; `origin` names the control for the error line. */
  readonly race: (request: RaceRequestInput, origin: string) => Promise<Outcome>;
  readonly program: (command: ProgramCommand, origin: string) => Promise<Outcome>;
}

/** Connects the console to a host client. */
export function useHost(client: HostClient): HostSession {
  const [snapshot, setSnapshot] = useState<HostSnapshotMessage | null>(null);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [pending, setPending] = useState(0);
  const [lastError, setLastError] = useState<LastError | null>(null);
  const [journal, setJournal] = useState<JournalState | null>(null);

  useEffect(() => {
    // A pushed state proves the socket is open, even if its 'open' came before we listened.
    const offState = client.onState((next) => {
      setSnapshot(next);
      setConnection((state) => (state === 'connecting' ? 'open' : state));
    });
    const offConnection = client.onConnection(setConnection);
    return () => {
      offState();
      offConnection();
    };
  }, [client]);

  const request = useCallback(
    async (message: ClientMessage, origin: string): Promise<Outcome> => {
      setPending((count) => count + 1);
      try {
        const reply = await client.send(message);
        if (reply.type === 'error') {
          setLastError({
            time: localTime(new Date().toISOString()),
            origin,
            status: reply.status,
            error: reply.error,
          });
          return { ok: false, status: reply.status, error: reply.error };
        }
        return { ok: true };
      } finally {
        setPending((count) => count - 1);
      }
    },
    [client],
  );

  const raceId = snapshot?.race?.id ?? null;
  const revision = snapshot?.race?.revision ?? null;
  const open = connection === 'open';
  useEffect(() => {
    if (raceId === null || revision === null || !open) return;
    let current = true;
    void client.send({ type: 'journal', race: raceId }).then((message) => {
      const reply = message;
      if (!current || reply.type !== 'journal') return;
      setJournal({ raceId, revision, entries: reply.entries, voided: reply.voided });
    });
    return () => {
      current = false;
    };
  }, [client, raceId, revision, open]);

  const race = useCallback(
    (input: RaceRequestInput, origin: string): Promise<Outcome> => {
      const id = raceId;
      if (!id) return Promise.resolve({ ok: false, status: 404, error: 'no race is active' });
      const withRevision = input.revision === undefined ? {} : { revision: input.revision };
      const message: ClientMessage =
        input.commands.length === 1
          ? { type: 'command', race: id, command: input.commands[0], ...withRevision }
          : { type: 'batch', race: id, commands: input.commands, ...withRevision };
      return request(message, origin);
    },
    [request, raceId],
  );

  const program = useCallback(
    (command: ProgramCommand, origin: string) => request({ type: 'program', command }, origin),
    [request],
  );

  const shownJournal = journal && journal.raceId === raceId ? journal : null;
  return { snapshot, connection, pending, lastError, journal: shownJournal, race, program };
}

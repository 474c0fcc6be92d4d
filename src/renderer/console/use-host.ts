/**
 * The console's link to the race host: the pushed state, the connection, commands in flight,
 * the last refusal, commands that never reached the host ("not sent", kept until the operator
 * sends them again or dismisses them), and the journal of the race on screen (fetched again
 * on each revision).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientMessage } from '../../shared/protocol/messages.ts';
import type { ProgramCommand } from '../../shared/protocol/program.ts';
import type { HostSnapshotMessage } from '../../shared/protocol/snapshot.ts';
import type { JournalEntry, RaceCommand } from '../../shared/race/events.ts';
import type { ConnectionState, HostClient } from '../shared/host-client.ts';
import { localTime } from './journal.ts';
import { describeCommands, describeProgramCommand, type Unsent } from './unsent.ts';

/**
 * How a request ended: accepted (with the journal entries it wrote, for race commands), or
 * refused with the host's words and HTTP-style status (0: it never reached the host, or the
 * connection went before the answer).
 */
export type Outcome =
  | {
      readonly ok: true;
      readonly entries?: readonly JournalEntry[];
      readonly raceRevision?: number;
    }
  | { readonly ok: false; readonly status: number; readonly error: string };

/** How a race request is sent. */
export interface SendOptions {
  /**
   * Whether a request that cannot reach the host goes on the "not sent" list (default). The
   * entry line says no: it keeps the text and its own "not sent" line, and Enter sends it again.
   */
  readonly listUnsent?: boolean;
}

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
  /** Commands that did not reach the host (or got no answer), oldest first. */
  readonly unsent: readonly Unsent[];
  /** Sends commands to the race on screen; `origin` names the control for the error line. */
  readonly race: (
    request: RaceRequestInput,
    origin: string,
    options?: SendOptions,
  ) => Promise<Outcome>;
  readonly program: (command: ProgramCommand, origin: string) => Promise<Outcome>;
  /** Sends a "not sent" command again, as it was (the operator's deliberate choice). */
  readonly resend: (id: number) => Promise<Outcome>;
  /** Takes a "not sent" command off the list (null: all of them). */
  readonly dismiss: (id: number | null) => void;
}

/** Connects the console to a host client. */
export function useHost(client: HostClient): HostSession {
  const [snapshot, setSnapshot] = useState<HostSnapshotMessage | null>(null);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [pending, setPending] = useState(0);
  const [lastError, setLastError] = useState<LastError | null>(null);
  const [journal, setJournal] = useState<JournalState | null>(null);
  const [unsent, setUnsent] = useState<readonly Unsent[]>([]);
  const nextUnsent = useRef(1);
  // Read at the moment of a send (not a render later): was the request ever on the wire?
  const connectionNow = useRef<ConnectionState>('connecting');

  useEffect(() => {
    // A pushed state proves the socket is open, even if its 'open' came before we listened.
    const offState = client.onState((next) => {
      setSnapshot(next);
      if (connectionNow.current === 'connecting') connectionNow.current = 'open';
      setConnection((state) => (state === 'connecting' ? 'open' : state));
    });
    const offConnection = client.onConnection((state) => {
      connectionNow.current = state;
      setConnection(state);
    });
    return () => {
      offState();
      offConnection();
    };
  }, [client]);

  const request = useCallback(
    async (
      message: ClientMessage,
      origin: string,
      what: string,
      listUnsent = true,
    ): Promise<Outcome> => {
      const time = localTime(new Date().toISOString());
      const wasOpen = connectionNow.current === 'open';
      setPending((count) => count + 1);
      try {
        const reply = await client.send(message);
        if (reply.type === 'error') {
          setLastError({ time, origin, status: reply.status, error: reply.error });
          if (reply.status === 0 && listUnsent) {
            const id = nextUnsent.current++;
            const item: Unsent = {
              id,
              time,
              origin,
              what,
              error: reply.error,
              unanswered: wasOpen,
              message,
              sending: false,
              refused: null,
            };
            setUnsent((list) => [...list, item]);
          }
          return { ok: false, status: reply.status, error: reply.error };
        }
        if (reply.type === 'ack')
          return {
            ok: true,
            ...(reply.entries ? { entries: reply.entries } : {}),
            ...(reply.raceRevision === undefined ? {} : { raceRevision: reply.raceRevision }),
          };
        return { ok: true };
      } finally {
        setPending((count) => count - 1);
      }
    },
    [client],
  );

  const update = (id: number, change: Partial<Unsent>) =>
    setUnsent((list) => list.map((item) => (item.id === id ? { ...item, ...change } : item)));
  const resend = async (id: number): Promise<Outcome> => {
    const item = unsent.find((candidate) => candidate.id === id);
    if (!item || item.sending || item.refused !== null)
      return { ok: false, status: 400, error: 'nothing to send again' };
    update(id, { sending: true });
    const outcome = await request(item.message, item.origin, item.what, false);
    if (outcome.ok) setUnsent((list) => list.filter((candidate) => candidate.id !== id));
    else if (outcome.status === 0) update(id, { sending: false, error: outcome.error });
    else update(id, { sending: false, refused: outcome.error });
    return outcome;
  };
  const dismiss = (id: number | null) =>
    setUnsent((list) => (id === null ? [] : list.filter((item) => item.id !== id)));

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
    (input: RaceRequestInput, origin: string, options: SendOptions = {}): Promise<Outcome> => {
      const id = raceId;
      if (!id) return Promise.resolve({ ok: false, status: 404, error: 'no race is active' });
      const withRevision = input.revision === undefined ? {} : { revision: input.revision };
      const [only] = input.commands;
      const message: ClientMessage =
        input.commands.length === 1 && only
          ? { type: 'command', race: id, command: only, ...withRevision }
          : { type: 'batch', race: id, commands: input.commands, ...withRevision };
      return request(message, origin, describeCommands(input.commands), options.listUnsent);
    },
    [request, raceId],
  );

  const program = useCallback(
    (command: ProgramCommand, origin: string) =>
      request({ type: 'program', command }, origin, describeProgramCommand(command)),
    [request],
  );

  const shownJournal = journal && journal.raceId === raceId ? journal : null;
  return {
    snapshot,
    connection,
    pending,
    lastError,
    journal: shownJournal,
    unsent,
    race,
    program,
    resend,
    dismiss,
  };
}

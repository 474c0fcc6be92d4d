/**
 * The console's link to the race host: the pushed state, the connection, commands in flight,
 * the last refusal, commands that never reached the host ("not sent", kept until the operator
 * sends them again or dismisses them), and the journal of the race on screen (pushed by the
 * host with each state: the console is a journal follower, main.tsx).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientMessage, ServerMessage } from '../../../shared/protocol/messages.ts';
import type { ProgramCommand } from '../../../shared/protocol/program.ts';
import { refused, type Reply } from '../../../shared/protocol/reply.ts';
import type { HostSnapshotMessage } from '../../../shared/protocol/snapshot.ts';
import { replyOf } from '../../../shared/protocol/socket.ts';
import type { RaceCommand } from '../../../shared/race/events.ts';
import type { ConnectionState, HostClient } from '../../shared/host-client.ts';
import type { JournalCopy } from '../../shared/journal-feed.ts';
import { localTime } from '../../shared/local-time.ts';
import { describeCommands, describeProgramCommand, type Unsent } from './unsent.ts';

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

/** A race request from the console: one command or a batch, with the revision seen for corrections. */
export interface RaceRequestInput {
  readonly commands: readonly RaceCommand[];
  readonly revision?: number;
}

/** Sends race commands for the race on screen; answers with the host's Reply. */
export type SendRace = (request: RaceRequestInput) => Promise<Reply>;

/** Sends a program command; answers with the host's Reply. */
export type SendProgram = (command: ProgramCommand) => Promise<Reply>;

/** The Reply a host message carries (status 0: the client never got it to the host). */
function replyFrom(message: ServerMessage): Reply {
  if (message.type === 'ack' || message.type === 'error') return replyOf(message);
  return refused(500, `the host answered with a "${message.type}" message`);
}

/** Everything the console knows about the host, and the ways to talk to it. */
export interface HostSession {
  readonly snapshot: HostSnapshotMessage | null;
  readonly connection: ConnectionState;
  readonly pending: number;
  readonly lastError: LastError | null;
  /** The race on screen's journal as last pushed (null until the first push for it). */
  readonly journal: JournalCopy | null;
  /** Commands that did not reach the host (or got no answer), oldest first. */
  readonly unsent: readonly Unsent[];
  /** Sends commands to the race on screen; `origin` names the control for the error line. */
  readonly race: (
    request: RaceRequestInput,
    origin: string,
    options?: SendOptions,
  ) => Promise<Reply>;
  /** A program command; with `revision`, refused (409) if the program changed since. */
  readonly program: (command: ProgramCommand, origin: string, revision?: number) => Promise<Reply>;
  /**
   * Accepts (with a corrected order) or dismisses a timing proposal; not listed as not sent
   * (the entry line shows it: a proposal taken late may be closed by then).
   */
  readonly timing: (
    action: 'accept' | 'dismiss',
    proposal: string,
    bibs: readonly number[] | undefined,
    origin: string,
  ) => Promise<Reply>;
  /** Sends a "not sent" command again, as it was (the operator's deliberate choice). */
  readonly resend: (id: number) => Promise<Reply>;
  /** Takes a "not sent" command off the list (null: all of them). */
  readonly dismiss: (id: number | null) => void;
}

/** Connects the console to a host client. */
export function useHost(client: HostClient): HostSession {
  const [snapshot, setSnapshot] = useState<HostSnapshotMessage | null>(null);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [pending, setPending] = useState(0);
  const [lastError, setLastError] = useState<LastError | null>(null);
  const [journal, setJournal] = useState<JournalCopy | null>(null);
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
    // The host pushes the journal with the state that grew it: no request per revision.
    const offJournal = client.onJournal(setJournal);
    return () => {
      offState();
      offConnection();
      offJournal();
    };
  }, [client]);

  const request = useCallback(
    async (
      message: ClientMessage,
      origin: string,
      what: string,
      listUnsent = true,
    ): Promise<Reply> => {
      const time = localTime(new Date().toISOString());
      const wasOpen = connectionNow.current === 'open';
      setPending((count) => count + 1);
      try {
        const reply = replyFrom(await client.send(message));
        if (!reply.ok) {
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
        }
        return reply;
      } finally {
        setPending((count) => count - 1);
      }
    },
    [client],
  );

  const update = (id: number, change: Partial<Unsent>) =>
    setUnsent((list) => list.map((item) => (item.id === id ? { ...item, ...change } : item)));
  const resend = async (id: number): Promise<Reply> => {
    const item = unsent.find((candidate) => candidate.id === id);
    if (!item || item.sending || item.refused !== null)
      return refused(400, 'nothing to send again');
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
  const raceState = snapshot?.race?.state ?? null;

  const race = useCallback(
    (input: RaceRequestInput, origin: string, options: SendOptions = {}): Promise<Reply> => {
      const id = raceId;
      if (!id) return Promise.resolve(refused(404, 'no race is active'));
      const withRevision = input.revision === undefined ? {} : { revision: input.revision };
      const [only] = input.commands;
      const message: ClientMessage =
        input.commands.length === 1 && only
          ? { type: 'command', race: id, command: only, ...withRevision }
          : { type: 'batch', race: id, commands: input.commands, ...withRevision };
      const what = describeCommands(input.commands, raceState);
      return request(message, origin, what, options.listUnsent);
    },
    [request, raceId, raceState],
  );

  const program = useCallback(
    (command: ProgramCommand, origin: string, revision?: number) =>
      request(
        { type: 'program', command, ...(revision === undefined ? {} : { revision }) },
        origin,
        describeProgramCommand(command),
      ),
    [request],
  );

  const timing = useCallback(
    (
      action: 'accept' | 'dismiss',
      proposal: string,
      bibs: readonly number[] | undefined,
      origin: string,
    ) =>
      request(
        { type: 'timing', action, proposal, ...(bibs ? { bibs } : {}) },
        origin,
        `timing: ${action} ${proposal}`,
        false,
      ),
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
    timing,
    resend,
    dismiss,
  };
}

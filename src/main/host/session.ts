import type { RaceRequest } from '../../shared/protocol/commands.ts';
import type { JournalEntry } from '../../shared/race/events.ts';
import { refused, type Reply } from '../../shared/protocol/reply.ts';
import {
  parseHostRequest,
  replyMessage,
  type HostRequest,
  type RequestId,
  type SocketMessage,
} from '../../shared/protocol/socket.ts';
import { FanOut, type StateSink } from './fan-out.ts';
import type { TimingView } from '../../shared/timing/view.ts';
import type { RaceHost } from './host.ts';

/** What a caller may do: send commands (control) or only read and follow (view). */
export type Role = 'control' | 'view';

/** Who sends a request: its role, and the source stamped on every journal entry it makes. */
export interface Caller {
  readonly role: Role;
  /** `ipc`, `ws`, `http`, `osc`, `menu`, `rehearsal`, later `timing`. */
  readonly source: string;
}

/** The answer to a request: a Reply, a journal, or (subscribe) the state itself. */
export type SessionAnswer =
  | { readonly kind: 'reply'; readonly reply: Reply }
  | {
      readonly kind: 'journal';
      readonly raceId: string;
      readonly entries: readonly JournalEntry[];
      readonly voided: readonly number[];
    }
  | { readonly kind: 'following'; readonly warning: Reply | null };

/** The timing feed as the session sees it (src/main/timing/timing-service.ts). */
export interface TimingHandler {
  act(request: Extract<HostRequest, { type: 'timing' }>): Promise<Reply>;
  view(): TimingView;
}

const viewOnly = refused(
  403,
  'the view token may only read and subscribe: use the control token to send commands',
);

/**
 * The host as every transport sees it: one parse (src/shared/protocol/socket.ts), one
 * authorization rule, one reply shape, one fan-out of states. The WebSocket route, the
 * Electron IPC adapter, the HTTP routes and OSC are thin adapters around it.
 */
export class HostSession {
  /** Where states go, for every transport's views. */
  readonly fanOut: FanOut;
  private timing: TimingHandler | null = null;

  constructor(
    readonly host: RaceHost,
    private readonly log: (line: string) => void = () => undefined,
    options: { readonly patches?: boolean } = {},
  ) {
    this.fanOut = new FanOut(host, options.patches ?? true);
  }

  /**
   * Reads and answers one client message (a WebSocket frame's JSON, an IPC payload): the
   * message to send back, or null when the state itself is the answer. Never throws.
   */
  async receive(value: unknown, caller: Caller, sink?: StateSink): Promise<SocketMessage | null> {
    const parsed = parseHostRequest(value);
    if (!parsed.ok) return replyMessage(refused(400, parsed.error), parsed.id);
    const { request } = parsed;
    const id = 'id' in request ? request.id : undefined;
    return answerMessage(await this.answer(request, caller, sink), id);
  }

  /** Answers a parsed request. `sink` is the caller's view, for subscribe. Never throws. */
  async answer(request: HostRequest, caller: Caller, sink?: StateSink): Promise<SessionAnswer> {
    const { host } = this;
    try {
      switch (request.type) {
        case 'subscribe': {
          const race = request.race ?? null;
          if (!sink) return reply(refused(400, 'subscribe: this transport cannot follow a race'));
          this.fanOut.follow(sink, race, { journal: request.journal ?? false });
          const warning =
            race === null || host.race(race)
              ? null
              : refused(
                  404,
                  `race "${race.slice(0, 100)}" is not in the program (yet): following it anyway, race is null until it is added`,
                );
          return { kind: 'following', warning };
        }
        case 'journal': {
          const journal = host.journal(request.race);
          if (!journal) return reply(refused(404, `race "${request.race}" is not in the program`));
          return { kind: 'journal', raceId: request.race, ...journal };
        }
        case 'program':
          if (caller.role !== 'control') return reply(viewOnly);
          return reply(await host.programCommand(request.command, caller.source, request.revision));
        case 'command':
        case 'batch': {
          if (caller.role !== 'control') return reply(viewOnly);
          const withRevision = request.revision === undefined ? {} : { revision: request.revision };
          const raceRequest: RaceRequest =
            request.type === 'command'
              ? { kind: 'single', command: request.command, ...withRevision }
              : { kind: 'batch', commands: request.commands, ...withRevision };
          return reply(await host.submit(raceRequest, caller.source, request.race ?? undefined));
        }
        case 'timing':
          if (caller.role !== 'control') return reply(viewOnly);
          if (!this.timing)
            return reply(
              refused(404, 'no timing feed in this host: timing proposals come from a decoder'),
            );
          return reply(await this.timing.act(request));
      }
    } catch (cause) {
      this.log(
        `${caller.source} ${request.type} failed: ${(cause as Error).stack ?? String(cause)}`,
      );
      return reply(refused(500, `internal error: ${(cause as Error).message}`));
    }
  }

  /** Plugs the timing feed in (one per host); its proposals are then accepted through here. */
  attachTiming(handler: TimingHandler | null): void {
    this.timing = handler;
  }

  /** The timing feed's view (null: no feed in this host). */
  timingView(): TimingView | null {
    return this.timing?.view() ?? null;
  }

  /** Stops the fan-out (the host stays open). */
  close(): void {
    this.fanOut.close();
  }
}

const reply = (answer: Reply): SessionAnswer => ({ kind: 'reply', reply: answer });

/** A session answer as the message a socket or window gets (null: the state answers). */
export function answerMessage(answer: SessionAnswer, id?: RequestId): SocketMessage | null {
  const withId = id === undefined ? {} : { id };
  switch (answer.kind) {
    case 'reply':
      return replyMessage(answer.reply, id);
    case 'journal':
      return {
        type: 'journal',
        ...withId,
        raceId: answer.raceId,
        entries: answer.entries,
        voided: answer.voided,
      };
    case 'following':
      return answer.warning ? replyMessage(answer.warning) : null;
  }
}

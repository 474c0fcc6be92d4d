import type { GapsView } from '../../shared/timing/gaps-view.ts';
import type { RaceRequest } from '../../shared/protocol/commands.ts';
import type { JournalEntry } from '../../shared/race/events.ts';
import { refused, type Refused, type Reply } from '../../shared/protocol/reply.ts';
import {
  parseHostRequest,
  replyMessage,
  type HostRequest,
  type RequestId,
  type SocketMessage,
} from '../../shared/protocol/socket.ts';
import type { Channel, StateSink } from './channel.ts';
import {
  channelVersion,
  gapsName,
  hostName,
  journalName,
  knownValueName,
  stateName,
  timingName,
} from '../../shared/protocol/channel.ts';
import type { TimingView } from '../../shared/timing/view.ts';
import type { RaceHost } from './host.ts';
import type { StandbyControl, StandbyReplication } from '../standby/control.ts';

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
  /** The active race's groups and gaps (issue 21); null without a tracked race. */
  gaps(): GapsView | null;
  /** Called each time the groups and gaps change. */
  onGaps(listener: (gaps: GapsView) => void): () => void;
}

const none = (): void => undefined;

const viewOnly = refused(
  403,
  'the view token may only read and subscribe: use the control token to send commands',
);

/**
 * What a subscribe follows: the view state of a race (null: the active one), with `journal` its
 * journal and the timing view (the console). Protocol 1 (no `v`): the `state` message alone.
 */
export function subscribedNames(race: string | null, journal: boolean): string[] {
  const names = journal ? [stateName(race), journalName(race), timingName] : [stateName(race)];
  // Every view knows the host's role and peer (issue 20), to follow the primary, and the groups
  // on the ice (issue 21: published only while a decoder reports passings).
  return [...names, hostName, gapsName];
}

/**
 * The host as every transport sees it: one parse (src/shared/protocol/socket.ts), one
 * authorization rule, one reply shape, one channel of values. The WebSocket route, the
 * Electron IPC adapter, the HTTP routes and OSC are thin adapters around it.
 */
export class HostSession {
  /** The replication channel every transport's views follow (the host's). */
  readonly channel: Channel;
  private timing: TimingHandler | null = null;

  constructor(
    readonly host: RaceHost,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.channel = host.channel;
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

  /**
   * Answers a parsed request. `sink` is the caller's view, for subscribe. Never throws. Every
   * reply carries the host's epoch (issue 20), so a client can tell a deposed primary's.
   */
  async answer(request: HostRequest, caller: Caller, sink?: StateSink): Promise<SessionAnswer> {
    const answer = await this.answerRequest(request, caller, sink);
    if (answer.kind !== 'reply') return answer;
    return { kind: 'reply', reply: { ...answer.reply, epoch: this.host.programData.epoch } };
  }

  private async answerRequest(
    request: HostRequest,
    caller: Caller,
    sink?: StateSink,
  ): Promise<SessionAnswer> {
    const { host } = this;
    try {
      switch (request.type) {
        case 'subscribe': {
          const race = request.race ?? null;
          if (!sink) return reply(refused(400, 'subscribe: this transport cannot follow a race'));
          const legacy = request.v !== channelVersion;
          // Protocol 1 knows one message, `state`: the other values would arrive dressed as one.
          const names = legacy
            ? [stateName(race)]
            : subscribedNames(race, request.journal ?? false);
          this.follow(sink, names, { legacy, replace: true });
          const warning =
            race === null || host.race(race)
              ? null
              : refused(
                  404,
                  `race "${race.slice(0, 100)}" is not in the program (yet): following it anyway, race is null until it is added`,
                );
          return { kind: 'following', warning };
        }
        case 'follow': {
          if (!sink) return reply(refused(400, 'follow: this transport cannot follow values'));
          const unknown = request.names.find((name) => !knownValueName(name));
          if (unknown !== undefined)
            return reply(
              refused(
                400,
                `names: unknown value "${unknown.slice(0, 100)}" (known: state, state/RACE, journal, journal/RACE, timing, gaps, program-file, host)`,
              ),
            );
          this.follow(sink, request.names, {});
          return { kind: 'following', warning: null };
        }
        case 'replicated': {
          if (caller.role !== 'control') return reply(viewOnly);
          if (!sink || !this.standby)
            return reply(
              refused(400, 'replicated: only a standby following on the channel acknowledges'),
            );
          this.standby.acknowledged(sink, request.acked, request.standby);
          return { kind: 'following', warning: null };
        }
        case 'journal': {
          const journal = host.journal(request.race);
          if (!journal) return reply(refused(404, `race "${request.race}" is not in the program`));
          return { kind: 'journal', raceId: request.race, ...journal };
        }
        case 'program': {
          const refusal = await this.commandRefusal(caller);
          if (refusal) return reply(refusal);
          return reply(await host.programCommand(request.command, caller.source, request.revision));
        }
        case 'command':
        case 'batch': {
          const refusal = await this.commandRefusal(caller);
          if (refusal) return reply(refusal);
          const withRevision = request.revision === undefined ? {} : { revision: request.revision };
          const raceRequest: RaceRequest =
            request.type === 'command'
              ? { kind: 'single', command: request.command, ...withRevision }
              : { kind: 'batch', commands: request.commands, ...withRevision };
          return reply(await host.submit(raceRequest, caller.source, request.race ?? undefined));
        }
        case 'host': {
          if (caller.role !== 'control') return reply(viewOnly);
          const control = this.standby;
          if (!control) return reply(refused(404, 'this host has no standby control'));
          if (request.action === 'takeover')
            return reply(await control.takeOver({ force: request.force ?? false }));
          if (request.action === 'rejoin') return reply(await control.rejoin());
          if (!request.primary || !request.token)
            return reply(
              refused(
                400,
                "follow: give the primary's address (primary) and its control token (token)",
              ),
            );
          return reply(await control.follow(request.primary, request.token));
        }
        case 'timing': {
          const refusal = await this.commandRefusal(caller);
          if (refusal) return reply(refusal);
          if (!this.timing)
            return reply(
              refused(404, 'no timing feed in this host: timing proposals come from a decoder'),
            );
          return reply(await this.timing.act(request));
        }
      }
    } catch (cause) {
      this.log(
        `${caller.source} ${request.type} failed: ${(cause as Error).stack ?? String(cause)}`,
      );
      return reply(refused(500, `internal error: ${(cause as Error).message}`));
    }
  }

  /** Plugs the two-host controls in (src/main/standby/roles.ts). */
  attachStandby(control: (StandbyControl & StandbyReplication) | null): void {
    this.standby = control;
  }

  private standby: (StandbyControl & StandbyReplication) | null = null;

  /** The two-host controls (null: none attached). */
  get standbyControl(): StandbyControl | null {
    return this.standby;
  }

  /** Plugs the timing feed in (one per host); its proposals are then accepted through here. */
  attachTiming(handler: TimingHandler | null): void {
    this.detachGaps();
    this.timing = handler;
    this.detachGaps = handler?.onGaps((gaps) => this.gapsListeners.forEach((l) => l(gaps))) ?? none;
  }

  private detachGaps: () => void = none;
  private readonly gapsListeners = new Set<(gaps: GapsView) => void>();

  /** The active race's groups and gaps from the loop (issue 21); null without a timing feed. */
  gaps(): GapsView | null {
    return this.timing?.gaps() ?? null;
  }

  /** Called each time the groups and gaps change (the feeds' event streams, issue 21). */
  onGaps(listener: (gaps: GapsView) => void): () => void {
    this.gapsListeners.add(listener);
    return () => this.gapsListeners.delete(listener);
  }

  /** The timing feed's view (null: no feed in this host). */
  timingView(): TimingView | null {
    return this.timing?.view() ?? null;
  }

  /** Stops this session's followers (the host and its channel stay open). */
  close(): void {
    this.closed = true;
    for (const sink of this.sinks) this.channel.remove(sink);
    this.sinks.clear();
  }

  private closed = false;
  private readonly sinks = new Set<StateSink>();

  /** Stops a sink's values (closed, unsubscribed). */
  unfollow(sink: StateSink): void {
    this.sinks.delete(sink);
    this.channel.remove(sink);
    this.standby?.socketClosed(sink);
  }

  /** Why this caller may not change the race now: a view token, or the host's guard. */
  private async commandRefusal(caller: Caller): Promise<Refused | null> {
    if (caller.role !== 'control') return viewOnly;
    return (await this.guard?.()) ?? null;
  }

  /** A rule every command passes first (a standby refuses them all: issue 20); null: none. */
  useGuard(guard: (() => Promise<Refused | null>) | null): void {
    this.guard = guard;
  }

  private guard: (() => Promise<Refused | null>) | null = null;

  /** Makes a sink follow names; names the host has not published yet are published first. */
  follow(
    sink: StateSink,
    names: readonly string[],
    options: { readonly legacy?: boolean; readonly replace?: boolean },
  ): void {
    if (this.closed) return;
    this.sinks.add(sink);
    // Published first, so the follower gets each value as it is now (a view nobody followed
    // may be held at an older revision, or not at all).
    this.host.publishAll(names);
    this.channel.follow(sink, names, options);
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

import { z } from 'zod';
import type { JournalEntry } from '../race/events.ts';
import { forbiddenFieldProblem, strictObject } from '../unknown-fields.ts';
import { describeIssues } from '../validation.ts';
import { parseProgramCommand, parseRaceCommand, RequestError } from './commands.ts';
import type { RaceView } from '../race/view.ts';
import type { ProgramView } from './program.ts';
import type { Accepted, Refused, Reply } from './reply.ts';
import { bibSchema } from '../race/events.ts';
import type { TimingMessage } from '../timing/view.ts';
import type { ValueMessage } from './channel.ts';

/** A client's own id for a request; echoed in the reply so it can match them. */
const requestId = z.union([z.string().max(200), z.number()]);
export type RequestId = z.output<typeof requestId>;

const raceRef = z.string().min(1, 'race: expected a race id').max(64);
const revision = z.number().int('expected a whole number').min(0).optional();

/**
 * A payload checked by one of the typed command parsers (commands.ts), inside this one
 * schema: the parse that reads a request's envelope also types its commands, and a bad
 * command is named by the parser's own words (`command.bibs[1]: ...`), not prefixed again.
 */
const parsedBy = <T>(parse: (value: unknown) => T) =>
  z.unknown().transform((value, context): T => {
    try {
      return parse(value);
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      context.issues.push({
        code: 'custom',
        message: error.message,
        input: value,
        params: { placed: true },
      });
      return z.NEVER;
    }
  });

const commands = parsedBy((value) => {
  if (!Array.isArray(value) || value.length === 0 || value.length > 500)
    throw new RequestError('commands: expected a list of 1 to 500 commands');
  return value.map((command, index) => parseRaceCommand(command, `commands[${index}]`));
});

/**
 * Every request a client may send, over any transport (WebSocket frames, Electron IPC; HTTP
 * routes build the same requests): one schema, one parse, typed command payloads. Strict
 * (issue 17): an unknown field, or a `__proto__` anywhere, is refused with its path named.
 */
export const hostRequestSchema = z.discriminatedUnion('type', [
  /** Follow a race (null or absent: whichever race is active); `journal`: push its journal too. */
  strictObject({
    type: z.literal('subscribe'),
    id: requestId.optional(),
    race: raceRef.nullable().optional(),
    journal: z.boolean().optional(),
    /** 2: the replication channel's `value` messages (issue 20); absent: the `state` message alone. */
    v: z.literal(2).optional(),
  }),
  /** Follow more values of the channel by name (protocol 2): each is sent whole at once. */
  strictObject({
    type: z.literal('follow'),
    id: requestId.optional(),
    names: z.array(z.string().min(1).max(100)).min(1).max(200),
  }),
  /** One race command (control token). */
  strictObject({
    type: z.literal('command'),
    id: requestId.optional(),
    race: raceRef.nullable().optional(),
    command: parsedBy((value) => parseRaceCommand(value, 'command')),
    revision,
  }),
  /** An all-or-nothing list of race commands (control token). */
  strictObject({
    type: z.literal('batch'),
    id: requestId.optional(),
    race: raceRef.nullable().optional(),
    commands,
    revision,
  }),
  /** A program command (control token), optionally against the program revision. */
  strictObject({
    type: z.literal('program'),
    id: requestId.optional(),
    command: parsedBy(parseProgramCommand),
    revision,
  }),
  /** A race's journal (view token). */
  strictObject({ type: z.literal('journal'), id: requestId.optional(), race: raceRef }),
  /**
   * The two hosts (issue 20, control token): become the standby of a primary (`follow`, its
   * address and control token), take over as primary (`takeover`; `force` while the primary is
   * still heard), or follow the new primary again after being deposed (`rejoin`).
   */
  strictObject({
    type: z.literal('host'),
    id: requestId.optional(),
    action: z.enum(['follow', 'takeover', 'rejoin']),
    primary: z
      .string()
      .max(300)
      .regex(/^https?:\/\/[^/\s]+\/?$/, "primary: expected the primary's address, http://HOST:PORT")
      .optional(),
    token: z.string().min(1).max(200).optional(),
    force: z.boolean().optional(),
  }),
  /**
   * A standby has these values on disk (issue 20, control token): name -> revision; `standby` is
   * its own address, so the primary and every view know where it serves.
   */
  strictObject({
    type: z.literal('replicated'),
    id: requestId.optional(),
    acked: z.record(z.string().max(100), z.number().int().min(0)),
    standby: z
      .string()
      .max(300)
      .regex(/^https?:\/\/[^/\s]+$/)
      .optional(),
  }),
  /**
   * Accept or dismiss a timing proposal (control token; src/shared/timing/tracker.ts): `bibs`
   * accepts a sprint or finish order corrected by the operator instead of the proposed one.
   */
  strictObject({
    type: z.literal('timing'),
    id: requestId.optional(),
    action: z.enum(['accept', 'dismiss']),
    proposal: z.string().min(1, 'proposal: expected a proposal id such as "sprint-2"').max(64),
    bibs: z.array(bibSchema).min(1).max(200).optional(),
  }),
]);
export type HostRequest = z.output<typeof hostRequestSchema>;

/** Every request type a client may send. */
export const hostRequestTypes: readonly string[] = hostRequestSchema.options.map(
  (option) => option.shape.type.value,
);

/** The id a client gave, when it is usable, so even an error reply can name its request. */
export function requestIdOf(value: unknown): RequestId | undefined {
  const id = (value as { id?: unknown } | null)?.id;
  return (typeof id === 'string' && id.length <= 200) ||
    (typeof id === 'number' && Number.isFinite(id))
    ? id
    : undefined;
}

/** A request read from a client, or the refusal naming what is wrong with it. */
export type ParsedRequest =
  | { readonly ok: true; readonly request: HostRequest }
  | { readonly ok: false; readonly id?: RequestId; readonly error: string };

/** Reads one client message (already JSON-decoded): the one parse of every request. */
export function parseHostRequest(value: unknown): ParsedRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      error: `expected a JSON object with a "type" (${hostRequestTypes.join(', ')})`,
    };
  }
  const id = requestIdOf(value);
  const withId = id === undefined ? {} : { id };
  const forbidden = forbiddenFieldProblem(value);
  if (forbidden !== null) return { ok: false, ...withId, error: forbidden };
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !hostRequestTypes.includes(type)) {
    const what =
      typeof type === 'string'
        ? `unknown message type "${type.slice(0, 100)}"`
        : 'type: missing message type';
    return { ok: false, ...withId, error: `${what} (known: ${hostRequestTypes.join(', ')})` };
  }
  const parsed = hostRequestSchema.safeParse(value);
  if (!parsed.success) return { ok: false, ...withId, error: describeIssues(parsed.error) };
  return { ok: true, request: parsed.data };
}

/** The full state a view shows: sent on connect, on subscribe and after every change. */
export interface StateMessage {
  readonly type: 'state';
  readonly revision: number;
  readonly program: ProgramView;
  readonly race: RaceView | null;
}

/** An accepted command or program command: the host's Reply as a message. */
export type AckMessage = Accepted & { readonly type: 'ack'; readonly id?: RequestId };

/** A refused or unreadable message: the host's Reply as a message (`status` as in reply.ts). */
export type ErrorMessage = Refused & { readonly type: 'error'; readonly id?: RequestId };

/** A race's journal, with the entries that voids took out. */
export interface JournalMessage {
  readonly type: 'journal';
  readonly id?: RequestId;
  readonly raceId: string;
  readonly entries: readonly JournalEntry[];
  readonly voided: readonly number[];
}

/** A Reply as the message that carries it. */
export function replyMessage(reply: Reply, id?: RequestId): AckMessage | ErrorMessage {
  const withId = id === undefined ? {} : { id };
  return reply.ok ? { type: 'ack', ...withId, ...reply } : { type: 'error', ...withId, ...reply };
}

/** The Reply a message carries (what a client hands its view). */
export function replyOf(message: AckMessage | ErrorMessage): Reply {
  const { type: _type, id: _id, ...reply } = message;
  return reply;
}

/** Everything the host sends over the WebSocket. */
export type SocketMessage =
  StateMessage | AckMessage | JournalMessage | ErrorMessage | TimingMessage | ValueMessage;

import { z } from 'zod';
import {
  raceActionTypes,
  raceCommandSchema,
  raceEventSchema,
  type RaceCommand,
} from '../race/events.ts';
import { describeIssues } from '../validation.ts';
import { programCommandSchema, type ProgramCommand } from './program.ts';

/** A request to a race: one command or an all-or-nothing batch, optionally against a revision. */
export type RaceRequest =
  | { readonly kind: 'single'; readonly command: RaceCommand; readonly revision?: number }
  | {
      readonly kind: 'batch';
      readonly commands: readonly RaceCommand[];
      readonly revision?: number;
    };

/** Bad input from a client; the message says what is wrong. */
export class RequestError extends Error {
  override readonly name = 'RequestError';
}

const raceTypes = raceCommandSchema.options.flatMap((option) =>
  'options' in option ? option.options.map((o) => o.shape.type.value) : [option.shape.type.value],
);
const programTypes = programCommandSchema.options.map((option) => option.shape.type.value);

/** Every race command type, for errors and docs. */
export const raceCommandTypes: readonly string[] = raceTypes;
/** Every program command type. */
export const programCommandTypes: readonly string[] = programTypes;

function parseTyped<T>(
  value: unknown,
  schema: z.ZodType<T>,
  known: readonly string[],
  what: string,
  root: string,
): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RequestError(`${root || what}: expected an object with a "type"`);
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string')
    throw new RequestError(`${root ? `${root}.` : ''}type: missing ${what} type`);
  if (!known.includes(type)) {
    throw new RequestError(`unknown ${what} type "${type}" (known: ${known.join(', ')})`);
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new RequestError(describeIssues(result.error, root));
  return result.data;
}

/** Validates one race command, with an error that names the field. */
export function parseRaceCommand(value: unknown, root = ''): RaceCommand {
  const type = (value as { type?: unknown } | null)?.type;
  // Events parse by their own schema, so a wrong field names itself (not a vague union error).
  const schema = (raceActionTypes as readonly unknown[]).includes(type)
    ? raceCommandSchema
    : raceEventSchema;
  return parseTyped(value, schema, raceTypes, 'command', root);
}

/** Validates one program command. */
export function parseProgramCommand(value: unknown): ProgramCommand {
  return parseTyped(value, programCommandSchema, programTypes, 'program command', '');
}

const revisionSchema = z.number().int().min(0).optional();

/** Reads a request body: a bare command, `{command, revision}`, or `{commands: [...], revision}`. */
export function parseRaceRequest(body: unknown): RaceRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RequestError(
      'expected a JSON object: a command, {"command": ...} or {"commands": [...]}',
    );
  }
  const envelope = body as { command?: unknown; commands?: unknown; revision?: unknown };
  const revision = revisionSchema.safeParse(envelope.revision);
  if (!revision.success) throw new RequestError('revision: expected a whole number');
  const withRevision = revision.data === undefined ? {} : { revision: revision.data };
  if ('commands' in envelope) {
    if (
      !Array.isArray(envelope.commands) ||
      envelope.commands.length === 0 ||
      envelope.commands.length > 500
    ) {
      throw new RequestError('commands: expected a list of 1 to 500 commands');
    }
    const commands = envelope.commands.map((command, index) =>
      parseRaceCommand(command, `commands[${index}]`),
    );
    return { kind: 'batch', commands, ...withRevision };
  }
  if ('command' in envelope)
    return {
      kind: 'single',
      command: parseRaceCommand(envelope.command, 'command'),
      ...withRevision,
    };
  return { kind: 'single', command: parseRaceCommand(body), ...withRevision };
}

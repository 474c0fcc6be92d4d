import { z } from 'zod';
import { raceCommandSchema, type RaceCommand } from '../race/events.ts';
import { forbiddenFieldProblem, strictObject } from '../unknown-fields.ts';
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
  refuseForbiddenFields(value, root);
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

/** Refuses a request holding `__proto__`, `constructor` or `prototype` anywhere (issue 17). */
function refuseForbiddenFields(value: unknown, root = ''): void {
  const problem = forbiddenFieldProblem(value, root);
  if (problem !== null) throw new RequestError(problem);
}

/** Checks an envelope's own fields (the command inside is checked by its own parse). */
function checkEnvelope(schema: z.ZodType, body: unknown): void {
  const result = schema.safeParse(body);
  if (!result.success) throw new RequestError(describeIssues(result.error));
}

/** The fields of each envelope: anything else is refused as an unknown field. */
const singleEnvelope = strictObject({
  command: z.unknown().optional(),
  revision: z.unknown().optional(),
});
const batchEnvelope = strictObject({
  commands: z.unknown().optional(),
  revision: z.unknown().optional(),
});

/** Validates one race command, with an error that names the field. */
export function parseRaceCommand(value: unknown, root = ''): RaceCommand {
  return parseTyped(value, raceCommandSchema, raceTypes, 'command', root);
}

/** Validates one program command, with an error that names the field. */
export function parseProgramCommand(value: unknown): ProgramCommand {
  return parseTyped(value, programCommandSchema, programTypes, 'program command', '');
}

const revisionSchema = z.number().int().min(0).optional();

/**
 * Reads a request body: a bare command, `{command, revision}`, or `{commands: [...], revision}`
 * (a bare command may carry `revision` beside its own fields). Every field is known (issue 17).
 */
export function parseRaceRequest(body: unknown): RaceRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RequestError(
      'expected a JSON object: a command, {"command": ...} or {"commands": [...]}',
    );
  }
  refuseForbiddenFields(body);
  const envelope = body as { command?: unknown; commands?: unknown; revision?: unknown };
  const revision = revisionSchema.safeParse(envelope.revision);
  if (!revision.success) throw new RequestError('revision: expected a whole number');
  const withRevision = revision.data === undefined ? {} : { revision: revision.data };
  if ('commands' in envelope) {
    checkEnvelope(batchEnvelope, envelope);
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
  if ('command' in envelope) {
    checkEnvelope(singleEnvelope, envelope);
    return {
      kind: 'single',
      command: parseRaceCommand(envelope.command, 'command'),
      ...withRevision,
    };
  }
  const { revision: _revision, ...command } = envelope;
  return { kind: 'single', command: parseRaceCommand(command), ...withRevision };
}

/** A program command read from an HTTP body, with the program revision it was sent against. */
export interface ProgramRequest {
  readonly command: ProgramCommand;
  readonly revision?: number;
}

/** Reads a program request body: a bare program command or `{command, revision}`. */
export function parseProgramRequest(body: unknown): ProgramRequest {
  const envelope = body as { command?: unknown; revision?: unknown } | null;
  if (envelope && typeof envelope === 'object' && 'command' in envelope && !('type' in envelope)) {
    refuseForbiddenFields(envelope);
    checkEnvelope(singleEnvelope, envelope);
    const revision = revisionSchema.safeParse(envelope.revision);
    if (!revision.success) throw new RequestError('revision: expected a whole number');
    const command = parseProgramCommand(envelope.command);
    return revision.data === undefined ? { command } : { command, revision: revision.data };
  }
  return { command: parseProgramCommand(body) };
}

/**
 * OSC addresses for Bitfocus Companion / Stream Deck buttons. Every message acts on the active
 * race (or on the program); ints may arrive as integral floats or numeric strings, words
 * (status, scene, element) match case-insensitively. A bundle is all or nothing (osc-datagram.ts):
 * its race commands go to the host as one batch; a program command comes alone.
 *
 * | Address                | Arguments                                           | Does                                  |
 * | ---------------------- | --------------------------------------------------- | ------------------------------------- |
 * | `/massstart/lap`       | –                                                   | the leader crossed the line           |
 * | `/massstart/start`     | –                                                   | start the race                        |
 * | `/massstart/undo`      | –                                                   | undo the last change                  |
 * | `/massstart/redo`      | –                                                   | redo what was undone                  |
 * | `/massstart/sprint`    | `n:int bib:int [bib:int ...]`                       | placings of intermediate sprint n     |
 * | `/massstart/finish`    | `bib:int [bib:int ...]`                             | append to the finish order            |
 * | `/massstart/status`    | `bib:int DNF\|DQ\|DNS\|LAPPED\|OK:string [laps:int]` | change a skater's status              |
 * | `/massstart/advance`   | `bib:int`                                           | referee advances a skater (q)         |
 * | `/massstart/confirm`   | –                                                   | confirm the results                   |
 * | `/massstart/scene`     | `blank\|startList\|live\|sprint\|results:string`      | what the venue board shows            |
 * | `/massstart/overlay`   | `lapsToGo\|standings\|sprint\|result\|needs:string 0\|1:int` | show (1) or hide (0) an overlay part |
 * | `/massstart/auto`      | `board\|overlay:string 0\|1:int`                     | auto mode of an output on (1) or off  |
 * | `/massstart/race`      | `raceId:string`                                     | make a race the active one            |
 *
 * The server answers the sender with `/massstart/ok <revision:int>` or `/massstart/error <reason:string>`.
 */
import type { OscArgOutputOrArray } from 'osc-min';
import {
  parseProgramCommand,
  parseRaceCommand,
  RequestError,
} from '../../shared/protocol/commands.ts';
import {
  boardSceneSchema,
  outputSchema,
  overlayElementSchema,
  type ProgramCommand,
} from '../../shared/protocol/program.ts';
import { skaterStatusSchema, type RaceCommand } from '../../shared/race/events.ts';

/** What an OSC message asks the host to do. */
export type OscAction =
  | { readonly kind: 'race'; readonly command: RaceCommand }
  | { readonly kind: 'program'; readonly command: ProgramCommand };

/** One decoded OSC argument, as osc-min gives it. */
export type OscArg = OscArgOutputOrArray;

/** The prefix of every address. */
export const oscPrefix = '/massstart';

interface Route {
  readonly usage: string;
  readonly build: (args: ArgReader) => OscAction;
}

/** Reads the arguments of one message in order; every error names the address and usage. */
class ArgReader {
  private index = 0;

  constructor(
    private readonly address: string,
    private readonly usage: string,
    private readonly args: readonly OscArg[],
  ) {}

  fail(reason: string): never {
    const usage = this.usage ? ` ${this.usage}` : ' (no arguments)';
    throw new RequestError(`${this.address}: ${reason}; usage: ${this.address}${usage}`);
  }

  get remaining(): number {
    return this.args.length - this.index;
  }

  int(name: string): number {
    const arg = this.next(name);
    const value = wholeNumber(arg);
    if (value === null)
      this.fail(`argument ${this.index} (${name}) must be a whole number, got ${describe(arg)}`);
    return value;
  }

  string(name: string): string {
    const arg = this.next(name);
    if (arg.type === 'string' || arg.type === 'symbol' || arg.type === 'character')
      return arg.value;
    return this.fail(`argument ${this.index} (${name}) must be a string, got ${describe(arg)}`);
  }

  /** One of `options`, matched case-insensitively and returned as spelled there. */
  choice<T extends string>(name: string, options: readonly T[]): T {
    const text = this.string(name).trim();
    const found = options.find((option) => option.toLowerCase() === text.toLowerCase());
    if (found === undefined)
      this.fail(
        `argument ${this.index} (${name}) must be one of ${options.join(', ')}, got "${text}"`,
      );
    return found;
  }

  flag(name: string): boolean {
    const arg = this.next(name);
    if (arg.type === 'true' || arg.type === 'false') return arg.value;
    const value = wholeNumber(arg);
    if (value !== 0 && value !== 1)
      this.fail(`argument ${this.index} (${name}) must be 0 or 1, got ${describe(arg)}`);
    return value === 1;
  }

  optionalInt(name: string): number | undefined {
    return this.remaining > 0 ? this.int(name) : undefined;
  }

  ints(name: string): number[] {
    if (this.remaining === 0) this.fail(`expected at least one ${name}`);
    const values: number[] = [];
    while (this.remaining > 0) values.push(this.int(name));
    return values;
  }

  end(): void {
    if (this.remaining > 0)
      this.fail(
        `expected ${this.index} argument${this.index === 1 ? '' : 's'}, got ${this.args.length}`,
      );
  }

  private next(name: string): OscArg {
    const arg = this.args[this.index];
    if (!arg) this.fail(`missing argument ${this.index + 1} (${name})`);
    this.index += 1;
    return arg;
  }
}

/** An integer from an int, an integral float/double, a small bigint or a numeric string; else null. */
function wholeNumber(arg: OscArg): number | null {
  switch (arg.type) {
    case 'integer':
      return arg.value;
    case 'float':
    case 'double':
      return Number.isInteger(arg.value) ? arg.value : null;
    case 'bigint':
      return arg.value >= BigInt(Number.MIN_SAFE_INTEGER) &&
        arg.value <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(arg.value)
        : null;
    case 'string':
    case 'symbol':
      return /^\s*[+-]?\d{1,15}(\.0*)?\s*$/.test(arg.value) ? Number(arg.value) : null;
    default:
      return null;
  }
}

function describe(arg: OscArg): string {
  if (arg.type === 'string' || arg.type === 'symbol') return `${arg.type} "${arg.value}"`;
  if (
    arg.type === 'integer' ||
    arg.type === 'float' ||
    arg.type === 'double' ||
    arg.type === 'bigint'
  )
    return `${arg.type} ${arg.value}`;
  return arg.type;
}

/** Checks that no argument is left over, then validates the command. */
const race = (args: ArgReader, command: unknown): OscAction => (
  args.end(),
  { kind: 'race', command: parseRaceCommand(command) }
);
const program = (args: ArgReader, command: unknown): OscAction => (
  args.end(),
  { kind: 'program', command: parseProgramCommand(command) }
);
const bare = (type: string): Route => ({ usage: '', build: (args) => race(args, { type }) });

const routes: Readonly<Record<string, Route>> = {
  lap: bare('lap/completed'),
  start: bare('race/started'),
  undo: bare('undo'),
  redo: bare('redo'),
  sprint: {
    usage: '<n:int> <bib:int> [bib ...]',
    build: (args) =>
      race(args, {
        type: 'sprint/placed',
        sprint: args.int('sprint number'),
        bibs: args.ints('bib'),
      }),
  },
  finish: {
    usage: '<bib:int> [bib ...]',
    build: (args) => race(args, { type: 'finish/appended', bibs: args.ints('bib') }),
  },
  status: {
    usage: '<bib:int> <DNF|DQ|DNS|LAPPED|OK:string> [laps:int]',
    build: (args) => {
      const bib = args.int('bib');
      const status = args.choice('status', skaterStatusSchema.options);
      const laps = args.optionalInt('laps');
      return race(args, {
        type: 'skater/statusChanged',
        bib,
        status,
        ...(laps === undefined ? {} : { laps }),
      });
    },
  },
  advance: {
    usage: '<bib:int>',
    build: (args) => race(args, { type: 'qualifier/advanced', bib: args.int('bib') }),
  },
  confirm: bare('results/confirmed'),
  scene: {
    usage: '<blank|startList|live|sprint|results:string>',
    build: (args) =>
      program(args, {
        type: 'scene/shown',
        output: 'board',
        scene: args.choice('scene', boardSceneSchema.options),
      }),
  },
  overlay: {
    usage: `<${overlayElementSchema.options.join('|')}:string> <0|1:int>`,
    build: (args) =>
      program(args, {
        type: 'overlay/toggled',
        element: args.choice('element', overlayElementSchema.options),
        visible: args.flag('visible'),
      }),
  },
  auto: {
    usage: '<board|overlay:string> <0|1:int>',
    build: (args) =>
      program(args, {
        type: 'output/auto',
        output: args.choice('output', outputSchema.options),
        auto: args.flag('auto'),
      }),
  },
  race: {
    usage: '<raceId:string>',
    build: (args) =>
      program(args, { type: 'race/activated', raceId: args.string('raceId').trim() }),
  },
};

/** Every address the server understands, with its argument usage. */
export const oscAddresses: readonly { readonly address: string; readonly usage: string }[] =
  Object.entries(routes).map(([name, route]) => ({
    address: `${oscPrefix}/${name}`,
    usage: route.usage,
  }));

/** Maps one OSC message to a validated host action; throws a RequestError saying why not. */
export function oscToAction(address: string, args: readonly OscArg[]): OscAction {
  const name = address.startsWith(`${oscPrefix}/`) ? address.slice(oscPrefix.length + 1) : null;
  const route = name !== null && Object.hasOwn(routes, name) ? routes[name] : undefined;
  if (!route) {
    throw new RequestError(
      `unknown OSC address "${address}" (known: ${oscAddresses.map((known) => known.address).join(', ')})`,
    );
  }
  try {
    return route.build(new ArgReader(address, route.usage, args));
  } catch (error) {
    if (error instanceof RequestError && !error.message.startsWith(`${address}:`))
      throw new RequestError(`${address}: ${error.message}`);
    throw error;
  }
}

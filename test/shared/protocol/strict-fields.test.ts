import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  parseProgramCommand,
  parseProgramRequest,
  parseRaceRequest,
} from '../../../src/shared/protocol/commands.ts';
import { programCommandSchema } from '../../../src/shared/protocol/program.ts';
import { hostRequestSchema, parseHostRequest } from '../../../src/shared/protocol/socket.ts';
import { raceCommandSchema, type JournalEntry } from '../../../src/shared/race/events.ts';
import { isu2018 } from '../../../src/shared/race/format.ts';
import { skaters } from '../../support/race.ts';

const forbidden = '(__proto__, constructor and prototype are never accepted)';
const recorded: JournalEntry = {
  seq: 1,
  at: '2026-02-21T12:00:00.000Z',
  source: 'console',
  event: { type: 'race/started' },
};

/** Requests a client may send with one field wrong, and the refusal each must get. */
const unknownFields: [string, unknown, string][] = [
  [
    'a DNF with "lap" for "laps" (issue 17)',
    { type: 'command', command: { type: 'skater/statusChanged', bib: 11, status: 'DNF', lap: 9 } },
    'command.lap: unknown field "lap" (did you mean "laps"?)',
  ],
  [
    'sprint placings under "bib"',
    { type: 'command', command: { type: 'sprint/placed', sprint: 1, bib: [1] } },
    'command.bibs: missing (expected array)\ncommand.bib: unknown field "bib" (did you mean "bibs"?)',
  ],
  [
    'an undo with a count',
    { type: 'command', command: { type: 'undo', count: 2 } },
    'command.count: unknown field "count"',
  ],
  [
    'a custom format with "sprintLap"',
    {
      type: 'command',
      command: {
        type: 'race/configured',
        title: 'Semi 1',
        round: 'semi',
        format: { ...isu2018, sprintLap: [4] },
      },
    },
    'command.format.sprintLap: unknown field "sprintLap" (did you mean "sprintLaps"?)',
  ],
  [
    'a skater of a start list with "nationality"',
    {
      type: 'command',
      command: {
        type: 'startList/set',
        skaters: [skaters(2)[0], { bib: 2, name: 'B', nationality: 'NED' }],
      },
    },
    'command.skaters[1].nationality: unknown field "nationality" (did you mean "nation"?)',
  ],
  [
    'a skater edit with "fistName"',
    { type: 'command', command: { type: 'skater/edited', bib: 3, fistName: 'Ada' } },
    'command.fistName: unknown field "fistName" (did you mean "firstName"?)',
  ],
  [
    'the second command of a batch',
    {
      type: 'batch',
      commands: [{ type: 'lap/completed' }, { type: 'finish/timed', bib: 1, tme: 1000 }],
    },
    'commands[1].time: missing (expected number)\ncommands[1].tme: unknown field "tme" (did you mean "time"?)',
  ],
  [
    'a race with "qualifier"',
    {
      type: 'program',
      command: { type: 'race/added', title: 'Semi 1', round: 'semi', qualifier: 8 },
    },
    'qualifier: unknown field "qualifier" (did you mean "qualifiers"?)',
  ],
  [
    'a custom format of a new race',
    {
      type: 'program',
      command: {
        type: 'race/added',
        title: 'Final',
        round: 'final',
        format: { ...isu2018, lappedSkater: 'pull' },
      },
    },
    'format.lappedSkater: unknown field "lappedSkater" (did you mean "lappedSkaters"?)',
  ],
  [
    'a display change with "langauge" (a partial schema)',
    { type: 'program', command: { type: 'display/configured', langauge: 'nl' } },
    'langauge: unknown field "langauge" (did you mean "language"?)',
  ],
  [
    'a timing change with "minLap" (a partial schema)',
    { type: 'program', command: { type: 'timing/configured', minLap: 25 } },
    'minLap: unknown field "minLap" (did you mean "minLapSeconds"?)',
  ],
  [
    'a recorded journal line with a key of its own',
    {
      type: 'program',
      command: {
        type: 'rehearsal/started',
        recording: [recorded, { ...recorded, seq: 2, event: { type: 'lap/completed', by: 'x' } }],
      },
    },
    'recording[1].event.by: unknown field "by"',
  ],
  [
    'a scene change with "scence"',
    { type: 'program', command: { type: 'scene/shown', output: 'board', scence: 'live' } },
    'scene: Invalid option: expected one of "blank"|"startList"|"live"|"sprint"|"results"\nscence: unknown field "scence" (did you mean "scene"?)',
  ],
  [
    'the envelope: "comand"',
    { type: 'command', comand: { type: 'lap' } },
    'command: expected an object with a "type"\ncomand: unknown field "comand" (did you mean "command"?)',
  ],
  [
    'the envelope: "revison"',
    { type: 'command', command: { type: 'lap' }, revison: 3 },
    'revison: unknown field "revison" (did you mean "revision"?)',
  ],
  [
    'a subscribe with "rcae"',
    { type: 'subscribe', rcae: 'men-semi-1' },
    'rcae: unknown field "rcae" (did you mean "race"?)',
  ],
  [
    'a timing proposal accepted with "bib"',
    { type: 'timing', action: 'accept', proposal: 'sprint-1', bib: [3] },
    'bib: unknown field "bib" (did you mean "bibs"?)',
  ],
];

describe('every request is strict: an unknown field is refused and named (issue 17)', () => {
  it.each(unknownFields)('%s', (_what, request, error) => {
    expect(parseHostRequest(request)).toEqual({ ok: false, error });
  });

  it('keeps the id of a refused request, so the client can match the refusal', () => {
    expect(parseHostRequest({ type: 'command', id: 'm7', command: { type: 'lap', x: 1 } })).toEqual(
      { ok: false, id: 'm7', error: 'command.x: unknown field "x"' },
    );
  });

  it('still accepts each request written right, with the id on a subscribe too', () => {
    expect(parseHostRequest({ type: 'subscribe', id: 'm1', race: null })).toMatchObject({
      ok: true,
    });
    expect(
      parseHostRequest({
        type: 'command',
        command: { type: 'skater/statusChanged', bib: 11, status: 'DNF', laps: 9 },
      }),
    ).toEqual({
      ok: true,
      request: {
        type: 'command',
        command: { type: 'skater/statusChanged', bib: 11, status: 'DNF', laps: 9 },
      },
    });
  });
});

describe('HTTP bodies: the same words, envelopes strict too', () => {
  it.each([
    [
      { type: 'skater/statusChanged', bib: 11, status: 'DNF', lap: 9 },
      'lap: unknown field "lap" (did you mean "laps"?)',
    ],
    [
      { command: { type: 'lap' }, revison: 3 },
      'revison: unknown field "revison" (did you mean "revision"?)',
    ],
    [
      { commands: [{ type: 'lap' }], comands: [] },
      'comands: unknown field "comands" (did you mean "commands"?)',
    ],
    [{ command: { type: 'lap', laps: 1 } }, 'command.laps: unknown field "laps"'],
  ])('race request %j', (body, error) => {
    expect(() => parseRaceRequest(body)).toThrow(error);
  });

  it('a bare command may carry the revision beside its own fields', () => {
    expect(parseRaceRequest({ type: 'lap/completed', revision: 4 })).toEqual({
      kind: 'single',
      command: { type: 'lap/completed' },
      revision: 4,
    });
  });

  it('a program request: bare, or {command, revision}, each strict', () => {
    expect(parseProgramRequest({ command: { type: 'rehearsal/stopped' }, revision: 2 })).toEqual({
      command: { type: 'rehearsal/stopped' },
      revision: 2,
    });
    expect(() =>
      parseProgramRequest({ command: { type: 'rehearsal/stopped' }, revison: 2 }),
    ).toThrow('revison: unknown field "revison" (did you mean "revision"?)');
    expect(() =>
      parseProgramRequest({ command: { type: 'rehearsal/stopped' }, revision: -1 }),
    ).toThrow('revision: expected a whole number');
    expect(() => parseProgramRequest({ type: 'rehearsal/stopped', revision: 2 })).toThrow(
      'revision: unknown field "revision"',
    );
  });
});

describe('__proto__, constructor and prototype are refused at their path on every parse', () => {
  const json = (text: string): unknown => JSON.parse(text);
  it.each([
    [
      '{"type":"command","command":{"type":"lap","__proto__":{"x":1}}}',
      `command.__proto__: forbidden field "__proto__" ${forbidden}`,
    ],
    [
      '{"type":"command","command":{"type":"startList/set","skaters":[{"bib":1,"name":"A","__proto__":{}}]}}',
      `command.skaters[0].__proto__: forbidden field "__proto__" ${forbidden}`,
    ],
    [
      '{"type":"batch","commands":[{"type":"lap"},{"type":"lap","constructor":{"prototype":{"x":1}}}]}',
      `commands[1].constructor: forbidden field "constructor" ${forbidden}`,
    ],
    [
      '{"type":"program","command":{"type":"display/configured","prototype":1}}',
      `command.prototype: forbidden field "prototype" ${forbidden}`,
    ],
    [
      '{"type":"subscribe","__proto__":null}',
      `__proto__: forbidden field "__proto__" ${forbidden}`,
    ],
  ])('WebSocket and IPC: %s', (text, error) => {
    expect(parseHostRequest(json(text))).toEqual({ ok: false, error });
    // Electron's structured clone keeps the key as an own field, as JSON.parse does.
    expect(parseHostRequest(structuredClone(json(text)))).toEqual({ ok: false, error });
  });

  it('HTTP bodies and OSC-built commands go through the same check', () => {
    expect(() => parseRaceRequest(json('{"commands":[{"type":"lap","__proto__":{}}]}'))).toThrow(
      `commands[0].__proto__: forbidden field "__proto__" ${forbidden}`,
    );
    expect(() => parseRaceRequest(json('{"type":"lap","constructor":1}'))).toThrow(
      `constructor: forbidden field "constructor" ${forbidden}`,
    );
    expect(() =>
      parseProgramRequest(json('{"command":{"type":"rehearsal/stopped"},"__proto__":{}}')),
    ).toThrow(`__proto__: forbidden field "__proto__" ${forbidden}`);
    expect(() =>
      parseProgramCommand(json('{"type":"meeting/renamed","name":"x","__proto__":{}}')),
    ).toThrow(`__proto__: forbidden field "__proto__" ${forbidden}`);
  });
});

describe('settings changes stay partial and strict', () => {
  it('a change holds only the settings sent (no defaults filled in)', () => {
    expect(parseProgramCommand({ type: 'display/configured', language: 'nl' })).toEqual({
      type: 'display/configured',
      language: 'nl',
    });
    expect(parseProgramCommand({ type: 'timing/configured', autoLaps: true })).toEqual({
      type: 'timing/configured',
      autoLaps: true,
    });
  });
});

/** Every object schema inside a schema (through unions, arrays, optionals, defaults, pipes). */
function objectsIn(schema: z.core.$ZodType, seen = new Set<z.core.$ZodType>()): z.ZodObject[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown>;
  const children: unknown[] = [
    def.innerType,
    def.element,
    def.in,
    def.out,
    def.keyType,
    def.valueType,
    def.rest,
    ...((def.options as unknown[] | undefined) ?? []),
    ...((def.items as unknown[] | undefined) ?? []),
    ...Object.values((def.shape as Record<string, unknown> | undefined) ?? {}),
  ];
  const inner = children
    .filter(
      (child): child is z.core.$ZodType =>
        typeof child === 'object' && child !== null && '_zod' in child,
    )
    .flatMap((child) => objectsIn(child, seen));
  return def.type === 'object' ? [schema as z.ZodObject, ...inner] : inner;
}

describe('no object a client can send is left lenient', () => {
  it.each([
    ['race commands', raceCommandSchema],
    ['program commands', programCommandSchema],
    ['request envelopes', hostRequestSchema],
  ] as const)('every object of the %s is strict', (_what, schema) => {
    const objects = objectsIn(schema);
    expect(objects.length).toBeGreaterThan(5);
    const lenient = objects
      .filter((object) => object._zod.def.catchall?._zod.def.type !== 'never')
      .map((object) => Object.keys(object.shape).join(','));
    expect(lenient).toEqual([]);
  });
});

import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  closestField,
  forbiddenFieldProblem,
  leavingOutUnknownFields,
  strictObject,
  unknownFieldsMessage,
} from '../../src/shared/unknown-fields.ts';
import { describeFirstIssue, describeIssues } from '../../src/shared/validation.ts';

describe('closestField: the "did you mean" of an unknown field', () => {
  const known = ['type', 'bib', 'status', 'laps', 'firstName', 'transponder', 'lapsCompleted'];
  it.each([
    ['lap', 'laps'], // a prefix, one edit
    ['lasp', 'laps'], // a swap is two edits
    ['stauts', 'status'],
    ['firstname', 'firstName'], // case is not a typo
    ['FIRST_NAME', 'firstName'],
    ['trans', 'transponder'], // an abbreviation
    ['transponderCode', 'transponder'], // the known field begins the key
    ['bibs', 'bib'],
    ['lapsCompletd', 'lapsCompleted'],
    ['x', null], // two edits from "id" would be everything
    ['colour', null],
    ['ty', null], // too short for a prefix; two edits is the whole key
  ])('%s → %s', (key, expected) => {
    expect(closestField(key, known)).toBe(expected);
  });

  it('takes the nearest of several close fields, the first on a tie', () => {
    expect(closestField('lapz', ['laps', 'lap'])).toBe('laps');
    expect(closestField('lap', ['laps', 'lapsCompleted'])).toBe('laps');
  });

  it('words one or several unknown fields, each with its suggestion, a long key cut short', () => {
    expect(unknownFieldsMessage(['lap'], ['laps'])).toBe(
      'unknown field "lap" (did you mean "laps"?)',
    );
    expect(unknownFieldsMessage(['lap', 'colour'], ['laps'])).toBe(
      'unknown fields "lap" (did you mean "laps"?), "colour"',
    );
    expect(unknownFieldsMessage(['k'.repeat(5000)], ['laps'])).toBe(
      `unknown field "${'k'.repeat(100)}…"`,
    );
  });
});

describe('strictObject: an unknown field is refused and named at its place', () => {
  const skater = strictObject({ bib: z.number(), laps: z.number().optional() });
  const list = strictObject({ title: z.string(), skaters: z.array(skater) });

  it('names the field with the path of the object it is in', () => {
    const error = list.safeParse({
      title: 'Semi',
      skaters: [{ bib: 1 }, { bib: 2, lap: 9 }],
    }).error!;
    expect(describeIssues(error)).toBe(
      'skaters[1].lap: unknown field "lap" (did you mean "laps"?)',
    );
    expect(describeIssues(error, 'command')).toBe(
      'command.skaters[1].lap: unknown field "lap" (did you mean "laps"?)',
    );
  });

  it('lists several unknown fields of one object at the object', () => {
    const error = skater.safeParse({ bib: 1, lap: 9, colour: 'red' }).error!;
    expect(describeIssues(error)).toBe('unknown fields "lap" (did you mean "laps"?), "colour"');
    expect(describeFirstIssue(error, 'payload')).toBe(
      'payload: unknown fields "lap" (did you mean "laps"?), "colour"',
    );
    expect(describeFirstIssue(skater.safeParse({ bib: 1, lap: 9 }).error!, 'payload')).toBe(
      'lap: unknown field "lap" (did you mean "laps"?)',
    );
  });

  it('stays strict, and suggests from its own fields, after .partial() and .extend()', () => {
    const changes = skater.partial();
    expect(changes.parse({ laps: 3 })).toEqual({ laps: 3 });
    expect(describeIssues(changes.safeParse({ lap: 3 }).error!)).toBe(
      'lap: unknown field "lap" (did you mean "laps"?)',
    );
    const wider = skater.extend({ status: z.string().optional() });
    expect(describeIssues(wider.safeParse({ bib: 1, stats: 'DNF' }).error!)).toBe(
      'stats: unknown field "stats" (did you mean "status"?)',
    );
  });
});

describe('leavingOutUnknownFields: what the host wrote itself is read leniently', () => {
  const entry = strictObject({
    seq: z.number(),
    event: z.discriminatedUnion('type', [
      strictObject({ type: z.literal('skater/statusChanged'), bib: z.number(), laps: z.number() }),
      strictObject({
        type: z.literal('startList/set'),
        skaters: z.array(
          strictObject({ bib: z.number(), name: z.string().min(1, 'name is missing') }),
        ),
      }),
    ]),
  });
  const lenient = leavingOutUnknownFields(entry);

  it('leaves out unknown keys at every depth and reads the rest', () => {
    const line = {
      seq: 4,
      writtenBy: 'v9',
      event: { type: 'startList/set', skaters: [{ bib: 1, name: 'A', club: 'X' }], note: 1 },
    };
    expect(lenient.parse(line)).toEqual({
      seq: 4,
      event: { type: 'startList/set', skaters: [{ bib: 1, name: 'A' }] },
    });
    expect(line.event.skaters[0]).toHaveProperty('club'); // the value read is not changed
  });

  it('still refuses every other problem, named as the strict schema names it', () => {
    const error = lenient.safeParse({
      seq: 4,
      extra: true,
      event: { type: 'startList/set', skaters: [{ bib: 1, name: '' }] },
    }).error!;
    expect(describeIssues(error)).toBe('event.skaters[0].name: name is missing');
    expect(lenient.safeParse({ seq: 'four', event: { type: 'nope' } }).success).toBe(false);
  });

  it('keeps its place inside a larger schema', () => {
    const file = z.object({ lines: z.array(lenient) });
    const error = file.safeParse({
      lines: [{ seq: 1, event: { type: 'skater/statusChanged' } }],
    }).error!;
    expect(describeIssues(error)).toBe(
      'lines[0].event.bib: missing (expected number)\nlines[0].event.laps: missing (expected number)',
    );
  });
});

describe('forbiddenFieldProblem: __proto__, constructor and prototype anywhere', () => {
  const parsed = (text: string): unknown => JSON.parse(text);

  it.each([
    ['{"__proto__": {"admin": true}}', '', '__proto__'],
    [
      '{"type": "startList/set", "skaters": [{"bib": 1, "__proto__": {}}]}',
      'command',
      'command.skaters[0].__proto__',
    ],
    [
      '{"commands": [{"type": "lap"}, {"type": "x", "constructor": {"prototype": {}}}]}',
      '',
      'commands[1].constructor',
    ],
    ['{"a": [[{"prototype": 1}]]}', '', 'a[0][0].prototype'],
  ])('%s is refused at its path', (text, root, path) => {
    const key = path.slice(path.lastIndexOf('.') + 1);
    expect(forbiddenFieldProblem(parsed(text), root)).toBe(
      `${path}: forbidden field "${key}" (__proto__, constructor and prototype are never accepted)`,
    );
  });

  it('finds the key in a structured clone (Electron IPC) as in JSON', () => {
    const payload = structuredClone(parsed('{"type": "command", "command": {"__proto__": 1}}'));
    expect(forbiddenFieldProblem(payload)).toMatch(/^command\.__proto__: forbidden field/);
  });

  it('lets the words through as values, and walks a deep junk value without overflowing', () => {
    expect(forbiddenFieldProblem({ name: '__proto__', list: ['constructor', 'prototype'] })).toBe(
      null,
    );
    let deep: unknown = { end: true };
    for (let depth = 0; depth < 100_000; depth++) deep = [deep];
    expect(forbiddenFieldProblem(deep)).toBe(null);
    expect(forbiddenFieldProblem({ deep, constructor: 1 })).toBe(
      'constructor: forbidden field "constructor" (__proto__, constructor and prototype are never accepted)',
    );
  });
});

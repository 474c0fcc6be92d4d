import { describe, expect, it } from 'vitest';
import { oscAddresses, oscToAction, type OscArg } from '../../../src/main/osc/osc-commands.ts';
import { RequestError } from '../../../src/shared/protocol/commands.ts';

const i = (value: number): OscArg => ({ type: 'integer', value });
const f = (value: number): OscArg => ({ type: 'float', value });
const s = (value: string): OscArg => ({ type: 'string', value });

describe('OSC address → host action', () => {
  it.each<[string, OscArg[], unknown]>([
    ['/massstart/lap', [], { kind: 'race', command: { type: 'lap/completed' } }],
    ['/massstart/start', [], { kind: 'race', command: { type: 'race/started' } }],
    ['/massstart/undo', [], { kind: 'race', command: { type: 'undo' } }],
    ['/massstart/redo', [], { kind: 'race', command: { type: 'redo' } }],
    ['/massstart/confirm', [], { kind: 'race', command: { type: 'results/confirmed' } }],
    [
      '/massstart/sprint',
      [i(1), i(12), i(7), i(3)],
      { kind: 'race', command: { type: 'sprint/placed', sprint: 1, bibs: [12, 7, 3] } },
    ],
    [
      '/massstart/sprint',
      [f(2), f(5)],
      { kind: 'race', command: { type: 'sprint/placed', sprint: 2, bibs: [5] } },
    ],
    [
      '/massstart/sprint',
      [s('3'), s(' 4 '), { type: 'double', value: 9 }],
      { kind: 'race', command: { type: 'sprint/placed', sprint: 3, bibs: [4, 9] } },
    ],
    [
      '/massstart/finish',
      [i(4)],
      { kind: 'race', command: { type: 'finish/appended', bibs: [4] } },
    ],
    [
      '/massstart/finish',
      [i(4), f(8), s('11')],
      { kind: 'race', command: { type: 'finish/appended', bibs: [4, 8, 11] } },
    ],
    [
      '/massstart/status',
      [i(5), s('DNF')],
      { kind: 'race', command: { type: 'skater/statusChanged', bib: 5, status: 'DNF' } },
    ],
    [
      '/massstart/status',
      [i(5), s('lapped'), f(9)],
      {
        kind: 'race',
        command: { type: 'skater/statusChanged', bib: 5, status: 'LAPPED', laps: 9 },
      },
    ],
    [
      '/massstart/status',
      [s('5'), s('OK')],
      { kind: 'race', command: { type: 'skater/statusChanged', bib: 5, status: 'OK' } },
    ],
    [
      '/massstart/advance',
      [i(9)],
      { kind: 'race', command: { type: 'qualifier/advanced', bib: 9 } },
    ],
    [
      '/massstart/scene',
      [s('results')],
      { kind: 'program', command: { type: 'scene/shown', output: 'board', scene: 'results' } },
    ],
    [
      '/massstart/scene',
      [{ type: 'symbol', value: 'startlist' }],
      { kind: 'program', command: { type: 'scene/shown', output: 'board', scene: 'startList' } },
    ],
    [
      '/massstart/overlay',
      [s('lapsToGo'), i(1)],
      { kind: 'program', command: { type: 'overlay/toggled', element: 'lapsToGo', visible: true } },
    ],
    [
      '/massstart/overlay',
      [s('standings'), f(0)],
      {
        kind: 'program',
        command: { type: 'overlay/toggled', element: 'standings', visible: false },
      },
    ],
    [
      '/massstart/overlay',
      [s('result'), { type: 'true', value: true }],
      { kind: 'program', command: { type: 'overlay/toggled', element: 'result', visible: true } },
    ],
    [
      '/massstart/overlay',
      [s('needs'), i(1)],
      { kind: 'program', command: { type: 'overlay/toggled', element: 'needs', visible: true } },
    ],
    [
      '/massstart/auto',
      [s('board'), i(0)],
      { kind: 'program', command: { type: 'output/auto', output: 'board', auto: false } },
    ],
    [
      '/massstart/auto',
      [s('Overlay'), i(1)],
      { kind: 'program', command: { type: 'output/auto', output: 'overlay', auto: true } },
    ],
    [
      '/massstart/race',
      [s('men-semi-2')],
      { kind: 'program', command: { type: 'race/activated', raceId: 'men-semi-2' } },
    ],
  ])('%s %j', (address, args, action) => {
    expect(oscToAction(address, args)).toEqual(action);
  });

  it.each<[string, OscArg[], RegExp]>([
    [
      '/massstart/laps',
      [],
      /^unknown OSC address "\/massstart\/laps" \(known: \/massstart\/lap, \/massstart\/start, .*\/massstart\/race\)$/,
    ],
    ['/other/lap', [], /unknown OSC address "\/other\/lap"/],
    ['/massstart/toString', [], /unknown OSC address/],
    [
      '/massstart/lap',
      [i(1)],
      /^\/massstart\/lap: expected 0 arguments, got 1; usage: \/massstart\/lap \(no arguments\)$/,
    ],
    [
      '/massstart/sprint',
      [i(1)],
      /^\/massstart\/sprint: expected at least one bib; usage: \/massstart\/sprint <n:int> <bib:int> \[bib \.\.\.\]$/,
    ],
    ['/massstart/sprint', [], /missing argument 1 \(sprint number\)/],
    [
      '/massstart/sprint',
      [i(1), f(7.5)],
      /argument 2 \(bib\) must be a whole number, got float 7\.5/,
    ],
    [
      '/massstart/sprint',
      [i(1), s('seven')],
      /argument 2 \(bib\) must be a whole number, got string "seven"/,
    ],
    ['/massstart/sprint', [i(1), i(0)], /^\/massstart\/sprint: bibs\[0\]: .*>=1/],
    ['/massstart/finish', [], /expected at least one bib/],
    ['/massstart/status', [i(5)], /missing argument 2 \(status\)/],
    ['/massstart/status', [i(5), i(1)], /argument 2 \(status\) must be a string, got integer 1/],
    [
      '/massstart/status',
      [i(5), s('GONE')],
      /^\/massstart\/status: argument 2 \(status\) must be one of OK, DNS, DNF, DQ, LAPPED, got "GONE"; usage: /,
    ],
    ['/massstart/status', [i(5), s('DNF'), i(3), i(4)], /expected 3 arguments, got 4/],
    ['/massstart/advance', [s('x')], /argument 1 \(bib\) must be a whole number/],
    [
      '/massstart/scene',
      [s('party')],
      /argument 1 \(scene\) must be one of blank, startList, live, sprint, results, got "party"/,
    ],
    ['/massstart/scene', [], /missing argument 1 \(scene\)/],
    [
      '/massstart/overlay',
      [s('lapsToGo'), i(2)],
      /argument 2 \(visible\) must be 0 or 1, got integer 2/,
    ],
    ['/massstart/overlay', [s('lapsToGo')], /missing argument 2 \(visible\)/],
    [
      '/massstart/overlay',
      [s('clock'), i(1)],
      /argument 1 \(element\) must be one of lapsToGo, standings, sprint, result, needs, breakaway, gap, got "clock"; usage: \/massstart\/overlay <lapsToGo\|standings\|sprint\|result\|needs\|breakaway\|gap:string> <0\|1:int>$/,
    ],
    [
      '/massstart/auto',
      [s('screen'), i(1)],
      /argument 1 \(output\) must be one of board, overlay, got "screen"/,
    ],
    ['/massstart/auto', [s('board')], /missing argument 2 \(auto\)/],
    [
      '/massstart/race',
      [s('Semi 1')],
      /^\/massstart\/race: raceId: race ids are lower-case letters, digits and dashes/,
    ],
  ])('refuses %s %j', (address, args, message) => {
    let thrown: unknown;
    try {
      oscToAction(address, args);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RequestError);
    expect((thrown as Error).message).toMatch(message);
  });

  it('lists every address under /massstart/', () => {
    expect(oscAddresses.map((entry) => entry.address)).toEqual(
      [
        'lap',
        'start',
        'undo',
        'redo',
        'sprint',
        'finish',
        'status',
        'advance',
        'confirm',
        'scene',
        'overlay',
        'auto',
        'race',
      ].map((name) => `/massstart/${name}`),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parseProgramCommand, parseRaceRequest } from '../../../src/shared/protocol/commands.ts';
import { parseHostRequest } from '../../../src/shared/protocol/socket.ts';
import { journalEntrySchema } from '../../../src/shared/race/events.ts';
import { isu2018 } from '../../../src/shared/race/format.ts';

// Names are cleaned by the schemas themselves (issue 17), so every transport (HTTP, WebSocket,
// IPC, OSC, a race sheet) stores a name without bidi overrides or other control characters.
const RLO = '\u202E';

describe('names are cleaned wherever they enter a race', () => {
  it('a start list set over any transport', () => {
    const request = parseHostRequest({
      type: 'command',
      command: {
        type: 'startList/set',
        skaters: [
          {
            bib: 1,
            name: `Jorrit ${RLO}amsgreB`,
            firstName: `\u2067Jorrit`,
            lastName: 'Bergsma\u0000',
          },
        ],
      },
    });
    expect(request).toEqual({
      ok: true,
      request: {
        type: 'command',
        command: {
          type: 'startList/set',
          skaters: [
            {
              bib: 1,
              name: 'Jorrit amsgreB',
              firstName: 'Jorrit',
              lastName: 'Bergsma',
              nation: '',
            },
          ],
        },
      },
    });
  });

  it('a skater edit (no warning channel over a transport: the name is cleaned silently)', () => {
    expect(
      parseRaceRequest({
        type: 'skater/edited',
        bib: 4,
        name: `Ada\t\t${RLO}Lovelace`,
        lastName: '',
      }),
    ).toEqual({
      kind: 'single',
      command: { type: 'skater/edited', bib: 4, name: 'Ada Lovelace', lastName: '' },
    });
  });

  it('a name that is empty once cleaned is refused as missing', () => {
    expect(
      parseHostRequest({
        type: 'command',
        command: { type: 'skater/edited', bib: 4, name: `${RLO} \u200F` },
      }),
    ).toEqual({
      ok: false,
      error: 'command.name: name is missing',
    });
    expect(() =>
      parseRaceRequest({ type: 'startList/set', skaters: [{ bib: 1, name: '\u0000' }] }),
    ).toThrow('skaters[0].name: name is missing');
  });

  it('race and meeting titles and categories, drawn on the boards too', () => {
    expect(
      parseRaceRequest({
        type: 'race/configured',
        title: `Men ${RLO}1 imeS`,
        round: 'semi',
        format: isu2018,
      }),
    ).toMatchObject({ command: { title: 'Men 1 imeS' } });
    expect(
      parseProgramCommand({
        type: 'race/added',
        title: `Men\nSemi 1`,
        category: `${RLO}Men`,
        round: 'semi',
      }),
    ).toMatchObject({ title: 'Men Semi 1', category: 'Men' });
    expect(parseProgramCommand({ type: 'meeting/renamed', name: `WC\u0007 Heerenveen` })).toEqual({
      type: 'meeting/renamed',
      name: 'WC Heerenveen',
    });
    expect(() => parseProgramCommand({ type: 'meeting/renamed', name: RLO })).toThrow(/^name: /);
  });

  it('a journal line read back holds the cleaned name too', () => {
    const line = {
      seq: 2,
      at: '2026-02-21T12:00:00.000Z',
      source: 'ws',
      event: { type: 'skater/edited', bib: 3, name: `${RLO}Kramer` },
    };
    expect(journalEntrySchema.parse(line).event).toEqual({
      type: 'skater/edited',
      bib: 3,
      name: 'Kramer',
    });
  });
});

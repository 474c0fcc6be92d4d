import { describe, expect, it } from 'vitest';
import { affectedSeq, undoPreview } from '../../../../src/renderer/console/journal/undo-preview.ts';
import type { JournalEntry, RaceCommand } from '../../../../src/shared/race/events.ts';
import { isu2018 } from '../../../../src/shared/race/format.ts';
import { replayCommands } from '../../../../src/shared/race/replay.ts';
import { laps, semiSkaters } from '../fixtures.ts';

/** The journal of a semi-final after the commands (entries #1 and #2 set it up). */
function journal(commands: RaceCommand[]): readonly JournalEntry[] {
  return replayCommands([
    { type: 'race/configured', title: 'Semi', round: 'semi', qualifiers: 8, format: isu2018 },
    { type: 'startList/set', skaters: semiSkaters },
    ...commands,
  ]).entries;
}

/** What the host really does on undo or redo: the entry it voids and the state after. */
function hostDoes(commands: RaceCommand[], kind: 'undo' | 'redo') {
  const after = journal([...commands, { type: kind }]);
  return { written: after[after.length - 1], entries: after };
}

describe('what undo and redo would do', () => {
  it('undo names the newest entry in force and the laps to go it gives back', () => {
    const preview = undoPreview(journal(laps(7)));
    expect(preview.undo).toEqual({
      kind: 'undo',
      seq: 10,
      type: 'lap/completed',
      text: 'lap completed',
      lapsToGo: { before: 9, after: 10 },
      sprint: null,
    });
    expect(preview.redo).toBeNull();
  });

  it('after a refused entry (nothing written) undo still names the last accepted one: the lap', () => {
    const commands: RaceCommand[] = [
      ...laps(4),
      { type: 'sprint/placed', sprint: 1, bibs: [4, 8, 7] },
      { type: 'lap/completed' },
    ];
    const history = replayCommands([
      { type: 'race/configured', title: 'Semi', round: 'semi', qualifiers: 8, format: isu2018 },
      { type: 'startList/set', skaters: semiSkaters },
      ...commands,
    ]);
    // The operator's next entry names helmet 77: the host refuses it and writes nothing...
    const refused = history.decide(
      { type: 'sprint/placed', sprint: 2, bibs: [4, 8, 77] },
      { at: '', source: 'test' },
    );
    expect(refused.ok).toBe(false);
    expect(history.entries).toEqual(journal(commands));
    // ...so Ctrl+Z would take out the lap before it, not the refused sprint.
    expect(undoPreview(history.entries).undo).toMatchObject({
      seq: 9,
      text: 'lap completed',
      lapsToGo: { before: 11, after: 12 },
    });
  });

  it('a sprint undo says which sprint and leaves the laps as they are', () => {
    const preview = undoPreview(
      journal([...laps(4), { type: 'sprint/placed', sprint: 1, bibs: [4, 8, 7] }]),
    );
    expect(preview.undo).toMatchObject({
      seq: 8,
      text: 'sprint 1: 4 8 7',
      lapsToGo: null,
      sprint: 1,
    });
  });

  it('after an undo, redo names what comes back and undo the entry before it', () => {
    const commands: RaceCommand[] = [...laps(3), { type: 'undo' }];
    const preview = undoPreview(journal(commands));
    expect(preview.redo).toMatchObject({
      kind: 'redo',
      seq: 6,
      text: 'lap completed',
      lapsToGo: { before: 14, after: 13 },
    });
    expect(preview.undo).toMatchObject({ seq: 5, lapsToGo: { before: 14, after: 15 } });
  });

  it('redo is gone once a new action came after the undo', () => {
    const preview = undoPreview(journal([...laps(3), { type: 'undo' }, { type: 'lap/completed' }]));
    expect(preview.redo).toBeNull();
    expect(preview.undo).toMatchObject({ seq: 8 });
  });

  it('nothing to undo in an empty journal', () => {
    expect(undoPreview([])).toEqual({ undo: null, redo: null });
  });

  it.each<[string, RaceCommand[]]>([
    ['laps', laps(5)],
    ['after an undo', [...laps(5), { type: 'undo' }]],
    ['after undo and redo', [...laps(5), { type: 'undo' }, { type: 'redo' }]],
    ['after two undos', [...laps(5), { type: 'undo' }, { type: 'undo' }]],
    [
      'after a sprint and its undo',
      [...laps(4), { type: 'sprint/placed', sprint: 1, bibs: [1, 2, 3] }, { type: 'undo' }],
    ],
  ])('the preview is what the host then does (%s)', (_what, commands) => {
    const preview = undoPreview(journal(commands));
    for (const kind of ['undo', 'redo'] as const) {
      const step = preview[kind];
      if (!step) {
        expect(() => journal([...commands, { type: kind }])).toThrow(/nothing to/);
        continue;
      }
      const done = hostDoes(commands, kind);
      expect(affectedSeq(kind, done.written, done.entries)).toBe(step.seq);
    }
  });
});

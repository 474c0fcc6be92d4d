// The race report's model (issue 21, part 3): the timeline from the journal and the passings,
// every correction with its time and source in the meeting's zone, the lap chart's lines, and a
// race without passings told why it has no chart.
import { describe, expect, it } from 'vitest';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { foldJournal } from '../../../src/shared/race/history.ts';
import { raceView } from '../../../src/shared/race/view.ts';
import { meetingFactsOf } from '../../../src/shared/results/meeting-facts.ts';
import { raceCorrections } from '../../../src/shared/timing/race-corrections.ts';
import { raceReport, type ReportPassings } from '../../../src/shared/timing/race-report.ts';
import { defaultTimingSettings } from '../../../src/shared/timing/settings.ts';
import { opening } from '../../support/race.ts';
import { TRUTH } from '../../support/truth-race.ts';
import { GUN, journalAt, truth, truthRace } from './report-races.ts';

const meeting = meetingFactsOf(
  { meeting: 'Milano Cortina 2026', venue: '', meetingDate: null, timeZone: 'Europe/Rome' },
  'UTC',
);
const timing = { ...defaultTimingSettings, minLapSeconds: 20 };

function report(journal = truthRace().journal, passings?: ReportPassings) {
  return raceReport({
    meeting,
    race: raceView('men-semi-1', journal.length, foldJournal(journal).state),
    journal,
    version: '0.1.0',
    passings: passings ?? { kind: 'log', passings: truthRace().passings, skipped: 0 },
    timing,
  });
}

describe('the race report: the race from the rules, with its passings', () => {
  const made = report();

  it('tells the race in time order: start, laps with leader, lap time and groups, sprints, break, DNF, finish', () => {
    const rows = made.timeline.map(
      (row) => `${row.time} ${row.raceTime} ${row.event}: ${row.detail}`,
    );
    expect(rows[0]).toBe(
      '15:00:00 CET 0.00 Start: 12 skaters on the start list · on the loop from the gun (the decoder’s start input)',
    );
    expect(rows).toContain('15:00:34 CET 34.00 Lap 1: #2 · 34.00 s · 12 skaters');
    expect(rows).toContain(
      '15:02:04 CET 2:04.00 Lap 4 · SP1: #5 · 30.00 s · 11 skaters | +6.00 s #9',
    );
    expect(rows).toContain(
      '15:02:12 CET 2:12.00 Sprint 1: lap 4: 1. #5 NUMBER5 3 · 2. #6 NUMBER6 2 · 3. #7 NUMBER7 1',
    );
    expect(rows).toContain(
      '15:03:00 CET 3:00.75 Lap 6: #5 · 26.75 s · #5 | +3.25 s 10 skaters | +13.25 s #9',
    );
    expect(rows).toContain('15:03:00 CET 3:00.75 Breakaway: #5 away, +3.25 s on the next group');
    expect(rows).toContain('15:04:04 CET 4:04.25 DNF: #11 NUMBER11 after 7 laps');
    expect(rows.at(-1)).toBe('15:09:21 CET 9:21.00 Official: the results confirmed');
    expect(rows.find((row) => row.includes('Finish:'))).toMatch(
      /^15:08:11 CET 8:11\.00 Finish: 1\. #5 NUMBER5 7:51\.00 · 2\. #8 NUMBER8 8:04\.00 · 3\. #10 NUMBER10 8:04\.35 · 4\. #12 NUMBER12/,
    );
    // Every lap once, each with its true leader, in the order the race reached them.
    const laps = made.timeline.filter((row) => row.kind === 'lap');
    expect(laps.map((row) => row.detail.split(' ')[0])).toEqual(
      Array.from({ length: TRUTH.laps }, (_, i) => `#${truth.leaderAt(i + 1).bib}`),
    );
    const times = made.timeline.map((row) => row.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('lists the corrections with their times and sources: the undone lap and sprint 2 entered again', () => {
    expect(
      made.corrections.map((c) => `${c.time} #${c.seq} ${c.source} ${c.kind} · ${c.text}`),
    ).toEqual([
      '15:01:36 CET #8 console undo · undo: #7 lap completed, 15:01:35 CET',
      '15:04:06 CET #17 console correction · sprint 2: 5 12 1 (was 1 12 5)',
    ]);
  });

  it('draws a line per skater through his places, the breakaway from lap 6', () => {
    const { chart } = made;
    expect(chart).not.toBeNull();
    expect(chart!.laps).toBe(16);
    expect(chart!.positions).toBe(12);
    expect(chart!.lines.map((line) => line.bib)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    expect(chart!.lines[TRUTH.stopping - 1]!.places).toHaveLength(TRUTH.stopsAfter);
    expect(chart!.lines[TRUTH.breakaway - 1]!.places.slice(5).every((p) => p.position === 1)).toBe(
      true,
    );
    expect(chart!.breakaways.map((b) => b.lap)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(chart!.sprintLaps).toEqual([4, 8, 12]);
    expect(made.passingsNote).toBeNull();
    expect(made.summary).toBe(
      '12 skaters · 16 laps counted · 195 passings from the loop · a new group 1.0 s behind the one ahead',
    );
  });
});

describe('the race report without passings', () => {
  it('tells the laps from the lap key, without leaders, and says why there is no chart', () => {
    const made = report(undefined, { kind: 'none', standby: false });
    expect(made.chart).toBeNull();
    expect(made.passingsNote).toMatch(/^No passings: no timing decoder reported passings/);
    const laps = made.timeline.filter((row) => row.kind === 'lap');
    expect(laps).toHaveLength(16);
    expect(`${laps[0]!.time} ${laps[0]!.event}: ${laps[0]!.detail}`).toBe(
      '15:00:34 CET Lap 1: 34.30 s by the lap key',
    );
    expect(made.timeline.some((row) => row.kind === 'breakaway')).toBe(false);
    expect(made.corrections).toHaveLength(2);
  });

  it('on a standby says a standby does not read the decoder', () => {
    const made = report(undefined, { kind: 'none', standby: true });
    expect(made.passingsNote).toMatch(
      /this host is the standby of a pair, and a standby does not read the decoder/,
    );
  });

  it('with passings of no skater on the start list says they give no lap', () => {
    const stray = truthRace().passings.map((p) => ({ ...p, transponder: `9${p.transponder}` }));
    const made = report(undefined, { kind: 'log', passings: stray, skipped: 0 });
    expect(made.chart).toBeNull();
    expect(made.passingsNote).toMatch(/The loop’s 195 passings give no lap of this race/);
  });
});

describe('raceCorrections', () => {
  it('names undo, redo and every entry that replaced another, with what it replaced', () => {
    let at = GUN;
    const commands: RaceCommand[] = [
      ...opening({ count: 6, round: 'semi', qualifiers: 4 }),
      { type: 'lap/completed' },
      { type: 'lap/completed' },
      { type: 'laps/corrected', lapsCompleted: 1 },
      { type: 'skater/statusChanged', bib: 4, status: 'DNF', laps: 1 },
      { type: 'skater/statusChanged', bib: 4, status: 'OK' },
      { type: 'skater/edited', bib: 2, name: 'Skater Two' },
      { type: 'laps/corrected', lapsCompleted: 16 },
      { type: 'finish/recorded', bibs: [1, 2, 3] },
      { type: 'finish/recorded', bibs: [2, 1, 3] },
      { type: 'finish/timed', bib: 2, time: 462_490 },
      { type: 'finish/timed', bib: 2, time: 462_150 },
      { type: 'undo' },
      { type: 'redo' },
      { type: 'finish/appended', bibs: [4, 5, 6] },
      { type: 'results/confirmed' },
      { type: 'results/reopened' },
    ];
    const journal = journalAt(commands.map((command) => ({ atMs: (at += 1000), command })));
    const rows = raceCorrections(journal, 'Europe/Rome');
    expect(
      rows.map(
        (row) =>
          `${row.time} ${row.kind} ${row.text}${row.undoneBy ? ` (undone by #${row.undoneBy})` : ''}`,
      ),
    ).toEqual([
      '15:00:06 CET correction laps corrected to 1 completed (was 2)',
      '15:00:08 CET correction skater 4 OK (was DNF)',
      '15:00:09 CET correction skater 2 edited: name',
      '15:00:10 CET correction laps corrected to 16 completed (was 1)',
      '15:00:12 CET correction finish order: 2 1 3 (was 1 2 3)',
      '15:00:14 CET correction time of #2: 7:42.15 (was 7:42.49)',
      '15:00:15 CET undo undo: #14 time of #2: 7:42.15 (was 7:42.49), 15:00:14 CET (undone by #16)',
      '15:00:16 CET redo redo: #14 time of #2: 7:42.15 (was 7:42.49), 15:00:14 CET',
      '15:00:19 CET correction results reopened',
    ]);
    expect(new Set(rows.map((row) => row.source))).toEqual(new Set(['console']));
  });
});

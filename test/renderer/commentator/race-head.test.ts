import { describe, expect, it } from 'vitest';
import { raceHead } from '../../../src/renderer/commentator/model/race-head.ts';
import { lapsRun, raceAfter } from './fixtures.ts';

// ISU 2018 (rules): 16 laps, sprints at laps 4, 8 and 12 (decided at 12, 8 and 4 to go, run at
// 13, 9 and 5 to go), 3-2-1 for the intermediate sprints, 60-40-20-10-6-3 at the finish.
describe('raceHead: laps to go and what the lap is', () => {
  it('before the start: all 16 to go, not started, the semi says how many go through', () => {
    const head = raceHead(null, raceAfter([]));
    expect(head).toMatchObject({
      title: 'Men · Semi-final 1',
      round: 'Semi-final · top 8 to the final',
      lapsToGo: '16',
      lapsLabel: 'laps to go',
      lap: '',
      flag: { text: 'Not started', tone: 'calm' },
    });
  });

  it('the sprint lap: 13 to go is run for sprint 1, worth 3-2-1', () => {
    const head = raceHead(null, raceAfter(lapsRun(3)));
    expect(head.lapsToGo).toBe('13');
    expect(head.lap).toBe('lap 4 of 16');
    expect(head.flag).toEqual({
      text: 'Sprint 1 at the end of this lap · 3-2-1',
      tone: 'sprint',
    });
  });

  it('between sprints it names the next one at the figure the board will show', () => {
    expect(raceHead(null, raceAfter(lapsRun(4))).flag.text).toBe('Next: sprint 2 at 9 to go');
    expect(raceHead(null, raceAfter(lapsRun(9))).flag.text).toBe('Next: sprint 3 at 5 to go');
    expect(raceHead(null, raceAfter(lapsRun(12))).flag.text).toBe(
      'Next: the final sprint at the finish',
    );
  });

  it('the bell: one lap to go, the final sprint and its table', () => {
    const head = raceHead(null, raceAfter(lapsRun(15), 'final'));
    expect(head).toMatchObject({
      round: 'Final',
      lapsToGo: '1',
      lapsLabel: 'lap to go',
      lap: 'lap 16 of 16',
      flag: { text: 'Bell · last lap · final sprint 60-40-20-10-6-3', tone: 'bell' },
    });
  });

  it('at the finish: 0 to go, and "not yet official" once every skater is in', () => {
    const everyone = Array.from({ length: 16 }, (_, index) => index + 1);
    const partial = raceAfter([...lapsRun(15), { type: 'finish/recorded', bibs: [3, 12] }]);
    expect(raceHead(null, partial)).toMatchObject({
      lapsToGo: '0',
      lap: '',
      flag: { text: 'Finish' },
    });
    const all = raceAfter([...lapsRun(15), { type: 'finish/recorded', bibs: everyone }]);
    expect(raceHead(null, all).flag).toEqual({
      text: 'Finished · not yet official',
      tone: 'finish',
    });
  });

  it('without an active race it says so', () => {
    expect(raceHead(null, null)).toMatchObject({ title: 'No active race', lapsToGo: '' });
  });
});

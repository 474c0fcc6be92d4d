import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontPath } from '../../../src/main/results-out/fonts.ts';
import { paginate, renderResultsPdf } from '../../../src/main/results-out/pdf.ts';
import { meetingFactsOf, type MeetingFields } from '../../../src/shared/results/meeting-facts.ts';
import { sheetCommands } from '../../../src/shared/sheet/sheet.ts';
import { expectStandings } from './expect-rows.ts';
import {
  everyStatusRace,
  fixtureRace,
  fixtureSheet,
  keepPng,
  pdfText,
  stampedRace,
  type StampedRace,
} from './sheet-race.ts';

const meeting = 'Milano Cortina 2026 · Men’s Mass Start';
/** The sheet of a race at a meeting in Rome (its zone; no venue or day given unless said). */
const render = (race: StampedRace, extra: { category?: string } & Partial<MeetingFields> = {}) => {
  const { category, ...fields } = extra;
  const facts = { meeting, venue: '', meetingDate: null, timeZone: 'Europe/Rome', ...fields };
  return renderResultsPdf({
    meeting: meetingFactsOf(facts, 'UTC'),
    ...race,
    version: '0.1.0',
    ...(category ? { category } : {}),
  });
};

const pages = (text: string) => text.split('\f').filter((page) => page.trim().length > 0);

describe('the results sheet (PDF)', () => {
  it('embeds the DejaVu Sans Condensed fonts from the dependency', () => {
    expect(existsSync(fontPath('regular'))).toBe(true);
    expect(fontPath('bold')).toMatch(/dejavu-fonts-ttf[/\\]ttf[/\\]DejaVuSansCondensed-Bold\.ttf$/);
  });

  it('prints the Milano Cortina 2026 semi-final: header, standings, Q line, legend, unofficial', async () => {
    const race = fixtureRace('mc2026-men-semi1.json');
    const pdf = await render(race, { category: 'Men' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Milano Cortina 2026 · Men’s Mass Start');
    expect(text).toMatch(/Milano Cortina · 21 February 2026/);
    expect(text).toContain('Men · Mass Start · Semi-final 1');
    expect(text).toContain('Semi-final (first 8 qualify for the final)');
    expect(text).toContain(
      '16 laps · intermediate sprints after laps 4, 8, 12: 3-2-1 points · final sprint: 60-40-20-10-6-3 points',
    );
    expect(text).toMatch(/Rank\s+No\.\s+Name\s+Nation\s+SP1\s+SP2\s+SP3\s+Final\s+Total\s+Time/);
    expectStandings(text, race.race.state);
    expect(text).toMatch(/1\s+1\s+Antoine Gélinas-Beaulieu\s+CAN\s+60\s+60\s+Q/);
    expect(text).toMatch(/12\s+11\s+Demo Skater Eleven\s+POL\s+0\s+DNF \(9 laps\)/);
    expect(text).toContain('The line under rank 8 is the qualification line.');
    expect(text).toContain('Q qualified for the final by ranking (first 8)');
    expect(text).toContain('q advanced to the final by decision of the referee');
    expect(text).toContain('UNOFFICIAL');
    expect(text).not.toMatch(/\bOFFICIAL\b(?!.*UN)/);
    expect(text).not.toContain('Confirmed');
    expect(text).toContain('Referee (signature)');
    expect(text).toMatch(/Mass Start Scoreboard 0\.1\.0\s+1 \/ 1/);
    keepPng(pdf, 'mc2026-men-semi1');
  });

  it('prints the final as OFFICIAL with the time of the confirmation, every diacritic intact', async () => {
    const race = fixtureRace('mc2026-men-final.json', { official: true });
    const confirmation = race.journal.at(-1)!;
    expect(confirmation.event.type).toBe('results/confirmed');
    const text = pdfText(await render(race));
    expectStandings(text, race.race.state);
    expect(text).toContain('Men · Mass Start · Final');
    expect(text).not.toContain('qualification line');
    expect(text).not.toContain('Q qualified');
    // 14:00:00Z + one second per entry, printed in Rome time.
    const seconds = race.journal.length - 1;
    const time = `15:00:${String(seconds).padStart(2, '0')}`;
    expect(text).toContain(`Confirmed 21 February 2026 ${time} CET`);
    expect(text).toMatch(/\bOFFICIAL\b/);
    expect(text).not.toContain('UNOFFICIAL');
    for (const name of ['Metoděj Jílek', 'Antoine Gélinas-Beaulieu', 'Indra Médard'])
      expect(text).toContain(name);
    expect(text).toMatch(/1\s+13\s+Jorrit Bergsma\s+NED\s+3\s+3\s+2\s+60\s+68/);
  });

  it('takes the in-force confirmation: a voided one or one reopened since does not count', async () => {
    const race = fixtureRace('mc2026-men-final.json', { official: true });
    const commands = [
      ...sheetCommands(fixtureSheet('mc2026-men-final.json')),
      { type: 'results/confirmed' as const },
      { type: 'results/reopened' as const },
      { type: 'results/confirmed' as const },
      { type: 'undo' as const },
    ];
    const undone = stampedRace('final', commands);
    expect(undone.race.state.official).toBe(false);
    expect(pdfText(await render(undone))).toContain('UNOFFICIAL');
    const confirmedAgain = stampedRace('final', [...commands, { type: 'redo' as const }]);
    const n = confirmedAgain.journal.findLastIndex((e) => e.event.type === 'results/confirmed');
    const text = pdfText(await render(confirmedAgain));
    expect(text).toContain(`Confirmed 21 February 2026 15:00:${String(n).padStart(2, '0')} CET`);
    expect(race.race.state.official).toBe(true);
  });

  it('a 24-skater semi with every mark fits one page, names with diacritics', async () => {
    const race = everyStatusRace({ official: true });
    const pdf = await render(race, { venue: 'Milano Speed Skating Stadium' });
    const text = pdfText(pdf);
    expect(pages(text)).toHaveLength(1);
    expectStandings(text, race.race.state);
    expect(text).toContain('Milano Speed Skating Stadium · 21 February 2026');
    for (const name of [
      'Metoděj Jílek',
      'Håvard Bøkko',
      'Antoine Gélinas-Beaulieu',
      'Łukasz Demo',
      'Demo Čech',
    ])
      expect(text).toContain(name);
    for (const mark of ['DNF (9 laps)', 'DNF (3 laps)', 'LAPPED (15 laps)', ' DQ', ' DNS'])
      expect(text).toContain(mark);
    expect(text.match(/ Q\n/g)).toHaveLength(8);
    expect(text).toMatch(/13\s+12\s+Jordan Stolz\s+USA\s+0\s+7:44\.13\s+q\n/);
    expect(text).toMatch(/\s+23\s+Demo Skater Twenty-Three\s+GBR\s+DQ\n/);
    expect(text).toMatch(/1 \/ 1/);
    const png = keepPng(pdf, 'every-status-24');
    expect(statSync(png).size).toBeGreaterThan(10_000);
  });

  it('a long field breaks cleanly onto more pages: header repeated, no row split, "1 / 2"', async () => {
    const race = everyStatusRace({ skaters: 60 });
    const pdf = await render(race);
    const text = pdfText(pdf);
    const each = pages(text);
    expect(each.length).toBe(2);
    each.forEach((page, index) => {
      expect(page).toContain('Milano Cortina 2026 · Men’s Mass Start');
      expect(page).toContain('Men · Mass Start · Semi-final 2');
      expect(page).toMatch(/Rank\s+No\.\s+Name\s+Nation/);
      expect(page).toMatch(new RegExp(`Mass Start Scoreboard 0\\.1\\.0\\s+${index + 1} / 2`));
    });
    expect(each[0]).not.toContain('Legend');
    expect(each[1]).toContain('Legend');
    expect(each[1]).toContain('Referee (signature)');
    // Every row is one whole line, in ranking order across the pages.
    expectStandings(text, race.race.state);
    keepPng(pdf, 'long-field-60');
  });

  it('moves a few rows on with the legend when it does not fit under the last rows', () => {
    const rows = Array.from({ length: 40 }, (_, index) => index);
    const split = paginate(rows, 150);
    expect(split.flat()).toEqual(rows);
    expect(split.length).toBe(2);
    expect(split[1]!.length).toBeGreaterThan(0);
    expect(paginate(rows.slice(0, 24), 150)).toEqual([rows.slice(0, 24)]);
    expect(paginate([], 150)).toEqual([[]]);
  });

  it('prints the meeting’s day and venue, and the confirmation in its zone: a race of 21 February 2026 typed in today (issue 19)', async () => {
    // The published final typed in today: every time in its journal is today's.
    const today = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
    const commands = [
      ...sheetCommands(fixtureSheet('mc2026-men-final.json')),
      { type: 'results/confirmed' as const },
    ];
    const race = stampedRace('final', commands, today);
    const meetingDay = { meetingDate: '2026-02-21', venue: 'Milano Speed Skating Stadium' };
    const text = pdfText(await render(race, meetingDay));
    expect(text).toContain('Milano Speed Skating Stadium · 21 February 2026');
    expect(text).toMatch(/Confirmed \d{1,2} [A-Z][a-z]+ \d{4} \d\d:\d\d:\d\d CES?T/);
    const year = new Date(today).getUTCFullYear();
    expect(text).toMatch(new RegExp(`Confirmed \\d{1,2} [A-Za-z]+ (${year}|${year + 1})`));
    // Without a day the sheet dates the race by its start, in the meeting's zone: today.
    const undated = pdfText(await render(race));
    expect(undated).not.toContain('Milano Speed Skating Stadium');
    expect(undated).toMatch(
      new RegExp(`Milano Cortina · \\d{1,2} [A-Za-z]+ (${year}|${year + 1})`),
    );
    // Where English has no zone name in general use, the offset: Calgary in February.
    const calgary = stampedRace('final', commands, '2026-02-21T20:00:00.000Z');
    const there = pdfText(await render(calgary, { timeZone: 'America/Edmonton' }));
    expect(there).toMatch(/Milano Cortina · 21 February 2026/);
    expect(there).toMatch(/Confirmed 21 February 2026 13:0\d:\d\d GMT-7/);
  });

  it('gives the same bytes for the same race (creation date from the race, not the clock)', async () => {
    const race = fixtureRace('mc2026-men-final.json', { official: true });
    const [a, b] = [await render(race), await render(race)];
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toMatch(/\(D:20260221140\d{3}Z\)/);
  });
});

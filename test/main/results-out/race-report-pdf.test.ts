// The race report as a PDF (issue 21, part 3): the text layer read back with pdftotext (the title
// block, the timeline, the corrections with their times), and page 1 rendered with pdftoppm to
// see that the lap chart is drawn (coloured lines, the breakaway's band) where a race without
// passings has none.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRaceReport } from '../../../src/main/results-out/race-report.ts';
import { foldJournal } from '../../../src/shared/race/history.ts';
import { meetingFactsOf } from '../../../src/shared/results/meeting-facts.ts';
import type { ReportPassings } from '../../../src/shared/timing/race-report.ts';
import { defaultTimingSettings } from '../../../src/shared/timing/settings.ts';
import { truthRace } from '../../shared/timing/report-races.ts';
import { keepPng, pdfText } from './sheet-race.ts';

const meeting = meetingFactsOf(
  {
    meeting: 'Milano Cortina 2026 · Men’s Mass Start',
    venue: '',
    meetingDate: null,
    timeZone: 'Europe/Rome',
  },
  'UTC',
);
const race = truthRace();
const record = {
  id: 'men-semi-1',
  category: 'Men',
  state: foldJournal(race.journal).state,
  journal: race.journal,
};
const timing = { ...defaultTimingSettings, minLapSeconds: 20 };
const render = async (passings: ReportPassings) =>
  (await renderRaceReport(meeting, record, timing, passings)).pdf;
const withPassings = () => render({ kind: 'log', passings: race.passings, skipped: 0 });
// Rendered once each (a render is some 100 ms): the report and the one without passings.
let reported: Promise<Buffer> | null = null;
let unreported: Promise<Buffer> | null = null;
const report = () => (reported ??= withPassings());
const noPassings = () => (unreported ??= render({ kind: 'none', standby: false }));

const scratch = mkdtempSync(join(tmpdir(), 'race-report-'));
let pages = 0;

/** Page 1 at 40 dpi as RGB pixels (pdftoppm's PPM). */
function pageOne(pdf: Buffer): { width: number; height: number; rgb: Buffer } {
  const file = join(scratch, `page-${++pages}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '40', '-f', '1', '-l', '1', '-singlefile', file, file]);
  const ppm = readFileSync(`${file}.ppm`);
  // "P6\n<width> <height>\n255\n" then the pixels.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  return { width, height, rgb: ppm.subarray(header[0].length) };
}

/** Pixels in a band of the page (fractions of its height) that `test` picks. */
function count(
  page: ReturnType<typeof pageOne>,
  band: [number, number],
  test: (r: number, g: number, b: number) => boolean,
): number {
  let found = 0;
  for (let y = Math.floor(page.height * band[0]); y < page.height * band[1]; y += 1)
    for (let x = 0; x < page.width; x += 1) {
      const at = (y * page.width + x) * 3;
      if (test(page.rgb[at]!, page.rgb[at + 1]!, page.rgb[at + 2]!)) found += 1;
    }
  return found;
}

/** A line's colour: saturated, not the greys of text and grid. */
const coloured = (r: number, g: number, b: number) => Math.max(r, g, b) - Math.min(r, g, b) > 70;
/** The breakaway's band (#ffe08a). */
const band = (r: number, g: number, b: number) =>
  r > 240 && g > 205 && g < 240 && b > 110 && b < 170;
/** Where the lap chart is on page 1 (fractions of the page's height). */
const chartArea: [number, number] = [0.22, 0.6];

describe('the race report (PDF)', () => {
  it('prints the title block, the timeline and the corrections with their times', async () => {
    const pdf = await report();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Milano Cortina 2026 · Men’s Mass Start');
    expect(text).toMatch(/RACE REPORT/);
    expect(text).toMatch(/Milano Cortina · 21 February 2026/);
    expect(text).toContain('Men · Mass Start · Semi-final 1');
    expect(text).toContain('Confirmed 21 February 2026 15:09:21 CET');
    expect(text).toContain('Lap chart');
    expect(text).toMatch(/Time\s+Race\s+Event\s+Details/);
    expect(text).toMatch(/15:00:00 CET\s+0\.00\s+Start\s+12 skaters on the start list/);
    expect(text).toMatch(/15:00:34 CET\s+34\.00\s+Lap 1\s+#2 · 34\.00 s · 12 skaters/);
    expect(text).toMatch(/15:02:12 CET\s+2:12\.00\s+Sprint 1\s+lap 4: 1\. #5 NUMBER5 3/);
    expect(text).toMatch(
      /15:03:00 CET\s+3:00\.75\s+Breakaway\s+#5 away, \+3\.25 s on the next group/,
    );
    expect(text).toMatch(/15:04:04 CET\s+4:04\.25\s+DNF\s+#11 NUMBER11 after 7 laps/);
    expect(text).toMatch(
      /15:07:51 CET\s+7:51\.00\s+Lap 16 · finish\s+#5 · 30\.00 s · #5 \| \+13\.00 s 9 skaters/,
    );
    expect(text).toMatch(/Time\s+Entry\s+Source\s+Correction/);
    expect(text).toMatch(/15:01:36 CET\s+#8\s+console\s+undo: #7 lap completed, 15:01:35 CET/);
    expect(text).toMatch(/15:04:06 CET\s+#17\s+console\s+sprint 2: 5 12 1 \(was 1 12 5\)/);
    expect(text).toMatch(/Mass Start Scoreboard \S+\s+1 \/ 2/);
    expect(text).not.toContain('No passings');
  });

  it('draws the lap chart: coloured lines and the breakaway’s band on page 1', async () => {
    const pdf = await report();
    keepPng(pdf, 'race-report');
    const page = pageOne(pdf);
    const lines = count(page, chartArea, coloured);
    expect(lines).toBeGreaterThan(page.width * page.height * 0.01);
    expect(count(page, chartArea, band)).toBeGreaterThan(100);
    // Nothing of it above the chart's heading or below its legend.
    expect(count(page, [0, 0.18], coloured)).toBe(0);
  });

  it('without passings: the timeline from the journal, a line saying why, and no chart', async () => {
    const pdf = await noPassings();
    const text = pdfText(pdf);
    expect(text).toMatch(/No passings: no timing decoder reported passings for this race/);
    expect(text).not.toContain('Lap chart');
    expect(text).toMatch(/15:00:34 CET\s+34\.30\s+Lap 1\s+34\.30 s by the lap key/);
    expect(text).toMatch(/15:01:36 CET\s+#8\s+console\s+undo: #7 lap completed/);
    const page = pageOne(pdf);
    expect(count(page, chartArea, band)).toBe(0);
    const withChart = count(pageOne(await report()), chartArea, coloured);
    expect(count(page, chartArea, coloured)).toBeLessThan(withChart / 10);
  });

  it('gives the same bytes for the same journal and passings', async () => {
    expect((await withPassings()).equals(await report())).toBe(true);
  });
});

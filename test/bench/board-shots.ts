// Design check: drives a race on a real host and saves screenshots of every scene at several
// output sizes to test-results/board/shots/ (run: npx tsx test/bench/board-shots.ts [sizes]).
import { mkdir } from 'node:fs/promises';
import {
  launchBrowser,
  openBoard,
  settled,
  startBoardHost,
  type BoardGlobal,
} from '../support/browser.ts';

const sizes: Record<string, { width: number; height: number }> = {
  '1080p': { width: 1920, height: 1080 },
  '4k': { width: 3840, height: 2160 },
  '4x3': { width: 1440, height: 1080 },
  ribbon: { width: 1536, height: 256 },
};
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(sizes);
const out = 'test-results/board/shots';
await mkdir(out, { recursive: true });
const count = Number(process.env.SKATERS ?? 12);
const fixture = await startBoardHost({
  skaters: count,
  round: process.env.ROUND === 'final' ? 'final' : 'semi',
});
const browser = await launchBrowser();
try {
  const pages = await Promise.all(
    wanted.map(async (name) => ({
      name,
      page: await openBoard(browser, fixture.url(), sizes[name]),
    })),
  );
  const overlay = await openBoard(browser, fixture.url({ output: 'overlay' }));
  const shoot = async (label: string, revision: number) => {
    for (const { name, page } of pages) {
      await settled(page, revision);
      await page.screenshot({ path: `${out}/${name}-${label}.png` });
    }
    await settled(overlay, revision);
    await overlay.screenshot({ path: `${out}/overlay-${label}.png`, omitBackground: true });
  };
  await shoot(
    'blank',
    await fixture.program({ type: 'scene/shown', output: 'board', scene: 'blank' }),
  );
  await shoot(
    'start-list',
    await fixture.program({ type: 'scene/shown', output: 'board', scene: 'startList' }),
  );
  await fixture.program({ type: 'scene/shown', output: 'board', scene: 'live' });
  await shoot('live-start', await fixture.race({ type: 'race/started' }));
  await fixture.program({ type: 'display/configured', sprintBannerSeconds: 60 });
  await fixture.race({ type: 'laps/corrected', lapsCompleted: 3 });
  await shoot('live-sprint-lap', await fixture.race({ type: 'laps/corrected', lapsCompleted: 3 }));
  await fixture.race({ type: 'laps/corrected', lapsCompleted: 4 });
  await shoot(
    'sprint-banner',
    await fixture.race({ type: 'sprint/placed', sprint: 1, bibs: [7, 4, 2] }),
  );
  await fixture.program({ type: 'display/configured', sprintBannerSeconds: 1 });
  await fixture.race(
    { type: 'laps/corrected', lapsCompleted: 8 },
    { type: 'sprint/placed', sprint: 2, bibs: [4, 5, 7] },
  );
  await new Promise((resolve) => setTimeout(resolve, 1200));
  await fixture.race(
    { type: 'laps/corrected', lapsCompleted: 12 },
    { type: 'sprint/placed', sprint: 3, bibs: [1, 4, 9] },
  );
  await new Promise((resolve) => setTimeout(resolve, 1200));
  await shoot(
    'live-bell',
    await fixture.race(
      { type: 'laps/corrected', lapsCompleted: 15 },
      { type: 'skater/statusChanged', bib: 11, status: 'DNF', laps: 9 },
    ),
  );
  const finishers = [
    4,
    7,
    5,
    1,
    2,
    9,
    3,
    6,
    8,
    10,
    12,
    ...Array.from({ length: count - 12 }, (_, i) => 13 + i),
  ];
  await fixture.race({ type: 'finish/recorded', bibs: finishers });
  for (const [index, bib] of finishers.entries())
    await fixture.race({ type: 'finish/timed', bib, time: 462_490 + index * 310 });
  await fixture.program({ type: 'overlay/toggled', element: 'result', visible: true });
  await shoot(
    'results',
    await fixture.program({ type: 'scene/shown', output: 'board', scene: 'results' }),
  );
  await shoot('results-official', await fixture.race({ type: 'results/confirmed' }));
  await fixture.program({ type: 'display/configured', theme: 'high-contrast', language: 'nl' });
  await fixture.program({ type: 'scene/shown', output: 'board', scene: 'live' });
  await shoot('high-contrast-nl', await fixture.race({ type: 'results/reopened' }));
  const stats = await pages[0]!.page.evaluate(() =>
    (globalThis as unknown as BoardGlobal).__board!.stats(0, 0),
  );
  console.log(stats);
} finally {
  await browser.close();
  await fixture.close();
}

// Bench of the results sheet (issue 11): time to render the PDF of a 24-skater semi-final with
// every mark (median of 20 after a warm-up; target under 300 ms) and the file size.
// Run: npm run bench:results  (tsx test/bench/results.bench.ts)
import { performance } from 'node:perf_hooks';
import { renderResultsPdf } from '../../src/main/results-out/pdf.ts';
import { meetingFactsOf } from '../../src/shared/results/meeting-facts.ts';
import { everyStatusRace } from '../main/results-out/sheet-race.ts';

const runs = 20;
const targetMs = 300;
const race = everyStatusRace({ official: true });
const meeting = { meeting: 'Milano Cortina 2026 · Men’s Mass Start', venue: '', meetingDate: null };
const input = {
  meeting: meetingFactsOf({ ...meeting, timeZone: 'Europe/Rome' }, 'UTC'),
  ...race,
  version: 'bench',
};

const first = performance.now();
let pdf = await renderResultsPdf(input);
const coldMs = performance.now() - first;
const times: number[] = [];
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  pdf = await renderResultsPdf(input);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = (times[runs / 2 - 1]! + times[runs / 2]!) / 2;
console.log(
  `results PDF, 24 skaters: median ${median.toFixed(1)} ms of ${runs} (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)}, first ${coldMs.toFixed(1)} with font loading), ${(pdf.length / 1024).toFixed(1)} KiB; target < ${targetMs} ms: ${median < targetMs ? 'ok' : 'OVER'}`,
);
if (median >= targetMs) process.exitCode = 1;

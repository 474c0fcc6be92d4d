import fc from 'fast-check';
import { it } from 'vitest';
import { RaceHistory } from '../src/shared/race/history.ts';
import { computeStandings } from '../src/shared/race/standings.ts';
import { raceScriptArb, realistic, runScript } from '../test/support/race-arbitraries.ts';
it('stats', () => {
  const acc = new Map<string, number>(), ref = new Map<string, number>(), errs = new Map<string, number>();
  const phases = new Map<string, number>();
  let lens = 0;
  for (const script of fc.sample(raceScriptArb(realistic), { seed: 1, numRuns: 300 })) {
    lens += script.steps.length;
    const h = new RaceHistory();
    runScript(h, script, ({ command, decision }) => {
      const m = decision.ok ? acc : ref;
      m.set(command.type, (m.get(command.type) ?? 0) + 1);
      if (!decision.ok) { const k = decision.error.replace(/\d+/g, 'N').slice(0, 70); errs.set(k, (errs.get(k) ?? 0) + 1); }
      if (decision.ok) { const p = computeStandings(decision.state).phase; phases.set(p, (phases.get(p) ?? 0) + 1); }
    });
  }
  console.log('avg steps', lens / 300);
  console.log('accepted', Object.fromEntries(acc));
  console.log('refused', Object.fromEntries(ref));
  console.log('phases', Object.fromEntries(phases));
  console.log([...errs].sort((a, b) => b[1] - a[1]).slice(0, 25));
});

// A long race journal as an operator makes it (issue 17): the start, 16 laps with the three
// sprints, name corrections between laps, an undo and a redo now and then, the finish order
// and times, then more corrections up to the length asked. The public revision URLs' tests and
// their load script fold every prefix of it.
import type { RaceHost } from '../../../src/main/host/host.ts';
import type { RaceCommand } from '../../../src/shared/race/events.ts';
import { expectAccepted } from '../../support/host-fixture.ts';

/** The commands of the race, before the fill-up corrections. */
function raceCommands(skaters: number): RaceCommand[] {
  const commands: RaceCommand[] = [{ type: 'race/started' }];
  for (let lap = 1; lap <= 16; lap++) {
    commands.push({ type: 'lap/completed' });
    if (lap % 4 === 0 && lap < 16)
      commands.push({ type: 'sprint/placed', sprint: lap / 4, bibs: [lap / 4, 5, 9] });
    commands.push({ type: 'skater/edited', bib: 1 + (lap % skaters), name: `Skater ${lap}` });
    if (lap % 5 === 0) commands.push({ type: 'undo' }, { type: 'redo' }, { type: 'undo' });
  }
  const order = Array.from({ length: skaters }, (_, index) => index + 1);
  commands.push({ type: 'finish/recorded', bibs: order });
  for (const bib of order) commands.push({ type: 'finish/timed', bib, time: 460_000 + bib * 310 });
  return commands;
}

/** Fills `raceId`'s journal up to `length` entries; returns the journal's length. */
export async function fillJournal(
  host: RaceHost,
  raceId: string,
  length: number,
  skaters = 12,
): Promise<number> {
  const submit = async (command: RaceCommand) =>
    expectAccepted(await host.submit({ kind: 'single', command }, 'test', raceId));
  const size = () => host.journal(raceId)!.entries.length;
  for (const command of raceCommands(skaters)) if (size() < length) await submit(command);
  for (let n = 0; size() < length; n++) {
    if (n % 25 === 24 && size() + 2 <= length) {
      await submit({ type: 'undo' });
      await submit({ type: 'redo' });
      continue;
    }
    await submit({ type: 'skater/edited', bib: 1 + (n % skaters), name: `Correction ${n}` });
  }
  return size();
}

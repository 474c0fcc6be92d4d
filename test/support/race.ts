import type { RaceCommand, Skater } from '../../src/shared/race/events.ts';
import {
  isu2018,
  raceFormatSchema,
  type RaceFormat,
  type RaceFormatInput,
} from '../../src/shared/race/format.ts';
import type { RaceHistory } from '../../src/shared/race/history.ts';
import { replayCommands } from '../../src/shared/race/replay.ts';
import { computeStandings } from '../../src/shared/race/standings.ts';

/** Skaters with bibs 1..n named "Skater n". */
export function skaters(count: number): Skater[] {
  return Array.from({ length: count }, (_, i) => ({
    bib: i + 1,
    name: `Skater ${i + 1}`,
    nation: 'NED',
  }));
}

/** A custom format from the ISU 2018 one with some fields changed. */
export function formatWith(changes: Partial<RaceFormatInput>): RaceFormat {
  return raceFormatSchema.parse({ ...isu2018, ...changes });
}

/** The opening commands of a race: configured, start list, started. */
export function opening(
  options: {
    count?: number;
    round?: 'semi' | 'final';
    qualifiers?: number;
    format?: RaceFormat;
  } = {},
): RaceCommand[] {
  const round = options.round ?? 'final';
  return [
    {
      type: 'race/configured',
      title: 'Test race',
      round,
      qualifiers: options.qualifiers ?? (round === 'semi' ? 8 : 0),
      format: options.format ?? isu2018,
    },
    { type: 'startList/set', skaters: skaters(options.count ?? 12) },
    { type: 'race/started' },
  ];
}

/** Commands that run the leader to the given number of laps completed. */
export function lapsTo(lapsCompleted: number): RaceCommand {
  return { type: 'laps/corrected', lapsCompleted };
}

/** The three intermediate sprints of an ISU race, each at its lap. */
export function sprintsAt(placings: number[][], format: RaceFormat = isu2018): RaceCommand[] {
  return placings.flatMap((bibs, index) => [
    lapsTo(format.sprintLaps[index]!),
    ...(bibs.length ? [{ type: 'sprint/placed', sprint: index + 1, bibs } as RaceCommand] : []),
  ]);
}

/** Finish order on the last lap. */
export function finish(bibs: number[], format: RaceFormat = isu2018): RaceCommand[] {
  return [lapsTo(format.laps - 1), { type: 'finish/recorded', bibs }];
}

/** A race history built from accepted commands (throws if one is refused). */
export function race(commands: RaceCommand[]): RaceHistory {
  return replayCommands(commands, 'test');
}

/** Standings rows as compact strings: `rank bib total Q status` (e.g. "4 #7 11 Q"). */
export function table(history: RaceHistory): string[] {
  return computeStandings(history.state).rows.map((row) =>
    [
      row.rank ?? '-',
      `#${row.bib}`,
      row.total,
      row.qualified ?? '',
      row.status === 'OK' ? '' : row.status,
    ]
      .filter((cell) => cell !== '')
      .join(' '),
  );
}

/** Decides a command and returns the refusal message (fails the test if it was accepted). */
export function refusal(history: RaceHistory, command: RaceCommand): string {
  const before = history.state;
  const decision = history.decide(command, { at: '', source: 'test' });
  if (decision.ok) throw new Error(`expected ${command.type} to be refused`);
  if (history.state !== before) throw new Error('a refused command changed the state');
  return decision.error;
}

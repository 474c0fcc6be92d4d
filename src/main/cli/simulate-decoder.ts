/**
 * `massstart simulate-decoder`: a P3 decoder on TCP that plays the passings of a race (issue 12),
 * a generated semi-final, a recorded journal (--race) or a race with known groups (--breakaway,
 * issue 21), for testing the timing adapter and the whole chain without a decoder. Prints where
 * it listens, who wears which transponder, then the gun and each lap of the leader as the race
 * runs (with --breakaway, also each lap's true groups once the lap is in).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { foldJournal } from '../../shared/race/history.ts';
import { parseRecording, RecordingError } from '../../shared/rehearsal/recording.ts';
import { breakawayRace, type BreakawayRace } from '../../shared/timing/breakaway-race.ts';
import { P3_DEFAULT_PORT } from '../../shared/timing/p3-frame.ts';
import {
  generateRace,
  passingsFromRecording,
  type SimRace,
} from '../../shared/timing/race-passings.ts';
import { DecoderSimulator } from '../timing/decoder-simulator.ts';

/** Wrong options or an unreadable --race file (exit code 2); the message names the option. */
export class SimulatorUsageError extends Error {
  override readonly name = 'SimulatorUsageError';
}

const optionSpec = {
  port: { type: 'string' },
  host: { type: 'string' },
  race: { type: 'string' },
  breakaway: { type: 'boolean' },
  speed: { type: 'string' },
  skaters: { type: 'string' },
  seed: { type: 'string' },
  'no-noise': { type: 'boolean' },
  'clock-offset': { type: 'string' },
  'lead-in': { type: 'string' },
  'drop-at': { type: 'string', multiple: true },
} as const;

/** A number option within bounds, or a SimulatorUsageError naming it. */
function numberOption(
  name: string,
  text: string | undefined,
  fallback: number,
  { min, max, integer = true }: { min: number; max: number; integer?: boolean },
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (
    text.trim() === '' ||
    !(value >= min && value <= max) ||
    (integer && !Number.isInteger(value))
  )
    throw new SimulatorUsageError(
      `--${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not "${text}"`,
    );
  return value;
}

function parse(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: optionSpec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new SimulatorUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0)
    throw new SimulatorUsageError(`simulate-decoder takes options only, not "${positionals[0]}"`);
  if (values.race !== undefined && values.skaters !== undefined)
    throw new SimulatorUsageError('--skaters is for a generated race: leave it out with --race');
  if (values.race !== undefined && values.breakaway)
    throw new SimulatorUsageError('--breakaway plays a generated race: leave out --race');
  if (values.host !== undefined && values.host.trim() === '')
    throw new SimulatorUsageError('--host must name an address, such as 127.0.0.1');
  return {
    port: numberOption('port', values.port, P3_DEFAULT_PORT, { min: 0, max: 65535 }),
    host: values.host ?? '127.0.0.1',
    race: values.race,
    breakaway: values.breakaway ?? false,
    speed: numberOption('speed', values.speed, 10, { min: 0.1, max: 1000, integer: false }),
    // A race with known groups needs a bunch besides the breakaway, the chase and the straggler.
    skaters: numberOption('skaters', values.skaters, 16, {
      min: values.breakaway ? 6 : 4,
      max: 24,
    }),
    seed: numberOption('seed', values.seed, 1, { min: 0, max: 0xffffffff }),
    noise: !values['no-noise'],
    clockOffsetMs: numberOption('clock-offset', values['clock-offset'], 0, {
      min: -86_400_000,
      max: 86_400_000,
    }),
    leadInMs:
      numberOption('lead-in', values['lead-in'], 3, { min: 0, max: 3600, integer: false }) * 1000,
    dropAt: (values['drop-at'] ?? []).map((text) =>
      numberOption('drop-at', text, 0, { min: 0, max: Number.MAX_SAFE_INTEGER }),
    ),
  };
}

/** The race to play: the --race journal made into passings, or a generated one. */
async function loadRace(file: string | undefined, skaters: number, seed: number, noise: boolean) {
  if (file === undefined)
    return passingsFromRecording(generateRace({ skaters, seed }), { seed, noise });
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new SimulatorUsageError(`--race ${file}: cannot read it (${reason})`);
  }
  try {
    return passingsFromRecording(parseRecording(text), { seed, noise });
  } catch (error) {
    if (error instanceof RecordingError)
      throw new SimulatorUsageError(`--race ${file}: ${error.message}`);
    throw error;
  }
}

/** Race time as m:ss.mmm. */
function raceTime(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const seconds = ((ms % 60_000) / 1000).toFixed(3).padStart(6, '0');
  return `${minutes}:${seconds}`;
}

/** The start list as the simulator plays it: bib, transponder, name. */
function transponderTable(race: SimRace, names: ReadonlyMap<number, string>): string[] {
  return [
    '  bib  transponder  name',
    ...race.skaters.map(
      ({ bib, transponder }) =>
        `${String(bib).padStart(5)}  ${String(transponder).padStart(11)}  ${names.get(bib) ?? ''}`,
    ),
  ];
}

/**
 * Runs the simulator with CLI arguments until `done` (every passing sent) or `close()`;
 * `out` gets one line at a time.
 */
export async function simulateDecoderCommand(
  args: string[],
  out: (line: string) => void,
): Promise<{ close(): Promise<void>; done: Promise<void> }> {
  const options = parse(args);
  const known = options.breakaway
    ? breakawayRace({ seed: options.seed, skaters: options.skaters, noise: options.noise })
    : null;
  const race =
    known?.race ?? (await loadRace(options.race, options.skaters, options.seed, options.noise));
  const tooFar = options.dropAt.find((index) => index >= race.passings.length);
  if (tooFar !== undefined)
    throw new SimulatorUsageError(
      `--drop-at ${tooFar}: the race has passings 0 to ${race.passings.length - 1}`,
    );
  let simulator: DecoderSimulator;
  try {
    simulator = await DecoderSimulator.start({
      race,
      port: options.port,
      address: options.host,
      speed: options.speed,
      leadInMs: options.leadInMs,
      clockOffsetMs: options.clockOffsetMs,
      dropAt: options.dropAt,
      // Clients connecting and dropping, RESEND requests, the end.
      log: out,
    });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL')
      throw new SimulatorUsageError(`--port ${options.port} --host ${options.host}: ${message}`);
    throw error;
  }
  const { skaters, format } = foldJournal(race.entries).state;
  const names = new Map(skaters.map((s) => [s.bib, s.name]));
  const laps = format.laps;
  out(`P3 decoder simulator on ${simulator.address}:${simulator.port} (speed ${options.speed}x)`);
  out(
    `${race.title}: ${race.skaters.length} skaters, ${laps} laps, ${race.passings.length} passings, the gun in ${(options.leadInMs / options.speed / 1000).toFixed(2)} s`,
  );
  for (const line of transponderTable(race, names)) out(line);
  if (known) out(storyLine(known));
  simulator.onGun((gunAt) =>
    out(
      `gun: the race is on (decoder clock ${new Date(gunAt + options.clockOffsetMs).toISOString()})`,
    ),
  );
  // With --breakaway, each lap's true groups once its last skater on the lead lap is across
  // (before the next lap's leader line when one passing brings both: the lap is in first).
  const truths = [...(known?.truth ?? [])];
  simulator.onPassing((passing) => {
    while (truths.length > 0 && passing.raceMs >= truths[0]!.completeMs)
      out(`  lap ${truths[0]!.lap} groups (truth): ${groupsText(truths.shift()!.groups)}`);
  });
  let leaderLap = 0;
  simulator.onPassing((passing, passingNumber) => {
    if (passing.lap === null || passing.lap <= leaderLap) return;
    leaderLap = passing.lap;
    const sprint = format.sprintLaps.indexOf(leaderLap) + 1;
    const where =
      leaderLap === laps
        ? 'the finish'
        : `${laps - leaderLap} to go${sprint > 0 ? `, sprint ${sprint}` : ''}`;
    out(
      `lap ${leaderLap}/${laps} (${where}): bib ${passing.bib} ${names.get(passing.bib!) ?? ''} first at ${raceTime(passing.raceMs)}, passing ${passingNumber}`,
    );
  });
  return { close: () => simulator.close(), done: simulator.done };
}

/** Groups as one line: `#9 #3 +0.00 | #5 #10 +2.31 | bunch of 11 +4.53`. */
export function groupsText(
  groups: readonly { helmets: readonly number[]; behindLeaderSeconds: number }[],
): string {
  return groups
    .map(({ helmets, behindLeaderSeconds }) => {
      const who =
        helmets.length > 4 ? `bunch of ${helmets.length}` : helmets.map((h) => `#${h}`).join(' ');
      return `${who} +${behindLeaderSeconds.toFixed(2)}`;
    })
    .join(' | ');
}

/** What the race with known groups will tell, in one line. */
export function storyLine({ story }: BreakawayRace): string {
  const helmets = (bibs: readonly number[]) => bibs.map((bib) => `#${bib}`).join(' ');
  const caught =
    story.caughtAtLap === null ? 'away to the finish' : `caught at lap ${story.caughtAtLap}`;
  const chase = story.chaseLaps
    ? `; chase ${helmets(story.chase)} laps ${story.chaseLaps.from}-${story.chaseLaps.to}`
    : '';
  const lapped = story.lappedAtLap === null ? 'never lapped' : `lapped at lap ${story.lappedAtLap}`;
  return `breakaway: ${helmets(story.away)} away from lap ${story.awayFromLap}, ${caught}${chase}; #${story.straggler} off the back after lap ${story.droppedAfterLap}, ${lapped}`;
}

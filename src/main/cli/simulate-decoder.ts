/**
 * `massstart simulate-decoder`: a P3 decoder on TCP that plays the passings of a race (issue 12),
 * a generated semi-final or a recorded journal (--race), for testing the timing adapter and the
 * whole chain without a decoder. Prints where it listens, who wears which transponder, then the
 * gun and each lap of the leader as the race runs.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { foldJournal } from '../../shared/race/history.ts';
import { parseRecording, RecordingError } from '../../shared/rehearsal/recording.ts';
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
  if (values.host !== undefined && values.host.trim() === '')
    throw new SimulatorUsageError('--host must name an address, such as 127.0.0.1');
  return {
    port: numberOption('port', values.port, P3_DEFAULT_PORT, { min: 0, max: 65535 }),
    host: values.host ?? '127.0.0.1',
    race: values.race,
    speed: numberOption('speed', values.speed, 10, { min: 0.1, max: 1000, integer: false }),
    skaters: numberOption('skaters', values.skaters, 16, { min: 4, max: 24 }),
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
  const race = await loadRace(options.race, options.skaters, options.seed, options.noise);
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
  simulator.onGun((gunAt) =>
    out(
      `gun: the race is on (decoder clock ${new Date(gunAt + options.clockOffsetMs).toISOString()})`,
    ),
  );
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

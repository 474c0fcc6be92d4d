// `npm run demo -- --timing`: the recorded semi-final as transponder passings. The decoder
// simulator (src/main/timing/decoder-simulator.ts) serves them over P3 on loopback, the host's
// timing feed is connected to it with auto laps on, and the race on the boards is a fresh copy of
// the recording's set-up: the laps count themselves, the sprints and the finish are proposed in
// the console for the operator to accept (Enter), and the referee's decisions (DNF, lapped) are
// entered when the recording had them, as an operator would.
import type { JournalEntry, RaceEventOf } from '../../shared/race/events.ts';
import { breakawayRace } from '../../shared/timing/breakaway-race.ts';
import { passingsFromRecording, type SimRace } from '../../shared/timing/race-passings.ts';
import { DecoderSimulator } from '../timing/decoder-simulator.ts';

/** A call to the running host's control API. */
export type ApiCall = (path: string, body?: unknown) => Promise<unknown>;

const eventOf = <T extends JournalEntry['event']['type']>(
  entries: readonly JournalEntry[],
  type: T,
): RaceEventOf<T> => {
  const event = entries.find((entry) => entry.event.type === type)?.event;
  if (!event) throw new Error(`the recording has no ${type}`);
  return event as RaceEventOf<T>;
};

/**
 * Starts the simulator; the gun goes `leadInSeconds` (real time) from now. `breakaway`: a race
 * with known groups (issue 21: a break of two goes at lap 6, a chase, caught at lap 12) instead
 * of the recording.
 */
export async function startDemoDecoder(
  recording: readonly JournalEntry[],
  speed: number,
  leadInSeconds: number,
  breakaway = false,
): Promise<{ simulator: DecoderSimulator; race: SimRace }> {
  const race = breakaway
    ? breakawayRace({ seed: 32 }).race
    : passingsFromRecording(recording, { seed: 1 });
  const simulator = await DecoderSimulator.start({
    race,
    speed,
    leadInMs: leadInSeconds * 1000 * speed,
  });
  return { simulator, race };
}

/** Puts the recording's race on the boards and fires the gun and the referee's calls on time. */
export async function runTimingDemo(
  call: ApiCall,
  simulator: DecoderSimulator,
  race: SimRace,
  log: (line: string) => void,
): Promise<string> {
  const configured = eventOf(race.entries, 'race/configured');
  const added = (await call('/api/v1/program', {
    type: 'race/added',
    title: `Timing rehearsal · ${configured.title}`,
    category: 'Rehearsal',
    round: configured.round,
    qualifiers: configured.qualifiers,
    format: configured.format,
  })) as { raceId: string };
  const raceId = added.raceId;
  const commands = (...list: unknown[]) =>
    call(`/api/v1/races/${raceId}/commands`, { commands: list });
  await commands(eventOf(race.entries, 'startList/set'));
  await call('/api/v1/program', { type: 'race/activated', raceId });
  const startedAt = Date.parse(
    race.entries.find((entry) => entry.event.type === 'race/started')!.at,
  );
  const calls = race.entries
    .filter((entry) => entry.event.type === 'skater/statusChanged')
    .map((entry) => ({ raceMs: Date.parse(entry.at) - startedAt, event: entry.event }));
  const report = (what: string) => (error: unknown) =>
    log(`  (${what} refused: ${(error as Error).message})`);
  simulator.onGun(() => {
    log('  the gun: the race is on (race/started sent, as the starter would)');
    void commands({ type: 'race/started' }).catch(report('the start'));
  });
  simulator.onPassing((passing) => {
    while (calls.length > 0 && calls[0]!.raceMs <= passing.raceMs) {
      const { event } = calls.shift()!;
      log(`  referee: ${JSON.stringify(event)}`);
      void commands(event).catch(report('a referee call'));
    }
  });
  return raceId;
}

/**
 * Checks a typed entry against the race as the host last pushed it: names for every helmet
 * number as it is typed, the problems the console can see at once, and the command(s) Enter
 * sends. The host checks again and has the last word; this only saves a round trip.
 */
import type { RaceCommand } from '../../shared/race/events.ts';
import type { RaceState } from '../../shared/race/state.ts';
import type { RaceView } from '../../shared/race/view.ts';
import type { EntryMode, EntryProblem, ParsedEntry } from './entry.ts';

/** One typed helmet number with the skater it names. */
export interface EntryItem {
  readonly bib: number;
  /** The skater's name; null when the number is not on the start list. */
  readonly name: string | null;
  readonly nation: string;
  readonly problem: EntryProblem | null;
}

/** What Enter sends: one command, or an all-or-nothing batch; corrections carry the revision. */
export interface EntryRequest {
  readonly commands: readonly RaceCommand[];
  /** The race revision the operator saw: a correction against a newer race is refused (409). */
  readonly revision?: number;
}

/** The entry, checked. */
export interface EntryCheck {
  readonly mode: EntryMode;
  readonly items: readonly EntryItem[];
  /** Every problem: unreadable words, then each number's, then the entry's as a whole. */
  readonly problems: readonly EntryProblem[];
  /** DNF: the laps completed that will be recorded. */
  readonly laps: number | null;
  /** A correction: the placings this entry replaces. */
  readonly replaces: readonly number[] | null;
  /** What Enter sends; null while there is nothing to send or a problem. */
  readonly request: EntryRequest | null;
}

/** Checks a parsed entry against the race. */
export function checkEntry(parsed: ParsedEntry, race: RaceView | null): EntryCheck {
  const { mode } = parsed;
  if (!race) {
    const problems: EntryProblem[] = parsed.empty ? [] : [{ code: 'noRace' }];
    return { mode, items: [], problems, laps: null, replaces: null, request: null };
  }
  const { state } = race;
  const bibs =
    mode.kind === 'status' && mode.status === 'DNF' ? parsed.numbers.slice(0, 1) : parsed.numbers;
  const items = bibs.map((bib, index) => item(state, mode, bib, bibs.indexOf(bib) !== index));
  const own: EntryProblem[] = [];
  let laps: number | null = null;
  let replaces: readonly number[] | null = null;
  let commands: RaceCommand[] = [];
  let revision: number | undefined;
  switch (mode.kind) {
    case 'sprint': {
      const count = state.format.sprintLaps.length;
      const places = state.format.intermediatePoints.length;
      if (mode.sprint < 1 || mode.sprint > count)
        own.push({ code: 'noSprint', params: { sprint: mode.sprint, count } });
      else if (bibs.length > places)
        own.push({ code: 'tooMany', params: { sprint: mode.sprint, places, count: bibs.length } });
      const placed = state.sprints[mode.sprint - 1] ?? [];
      if (placed.length > 0) replaces = placed;
      commands = [{ type: 'sprint/placed', sprint: mode.sprint, bibs: [...bibs] }];
      if (replaces) revision = race.revision;
      break;
    }
    case 'finish':
      commands = [
        {
          type: state.finishOrder.length === 0 ? 'finish/recorded' : 'finish/appended',
          bibs: [...bibs],
        },
      ];
      break;
    case 'finishReplace':
      if (state.finishOrder.length > 0) replaces = state.finishOrder;
      commands = [{ type: 'finish/recorded', bibs: [...bibs] }];
      revision = race.revision;
      break;
    case 'status':
      if (mode.status === 'DNF') {
        if (parsed.numbers.length > 2) own.push({ code: 'dnfArgs' });
        laps = parsed.numbers[1] ?? state.lapsCompleted;
        if (laps > state.format.laps)
          own.push({ code: 'lapsRange', params: { laps: state.format.laps } });
        commands = bibs.map((bib) => ({
          type: 'skater/statusChanged',
          bib,
          status: 'DNF',
          laps: laps!,
        }));
      } else {
        commands = bibs.map((bib) => ({ type: 'skater/statusChanged', bib, status: mode.status }));
      }
      break;
    case 'advance':
      if (state.round !== 'semi' && bibs.length > 0) own.push({ code: 'notSemi' });
      commands = bibs.map((bib) => ({ type: 'qualifier/advanced', bib }));
      break;
    case 'time':
      if (!parsed.empty && (bibs.length !== 1 || parsed.time === null))
        own.push({ code: 'timeArgs' });
      commands =
        parsed.time === null
          ? []
          : bibs.slice(0, 1).map((bib) => ({ type: 'finish/timed', bib, time: parsed.time! }));
      break;
  }
  const problems = [
    ...parsed.problems,
    ...items.flatMap((entry) => (entry.problem ? [entry.problem] : [])),
    ...own,
  ];
  const sendable = problems.length === 0 && bibs.length > 0 && commands.length > 0;
  const request: EntryRequest | null = sendable
    ? { commands, ...(revision === undefined ? {} : { revision }) }
    : null;
  return { mode, items, problems, laps, replaces, request };
}

/** One typed number: its skater and what is wrong with it in this mode. */
function item(state: RaceState, mode: EntryMode, bib: number, repeated: boolean): EntryItem {
  const skater = state.skaters.find((s) => s.bib === bib);
  const base = { bib, name: skater?.name ?? null, nation: skater?.nation ?? '' };
  const problem = (): EntryProblem | null => {
    if (!skater) return { code: 'unknownBib', params: { bib } };
    if (repeated) return { code: 'twice', params: { bib } };
    const status = state.status[bib];
    const place = state.finishOrder.indexOf(bib) + 1;
    switch (mode.kind) {
      case 'sprint':
        return status === 'DNS' ? { code: 'dns', params: { bib } } : null;
      case 'finish':
      case 'finishReplace':
        if (status === 'DNS') return { code: 'dns', params: { bib } };
        if (status === 'DNF') return { code: 'dnf', params: { bib } };
        return mode.kind === 'finish' && place > 0
          ? { code: 'alreadyFinished', params: { bib, place } }
          : null;
      case 'status':
        return mode.status === 'DNF' && place > 0 ? { code: 'inFinish', params: { bib } } : null;
      case 'advance':
        if (status === 'DNS') return { code: 'dns', params: { bib } };
        if (status === 'DQ') return { code: 'dq', params: { bib } };
        return state.advanced.includes(bib) ? { code: 'alreadyAdvanced', params: { bib } } : null;
      case 'time':
        return status === 'DNS' ? { code: 'dns', params: { bib } } : null;
    }
  };
  return { ...base, problem: problem() };
}

import { check, skipMoment, type MomentCheck } from './errors.ts';
import type { RaceEvent, RaceEventOf, Skater } from './events.ts';
import { sprintLapsToGo } from './format.ts';
import { checkFinish, checkPlacings, known } from './placings.ts';
import { lapsToGo } from './progress.ts';
import { withNameFromParts } from './skater-name.ts';
import { isRacing, statusOf, type RaceState } from './state.ts';

type Handler<T extends RaceEvent['type']> = (
  state: RaceState,
  event: RaceEventOf<T>,
  when: MomentCheck,
) => RaceState;
type Handlers = { [T in Exclude<RaceEvent['type'], 'event/voided'>]: Handler<T> };

/** Which rules to check: all of them (default), or only what was entered (`moment: false`). */
export interface RuleOptions {
  readonly moment?: boolean;
}

/**
 * Applies one event to the state, or throws a RaceRuleError that tells the operator why not.
 * Pure: the state passed in is never changed. Voids are handled by the history (history.ts).
 * `moment: false` checks only what was entered (a view's pre-check names every wrong helmet
 * number whatever the moment); the fold and the host always check everything.
 */
export function applyEvent(state: RaceState, event: RaceEvent, rules?: RuleOptions): RaceState {
  const when: MomentCheck = rules?.moment === false ? skipMoment : check;
  check(
    event.type !== 'event/voided',
    'notAnEvent',
    'a void is applied by the race history, not to a state',
  );
  if (event.type !== 'results/reopened') {
    when(
      !state.official,
      'official',
      'the results are official: reopen them before changing anything',
    );
  }
  const handler = handlers[event.type] as Handler<typeof event.type>;
  return handler(state, event, when);
}

/** An event with the time the host stamped on it at intake (a journal entry, or one being decided). */
export interface TimedEvent {
  readonly event: RaceEvent;
  readonly at: string;
}

/**
 * Applies an event with its time: applyEvent, then the facts its time establishes. The start and
 * the confirmation take the time of the entry that made them (RaceState.startedAt, confirmedAt;
 * an entry without a time gives null), so a fold, a void and a redo give the same (issue 19).
 */
export function applyEntry(state: RaceState, entry: TimedEvent, rules?: RuleOptions): RaceState {
  return stamped(state, applyEvent(state, entry.event, rules), entry.at || null);
}

/** The state after an event with its start and confirmation times: set when they begin, kept, or cleared. */
function stamped(before: RaceState, after: RaceState, at: string | null): RaceState {
  // A lap before the start starts the race too (the lap/completed handler): same rule, same time.
  const startedAt = !after.started ? null : before.started ? before.startedAt : at;
  const confirmedAt = !after.official ? null : before.official ? before.confirmedAt : at;
  if (startedAt === after.startedAt && confirmedAt === after.confirmedAt) return after;
  return { ...after, startedAt, confirmedAt };
}

const handlers: Handlers = {
  'race/configured': (state, event, when) => {
    if (state.started) {
      when(
        event.round === state.round &&
          event.qualifiers === state.qualifiers &&
          JSON.stringify(event.format) === JSON.stringify(state.format),
        'formatLocked',
        'the race has started: only its title can still be changed',
      );
    }
    check(
      event.round !== 'semi' || event.qualifiers >= 1,
      'qualifiersMissing',
      'a semi-final needs the number of qualifiers (for example 8)',
    );
    return {
      ...state,
      configured: true,
      title: event.title,
      round: event.round,
      qualifiers: event.round === 'semi' ? event.qualifiers : 0,
      format: event.format,
      sprints: state.sprints.slice(0, event.format.sprintLaps.length),
    };
  },

  'startList/set': (state, event, when) => {
    when(
      !state.started,
      'startListLocked',
      'the race has started: edit or withdraw single skaters instead',
    );
    const seen = new Map<number, Skater>();
    for (const skater of event.skaters) {
      const first = seen.get(skater.bib);
      check(
        !first,
        'startListTwice',
        `helmet number ${skater.bib} appears twice on the start list (${first?.name} and ${skater.name})`,
        { bib: skater.bib },
      );
      seen.set(skater.bib, skater);
    }
    return { ...state, skaters: event.skaters, status: {}, lapsByBib: {}, times: {}, advanced: [] };
  },

  'skater/edited': (state, event) => {
    const { type: _type, bib, ...changes } = event;
    const skater = known(state, bib);
    const edited = withNameFromParts({ ...skater, ...withoutUndefined(changes) }, changes);
    return { ...state, skaters: state.skaters.map((s) => (s.bib === bib ? edited : s)) };
  },

  'race/started': (state, _event, when) => {
    check(
      state.skaters.length > 0,
      'emptyStartList',
      'the start list is empty: load the skaters first',
    );
    when(!state.started, 'alreadyStarted', 'the race has already started');
    return { ...state, started: true };
  },

  // Before the start, a lap also starts the race (journals and senders written that way, such as
  // OSC's /massstart/lap, rely on it); the `lap` command (history.ts) starts without a lap.
  'lap/completed': (state, _event, when) => {
    check(
      state.skaters.length > 0,
      'emptyStartList',
      'the start list is empty: load the skaters first',
    );
    when(
      lapsToGo(state) > 0,
      'leaderFinished',
      'the leader has finished: laps to go cannot go below zero',
    );
    return { ...state, started: true, lapsCompleted: state.lapsCompleted + 1 };
  },

  'laps/corrected': (state, event, when) => {
    when(state.started, 'notStarted', 'the race has not started');
    check(
      event.lapsCompleted >= 0 && event.lapsCompleted <= state.format.laps,
      'lapsRange',
      `laps completed must be between 0 and ${state.format.laps}: laps to go cannot go below zero`,
      { laps: state.format.laps },
    );
    return { ...state, lapsCompleted: event.lapsCompleted };
  },

  'sprint/placed': (state, event, when) => {
    const { format } = state;
    const { sprint } = event;
    const count = format.sprintLaps.length;
    check(
      sprint >= 1 && sprint <= count,
      'noSprint',
      `sprint ${sprint} is not in this format (intermediate sprints 1 to ${count}); the final sprint is the finish order`,
      { sprint, count },
    );
    when(state.started, 'notStarted', 'the race has not started');
    const places = format.intermediatePoints.length;
    check(
      event.bibs.length <= places,
      'tooMany',
      `sprint ${sprint} scores ${places} places, but ${event.bibs.length} helmet numbers were given`,
      { sprint, places, count: event.bibs.length },
    );
    const decidedAt = sprintLapsToGo(format, sprint);
    when(
      lapsToGo(state) <= decidedAt + 1,
      'sprintNotYet',
      `sprint ${sprint} is decided at ${decidedAt} laps to go; the race is at ${lapsToGo(state)}`,
      { sprint, decidedAt, lapsToGo: lapsToGo(state) },
    );
    checkPlacings(state, event.bibs, `sprint ${sprint}`);
    const sprints = Array.from({ length: count }, (_, i) => state.sprints[i] ?? []);
    sprints[event.sprint - 1] = event.bibs;
    return { ...state, sprints };
  },

  'finish/recorded': (state, event, when) => {
    checkFinish(state, event.bibs, 0, when);
    return { ...state, finishOrder: event.bibs };
  },

  'finish/appended': (state, event, when) => {
    const finishOrder = [...state.finishOrder, ...event.bibs];
    checkFinish(state, finishOrder, state.finishOrder.length, when);
    return { ...state, finishOrder };
  },

  'finish/timed': (state, event, when) => {
    const { bib } = event;
    when(state.started, 'notStarted', 'the race has not started');
    known(state, bib);
    check(statusOf(state, bib) !== 'DNS', 'dns', `skater ${bib} did not start`, { bib });
    // A time for a skater not in the finish order is refused at intake (intake.ts, issue 19),
    // not here: journals written before that rule hold such times and must still open.
    return { ...state, times: { ...state.times, [event.bib]: event.time } };
  },

  'skater/statusChanged': (state, event) => {
    const { bib, status } = event;
    known(state, bib);
    const finished = state.finishOrder.includes(bib);
    if (status === 'DNS') {
      check(
        !state.sprints.some((placing) => placing.includes(bib)),
        'hasSprintPlacings',
        `skater ${bib} has sprint placings: correct the sprint before marking DNS`,
        { bib },
      );
      check(
        !finished,
        'inFinish',
        `skater ${bib} is in the finish order: correct it before marking DNS`,
        { bib },
      );
    }
    if (status === 'DNF') {
      check(
        !finished,
        'inFinish',
        `skater ${bib} is in the finish order: remove them before marking DNF`,
        { bib },
      );
    }
    if (event.laps !== undefined) {
      const laps = { laps: state.format.laps };
      check(event.laps >= 0, 'lapsRange', 'laps completed cannot be below zero', laps);
      check(
        event.laps <= state.format.laps,
        'lapsRange',
        `laps completed cannot be more than the race's ${state.format.laps}`,
        laps,
      );
    }
    const { [bib]: _oldStatus, ...otherStatus } = state.status;
    const { [bib]: _oldLaps, ...otherLaps } = state.lapsByBib;
    return {
      ...state,
      status: status === 'OK' ? otherStatus : { ...otherStatus, [bib]: status },
      lapsByBib: event.laps === undefined ? otherLaps : { ...otherLaps, [bib]: event.laps },
      advanced: status === 'DNS' || status === 'DQ' ? without(state.advanced, bib) : state.advanced,
    };
  },

  'qualifier/advanced': (state, event) => {
    const { bib } = event;
    check(state.round === 'semi', 'notSemi', 'only a semi-final has qualifiers to advance');
    known(state, bib);
    const status = statusOf(state, bib);
    check(status !== 'DNS', 'dns', `skater ${bib} is ${status}`, { bib });
    check(status !== 'DQ', 'dq', `skater ${bib} is ${status}`, { bib });
    check(
      !state.advanced.includes(bib),
      'alreadyAdvanced',
      `skater ${bib} has already been advanced`,
      { bib },
    );
    return { ...state, advanced: [...state.advanced, event.bib] };
  },

  'results/confirmed': (state) => {
    check(state.finishOrder.length > 0, 'noFinishOrder', 'there is no finish order to confirm');
    const open = state.skaters
      .filter((s) => !state.finishOrder.includes(s.bib) && isRacing(state, s.bib))
      .map((s) => s.bib);
    check(
      open.length === 0,
      'needsStatus',
      open.length > 1
        ? `skaters ${open.join(', ')} need a finish place or a status (DNF, DQ, DNS) first`
        : `skater ${open.join(', ')} needs a finish place or a status (DNF, DQ, DNS) first`,
      { bibs: open.join(', ') },
    );
    return { ...state, official: true };
  },

  'results/reopened': (state) => {
    check(state.official, 'notOfficial', 'the results are not official');
    return { ...state, official: false };
  },
};

function without(list: readonly number[], bib: number): readonly number[] {
  return list.includes(bib) ? list.filter((b) => b !== bib) : list;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

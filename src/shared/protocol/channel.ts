// The replication channel (issue 20): one wire for everything a host pushes. Each value has a
// name, a revision and a kind, as NodeCG's replicants do:
//   doc     a document sent whole, then as JSON Patch (RFC 6902) operations (the race view);
//   log     an append-only list sent whole, then as the entries appended (a race journal);
//   latest  sent whole each time, the latest wins (the timing view, the host's role).
// One gap rule on both ends: a client that is not at the revision a change starts from gets the
// whole value (the host sends it whole; a client that finds a gap asks with `follow`).
// No Node, no DOM: the host, the renderer and the standby all use this file.
import jsonPatch, { type Operation } from 'fast-json-patch';
import type { RaceState } from '../race/state.ts';
import { raceView, type RaceView } from '../race/view.ts';
import type { ProgramView, RaceSummary } from './program.ts';

export type ValueKind = 'doc' | 'log' | 'latest';

/** An append-only value: `of` names what the entries belong to (a race id), so a new `of` is a new log. */
export interface LogValue<T = unknown> {
  readonly of: string;
  readonly entries: readonly T[];
}

/**
 * A value as it travels: whole (`value`), or a change from revision `from` to `rev`: a doc's
 * `ops` (with `revs`, the revision counters of its parts that moved, carried beside the ops
 * because a replace operation each would be most of a small change) or a log's `entries`.
 * `from` is left out when it is the revision before (`rev - 1` for a doc, `rev` less the
 * entries' count for a log): the bytes of a one-field change count (issue 20: at most 146).
 */
export interface ValueMessage {
  readonly type: 'value';
  readonly name: string;
  readonly rev: number;
  readonly from?: number;
  readonly revs?: Readonly<Record<string, number>>;
  readonly ops?: readonly Operation[];
  readonly entries?: readonly unknown[];
  readonly value?: unknown;
}

/** The protocol version of the channel; `v=2` in the WebSocket URL, `"v":2` in subscribe. */
export const channelVersion = 2;

/** The view a client shows: the program and the race it follows (the active one: no id). */
export const stateName = (race: string | null): string => (race ? `state/${race}` : 'state');
/** A race's journal (the active race's: no id). */
export const journalName = (race: string | null): string => (race ? `journal/${race}` : 'journal');
/** The timing feed's view (consoles). */
export const timingName = 'timing';
/** The active race's groups and gaps from the loop (issue 21): boards, overlays, commentators. */
export const gapsName = 'gaps';
/** The program file as the host keeps it (the standby's copy). */
export const programFileName = 'program-file';
/** The host's role, epoch and peer (every view, to follow the primary). */
export const hostName = 'host';

/** Whether a client may follow this name (anything else is refused with the names it may). */
export function knownValueName(name: string): boolean {
  return (
    /^(state|journal)(\/[^/\s]{1,64})?$/.test(name) ||
    name === timingName ||
    name === gapsName ||
    name === programFileName ||
    name === hostName
  );
}

/** A value as a client holds it. */
export interface HeldValue {
  readonly rev: number;
  readonly value: unknown;
}

/** A doc's parts whose `revision` counters travel beside the ops: `{program: 57, race: 12}`. */
export function revisionsOf(doc: unknown): Record<string, number> {
  const revs: Record<string, number> = {};
  if (typeof doc !== 'object' || doc === null) return revs;
  for (const [key, part] of Object.entries(doc)) {
    const revision = (part as { revision?: unknown } | null)?.revision;
    if (typeof revision === 'number') revs[key] = revision;
  }
  return revs;
}

/** The doc with its parts' revision counters set to 0: what the ops are taken between. */
export function withoutRevisions(doc: unknown): unknown {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return doc;
  const out: Record<string, unknown> = {};
  for (const [key, part] of Object.entries(doc)) {
    const hasRevision =
      typeof part === 'object' &&
      part !== null &&
      typeof (part as { revision?: unknown }).revision === 'number';
    out[key] = hasRevision ? { ...(part as object), revision: 0 } : part;
  }
  return out;
}

/**
 * A client applies a pushed value to what it holds: the new value, or `gap` when the message is
 * a change from a revision it does not hold (then it asks for the whole value: `follow`).
 */
export function applyValue(held: HeldValue | undefined, message: ValueMessage): HeldValue | 'gap' {
  if (message.ops === undefined && message.entries === undefined)
    return { rev: message.rev, value: message.value ?? null };
  if (!held || held.rev !== changeBase(message)) return 'gap';
  if (message.entries) {
    const log = held.value as LogValue;
    return {
      rev: message.rev,
      value: { of: log.of, entries: [...log.entries, ...message.entries] },
    };
  }
  let next: unknown;
  try {
    next = jsonPatch.applyPatch(
      withoutRevisions(held.value),
      (message.ops ?? []) as Operation[],
      false,
      false,
    ).newDocument;
  } catch {
    return 'gap';
  }
  const counters = { ...revisionsOf(held.value), ...message.revs };
  if (typeof next === 'object' && next !== null)
    for (const [key, revision] of Object.entries(counters)) {
      const part = (next as Record<string, unknown>)[key];
      if (typeof part === 'object' && part !== null)
        (next as Record<string, unknown>)[key] = { ...part, revision };
    }
  return { rev: message.rev, value: next };
}

/** The revision a change starts from: `from`, or the one before (see ValueMessage). */
export function changeBase(message: ValueMessage): number {
  if (message.from !== undefined) return message.from;
  return message.entries ? message.rev - message.entries.length : message.rev - 1;
}

/** A view state: the program and the race a view follows (what `state` values hold). */
export interface ViewState {
  readonly program: ProgramView;
  readonly race: RaceView | null;
}

/**
 * A view state as the channel carries it: the race's own state without what every client
 * derives from it (the standings, laps to go: src/shared/race/view.ts), its fields beside the
 * race's id and revision, and the program without the followed race's revision (it is the
 * race's). A renamed skater is then one operation (`/race/skaters/3/name`), not three.
 */
export interface StateDoc {
  readonly program: Omit<ProgramView, 'races'> & {
    readonly races: readonly (RaceSummary | Omit<RaceSummary, 'revision'>)[];
  };
  readonly race: (RaceState & { readonly id: string; readonly revision: number }) | null;
}

/** The view state as the channel carries it. */
export function packState({ program, race }: ViewState): StateDoc {
  return {
    program: {
      ...program,
      races: program.races.map((summary) => {
        if (summary.id !== race?.id) return summary;
        const { revision: _revision, ...rest } = summary;
        return rest;
      }),
    },
    race: race && { ...race.state, id: race.id, revision: race.revision },
  };
}

/** The view state from what the channel carried: the race's view derived again. */
export function unpackState(doc: StateDoc): ViewState {
  const { race } = doc;
  let view: RaceView | null = null;
  if (race) {
    const { id, revision, ...state } = race;
    view = raceView(id, revision, state);
  }
  return {
    program: {
      ...doc.program,
      races: doc.program.races.map((summary) =>
        'revision' in summary ? summary : { ...summary, revision: race!.revision },
      ),
    },
    race: view,
  };
}

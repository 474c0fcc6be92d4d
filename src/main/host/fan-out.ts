// fast-json-patch is CommonJS in Node: its default export is the module (named imports fail).
import jsonPatch from 'fast-json-patch';
import type { JournalPush, PatchMessage, StateMessage } from '../../shared/protocol/socket.ts';
import type { HostSnapshot, RaceHost } from './host.ts';

/**
 * Where states go: a WebSocket, an Electron window. `send` takes the text and a callback for
 * when it has been written (the sink may have drained); `backedUp` says whether its buffer is
 * over the limit, so the fan-out skips it until then.
 */
export interface StateSink {
  send(text: string, written: () => void): void;
  isOpen(): boolean;
  backedUp(): boolean;
}

interface Follower {
  /** The race it follows; null: whichever race is active. */
  race: string | null;
  /** Push the followed race's journal with the state (the console). */
  journal: boolean;
  /** Which state (host revision and race) it was sent last. */
  sentKey: string | null;
  /** The host revision and followed race of the last state or patch it was sent. */
  sentRevision: number | null;
  sentRace: string | null;
  /** A newer state is due but the sink was backed up. */
  behind: boolean;
  /** The race whose journal it has, and how many entries of it. */
  journalRace: string | null;
  journalSent: number;
}

/**
 * Fans the host's state out to every view, whatever carries it. Each state is serialized once
 * per (host revision, followed race) and the same text goes to every sink following that race.
 * A sink that is backed up is skipped; when it drains (or at the next change) it gets only the
 * latest state, so one slow view cannot stall the rest or grow memory without bound (the CRG
 * Scoreboard lesson, docs/architecture.md). Followers that asked for the journal get the new
 * entries appended to the same text, so the console needs no second round trip per change.
 */
export class FanOut {
  private readonly followers = new Map<StateSink, Follower>();
  /** Per followed race ('' = the active one): the latest state, and the patch that led to it. */
  private readonly latest = new Map<string, Serialized>();
  private readonly unsubscribe: () => void;
  /** The latest console-only message (the timing feed), sent to every console that follows. */
  private consoleText: string | null = null;

  constructor(
    private readonly host: RaceHost,
    /** Patches after the first state (issue 13); false: the full state every time (bench:host's "before"). */
    private readonly patches = true,
  ) {
    // Every change alters the program's race summaries, so every follower gets a new state.
    this.unsubscribe = host.subscribe(() => {
      for (const [sink, follower] of this.followers) this.deliver(sink, follower);
    });
  }

  /** Number of sinks following a race. */
  get size(): number {
    return this.followers.size;
  }

  /** Makes a sink follow a race (null: the active one), adding it if new; sends that state. */
  follow(sink: StateSink, race: string | null, options: { journal?: boolean } = {}): void {
    const known = this.followers.get(sink);
    const follower: Follower = known ?? {
      race,
      journal: false,
      sentKey: null,
      sentRevision: null,
      sentRace: null,
      behind: false,
      journalRace: null,
      journalSent: 0,
    };
    follower.race = race;
    follower.journal = options.journal ?? known?.journal ?? false;
    follower.sentKey = null;
    follower.sentRevision = null; // a (re)subscribe gets the full state
    follower.journalRace = null; // a (re)subscribe gets the whole journal
    this.followers.set(sink, follower);
    this.deliver(sink, follower);
    if (follower.journal && this.consoleText !== null && sink.isOpen())
      sink.send(this.consoleText, () => this.drained(sink));
  }

  /**
   * Sends a message to every console (followers that asked for the journal) and keeps it for
   * the consoles that come later: the timing feed's view (issue 12), which changes between host
   * revisions. A console that is backed up skips it; the next one replaces it anyway.
   */
  toConsoles(text: string): void {
    this.consoleText = text;
    for (const [sink, follower] of this.followers)
      if (follower.journal && sink.isOpen() && !sink.backedUp())
        sink.send(text, () => this.drained(sink));
  }

  /** Whether a sink follows a race. */
  has(sink: StateSink): boolean {
    return this.followers.has(sink);
  }

  /** Forgets a sink (closed, unsubscribed). */
  remove(sink: StateSink): void {
    this.followers.delete(sink);
  }

  /** The sink may have drained: deliver what it missed. */
  drained(sink: StateSink): void {
    const follower = this.followers.get(sink);
    if (follower?.behind) this.deliver(sink, follower);
  }

  /** Retries every sink that was backed up (a safety net run by the keepalive timer). */
  retryBehind(): void {
    for (const [sink, follower] of this.followers)
      if (follower.behind) this.deliver(sink, follower);
  }

  /** Stops listening to the host. */
  close(): void {
    this.unsubscribe();
    this.followers.clear();
    this.latest.clear();
  }

  private deliver(sink: StateSink, follower: Follower): void {
    if (!sink.isOpen()) return;
    if (sink.backedUp()) {
      follower.behind = true;
      return;
    }
    follower.behind = false;
    const race = follower.race ?? this.host.activeRaceId;
    const push = follower.journal ? this.journalPush(follower, race) : null;
    const key = `${this.host.revision}/${race ?? ''}`;
    if (follower.sentKey === key && push === null) return;
    follower.sentKey = key;
    const followed = follower.race ?? '';
    const state = this.serialized(followed, race);
    // Up to date but for this revision: the patch; anything else (new, skipped states while
    // backed up, another race): the full state.
    const patch =
      this.patches &&
      state.patch !== null &&
      follower.sentRace === followed &&
      follower.sentRevision === state.patch.from
        ? state.patch.text
        : null;
    follower.sentRevision = state.revision;
    follower.sentRace = followed;
    const base = patch ?? state.text;
    const text = push ? `${base.slice(0, -1)},"journal":${JSON.stringify(push)}}` : base;
    sink.send(text, () => this.drained(sink));
  }

  /** The journal entries this follower does not have yet, or null if it has them all. */
  private journalPush(follower: Follower, race: string | null): JournalPush | null {
    if (race === null) return null;
    // A race's revision is its journal's length: a follower that has them all costs no copy.
    const length = this.host.race(race)?.revision;
    if (length === undefined || (follower.journalRace === race && follower.journalSent === length))
      return null;
    const journal = this.host.journal(race);
    if (journal === null) return null;
    const from =
      follower.journalRace === race && follower.journalSent <= journal.entries.length
        ? follower.journalSent
        : 0;
    if (follower.journalRace === race && from === journal.entries.length) return null;
    follower.journalRace = race;
    follower.journalSent = journal.entries.length;
    return { raceId: race, from, entries: journal.entries.slice(from), voided: journal.voided };
  }

  /**
   * The state message for a followed race at the current revision, serialized once, with the
   * JSON Patch (RFC 6902) from the previous state of that race: computed once per revision and
   * sent as the same text to every follower on the previous revision. The ops are taken between
   * the snapshots' program and race (the revision goes in `to`); unchanged parts of a snapshot
   * are the same objects (views are cached per revision), so the diff skips them.
   */
  private serialized(followed: string, race: string | null): Serialized {
    const revision = this.host.revision;
    const known = this.latest.get(followed);
    if (known?.revision === revision) return known;
    const snapshot = this.host.snapshot(race);
    const text = JSON.stringify({ type: 'state', ...snapshot } satisfies StateMessage);
    let patch: Serialized['patch'] = null;
    if (known) {
      const before = known.snapshot;
      // The revision counters travel beside the ops, as `to` does: every program change moves
      // the program revision and every race change the race's, and a replace op for each would
      // be most of a small patch (the bytes count: issue 13).
      const ops = jsonPatch.compare(withoutRevisions(before), withoutRevisions(snapshot));
      const programRevision = snapshot.program.revision;
      const raceRevision = snapshot.race?.revision;
      const message: PatchMessage = {
        type: 'patch',
        // Absent: the view follows whichever race is active.
        ...(followed === '' ? {} : { race: followed }),
        from: known.revision,
        to: revision,
        ...(programRevision === before.program.revision ? {} : { program: programRevision }),
        // Another race (the active one changed) comes whole in the ops, its revision beside.
        ...(raceRevision === undefined ||
        (raceRevision === before.race?.revision && snapshot.race?.id === before.race.id)
          ? {}
          : { raceRevision }),
        ops,
      };
      const patchText = JSON.stringify(message);
      // A patch bigger than the state (another race on the boards) is not worth it.
      if (patchText.length < text.length) patch = { from: known.revision, text: patchText };
    }
    const serialized = { revision, snapshot, text, patch };
    this.latest.set(followed, serialized);
    return serialized;
  }
}

/** What the ops are taken between: the snapshot's program and race, their revisions set apart. */
function withoutRevisions(snapshot: HostSnapshot): { program: object; race: object | null } {
  return {
    program: { ...snapshot.program, revision: 0 },
    race: snapshot.race && { ...snapshot.race, revision: 0 },
  };
}

/** A state as sent: its snapshot, its text, and the patch text from the one before. */
interface Serialized {
  readonly revision: number;
  readonly snapshot: HostSnapshot;
  readonly text: string;
  readonly patch: { readonly from: number; readonly text: string } | null;
}

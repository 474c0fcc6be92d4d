// fast-json-patch is CommonJS in Node: its default export is the module (named imports fail).
import jsonPatch from 'fast-json-patch';
import {
  revisionsOf,
  withoutRevisions,
  type LogValue,
  type ValueKind,
  type ValueMessage,
} from '../../shared/protocol/channel.ts';

/**
 * Where values go: a WebSocket, an Electron window, a standby. `send` takes the text and a
 * callback for when it has been written (the sink may have drained); `backedUp` says whether its
 * buffer is over the limit, so the channel skips it until then.
 */
export interface StateSink {
  send(text: string, written: () => void): void;
  isOpen(): boolean;
  backedUp(): boolean;
}

/** A value as the channel holds it: the latest publish and the one before (for its change). */
interface Held {
  readonly kind: ValueKind;
  readonly rev: number;
  readonly value: unknown;
  /** What a protocol 1 client is sent (a view state whole), when it differs from `value`. */
  readonly full: unknown;
  /** Counts publishes of any value: what a follower was sent last, by name. */
  readonly seq: number;
  /** The publish this one changes (null: nothing to change from: send it whole). */
  readonly before: { readonly seq: number; readonly rev: number; readonly value: unknown } | null;
  whole?: string;
  legacy?: string;
  change?: string | null;
}

interface Follower {
  /** Name -> the publish it was sent last (0: nothing yet). */
  readonly sent: Map<string, number>;
  /** Protocol 1: only `state` messages, whole (the documented message of before the channel). */
  readonly legacy: boolean;
  /** A newer value is due but the sink was backed up. */
  behind: boolean;
}

/**
 * The replication channel's host end (issue 20): named, versioned values, pushed to by their
 * owners (the race host, the timing feed), and one loop that sends each follower what it lacks.
 * Each text is made once per publish and the same text goes to every follower; a follower that
 * was sent the publish before gets the change, any other (new, skipped while backed up) the
 * whole value. A backed-up sink is skipped and gets the latest when it drains, so one slow view
 * cannot stall the rest or grow memory without bound (the CRG lesson, docs/architecture.md).
 */
export class Channel {
  private readonly values = new Map<string, Held>();
  private readonly followers = new Map<StateSink, Follower>();
  private seq = 0;

  /** Number of sinks following values. */
  get size(): number {
    return this.followers.size;
  }

  /** A value as held now (null: never published, or dropped). */
  held(name: string): { readonly rev: number; readonly value: unknown } | null {
    const held = this.values.get(name);
    return held ? { rev: held.rev, value: held.value } : null;
  }

  /**
   * Publishes a value. The same revision is no change (the owner publishes freely); a log is published with all its entries (`rev`: their
   * count), and a change is the entries after the previous publish's count.
   */
  publish(name: string, kind: ValueKind, rev: number, value: unknown, full: unknown = value): void {
    const known = this.values.get(name);
    // The same revision is the same value (a log's: of the same race).
    if (
      known?.rev === rev &&
      (kind !== 'log' || (known.value as LogValue).of === (value as LogValue).of)
    )
      return;
    const follows =
      known !== undefined &&
      known.kind === kind &&
      kind !== 'latest' &&
      (kind !== 'log' ||
        ((known.value as LogValue).of === (value as LogValue).of && known.rev <= rev));
    this.seq += 1;
    this.values.set(name, {
      kind,
      rev,
      value,
      full,
      seq: this.seq,
      before: follows ? { seq: known.seq, rev: known.rev, value: known.value } : null,
    });
    for (const [sink, follower] of this.followers)
      if (follower.sent.has(name)) this.deliver(sink, follower);
  }

  /** Forgets a value (a race removed): followers keep what they have. */
  drop(name: string): void {
    this.values.delete(name);
  }

  /**
   * Makes a sink follow these names (adding it if new): each is sent whole at once (a sink that
   * asks again, after a gap, gets it whole again). `replace`: stop following the others.
   */
  follow(
    sink: StateSink,
    names: readonly string[],
    options: { readonly legacy?: boolean; readonly replace?: boolean } = {},
  ): void {
    const known = this.followers.get(sink);
    const follower: Follower =
      known && known.legacy === (options.legacy ?? false)
        ? known
        : { sent: new Map(), legacy: options.legacy ?? false, behind: false };
    if (options.replace) follower.sent.clear();
    for (const name of names) follower.sent.set(name, 0);
    this.followers.set(sink, follower);
    this.deliver(sink, follower);
  }

  /** Whether a sink follows anything. */
  has(sink: StateSink): boolean {
    return this.followers.has(sink);
  }

  /** The names a sink follows. */
  followed(sink: StateSink): string[] {
    return [...(this.followers.get(sink)?.sent.keys() ?? [])];
  }

  /** Every name some sink follows. */
  followedNames(): Set<string> {
    const names = new Set<string>();
    for (const follower of this.followers.values())
      for (const name of follower.sent.keys()) names.add(name);
    return names;
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

  /** Forgets every follower and value. */
  close(): void {
    this.followers.clear();
    this.values.clear();
  }

  /** The one loop's body: everything this follower lacks, each value whole or as its change. */
  private deliver(sink: StateSink, follower: Follower): void {
    if (!sink.isOpen()) return;
    for (const [name, sent] of follower.sent) {
      const held = this.values.get(name);
      if (!held || held.seq === sent) continue;
      if (sink.backedUp()) {
        follower.behind = true;
        return;
      }
      follower.sent.set(name, held.seq);
      const text = follower.legacy
        ? legacyText(held)
        : ((held.before?.seq === sent ? changeText(name, held) : null) ?? wholeText(name, held));
      sink.send(text, () => this.drained(sink));
    }
    follower.behind = false;
  }
}

/** The value whole: `{"type":"value","name":…,"rev":…,"value":…}`, made once per publish. */
function wholeText(name: string, held: Held): string {
  if (held.whole === undefined) {
    const value =
      held.kind === 'log'
        ? {
            of: (held.value as LogValue).of,
            entries: (held.value as LogValue).entries.slice(0, held.rev),
          }
        : held.value;
    held.whole = JSON.stringify({
      type: 'value',
      name,
      rev: held.rev,
      value,
    } satisfies ValueMessage);
  }
  return held.whole;
}

/**
 * The change from the publish before, made once per publish: a log's new entries, a doc's ops
 * (null when the ops would be no smaller than the whole value: another race on the boards).
 */
function changeText(name: string, held: Held): string | null {
  if (held.change !== undefined) return held.change;
  const before = held.before!;
  if (held.kind === 'log') {
    const entries = (held.value as LogValue).entries.slice(before.rev, held.rev);
    held.change = JSON.stringify({
      type: 'value',
      name,
      rev: held.rev,
      // Left out when it is the count before these entries (always, for a log that grew).
      ...(before.rev === held.rev - entries.length ? {} : { from: before.rev }),
      entries,
    } satisfies ValueMessage);
    return held.change;
  }
  const ops = jsonPatch.compare(
    withoutRevisions(before.value) as object,
    withoutRevisions(held.value) as object,
  );
  const was = revisionsOf(before.value);
  const revs = Object.fromEntries(
    Object.entries(revisionsOf(held.value)).filter(([key, revision]) => was[key] !== revision),
  );
  const text = JSON.stringify({
    type: 'value',
    name,
    rev: held.rev,
    ...(before.rev === held.rev - 1 ? {} : { from: before.rev }),
    ...(Object.keys(revs).length > 0 ? { revs } : {}),
    ops,
  } satisfies ValueMessage);
  held.change = text.length < wholeText(name, held).length ? text : null;
  return held.change;
}

/**
 * Protocol 1 (before the channel): a view state as the documented `state` message, whole,
 * `{"type":"state","revision":…,"program":…,"race":…}`. Only view states are sent this way.
 */
function legacyText(held: Held): string {
  if (held.legacy === undefined)
    held.legacy = JSON.stringify({ type: 'state', revision: held.rev, ...(held.full as object) });
  return held.legacy;
}

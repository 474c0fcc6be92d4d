import type { RaceHost } from '../host/host.ts';
import type { SocketMessage } from '../../shared/protocol/socket.ts';

/** The part of a `ws` WebSocket the hub uses (a fake in unit tests). */
export interface HubSocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: string, callback?: (error?: Error) => void): void;
}

const OPEN = 1;

interface Follower {
  /** The race it follows; null: whichever race is active. */
  race: string | null;
  /** Which snapshot (host revision and race) it was sent last. */
  sentKey: string | null;
  /** A newer snapshot is due but the socket was backed up. */
  behind: boolean;
}

/**
 * Fans the host's state out to WebSocket views. Each snapshot is serialized once per (host
 * revision, followed race) and the same string goes to every socket following that race. A
 * socket whose send buffer is above `bufferLimit` is skipped; when its writes complete (or at
 * the next change) it gets only the latest snapshot, so one slow view cannot stall the rest
 * or grow memory without bound (the CRG Scoreboard lesson, docs/architecture.md).
 */
export class SnapshotHub {
  private readonly followers = new Map<HubSocket, Follower>();
  private readonly cache = new Map<string, string>();
  private cacheRevision = -1;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly host: RaceHost,
    private readonly bufferLimit = 1 << 20,
  ) {
    // Every change alters the program's race summaries, so every follower gets a new snapshot.
    this.unsubscribe = host.subscribe(() => {
      for (const [socket, follower] of this.followers) this.deliver(socket, follower);
    });
  }

  /** Number of sockets following a race. */
  get size(): number {
    return this.followers.size;
  }

  /** Adds a socket and sends it the full state at once. */
  add(socket: HubSocket, race: string | null): void {
    const follower: Follower = { race, sentKey: null, behind: false };
    this.followers.set(socket, follower);
    this.deliver(socket, follower);
  }

  /** Makes a socket follow another race (null: the active one) and sends that state. */
  follow(socket: HubSocket, race: string | null): void {
    const follower = this.followers.get(socket);
    if (!follower) return;
    follower.race = race;
    follower.sentKey = null;
    this.deliver(socket, follower);
  }

  /** Forgets a closed socket. */
  remove(socket: HubSocket): void {
    this.followers.delete(socket);
  }

  /** Sends a reply; its completion also tells the hub the socket may have drained. */
  reply(socket: HubSocket, message: SocketMessage): void {
    if (socket.readyState !== OPEN) return;
    socket.send(JSON.stringify(message), () => this.drained(socket));
  }

  /** Retries every socket that was backed up (a safety net run by the keepalive timer). */
  retryBehind(): void {
    for (const [socket, follower] of this.followers)
      if (follower.behind) this.deliver(socket, follower);
  }

  /** Stops listening to the host. */
  close(): void {
    this.unsubscribe();
    this.followers.clear();
    this.cache.clear();
  }

  private deliver(socket: HubSocket, follower: Follower): void {
    if (socket.readyState !== OPEN) return;
    if (socket.bufferedAmount > this.bufferLimit) {
      follower.behind = true;
      return;
    }
    const race = follower.race ?? this.host.activeRaceId;
    const key = `${this.host.revision}/${race ?? ''}`;
    follower.behind = false;
    if (follower.sentKey === key) return;
    follower.sentKey = key;
    socket.send(this.serialized(key, race), () => this.drained(socket));
  }

  private drained(socket: HubSocket): void {
    const follower = this.followers.get(socket);
    if (follower?.behind) this.deliver(socket, follower);
  }

  /** The state message for a race at the current revision, serialized once. */
  private serialized(key: string, race: string | null): string {
    if (this.cacheRevision !== this.host.revision) {
      this.cache.clear();
      this.cacheRevision = this.host.revision;
    }
    let text = this.cache.get(key);
    if (text === undefined) {
      text = JSON.stringify({ type: 'state', ...this.host.snapshot(race) } satisfies SocketMessage);
      this.cache.set(key, text);
    }
    return text;
  }
}

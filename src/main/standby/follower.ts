// The standby's end of the replication channel (issue 20): it follows the primary's program file
// and every race journal (a journal is just an append-only value), writes each change to its own
// data folder with fsync (src/main/standby/replica.ts), and only then acknowledges it.
import WebSocket from 'ws';
import {
  changeBase,
  hostName,
  journalName,
  programFileName,
  type LogValue,
  type ValueMessage,
} from '../../shared/protocol/channel.ts';
import type { HostRoleView } from '../../shared/protocol/host-role.ts';
import type { ProgramFile } from '../../shared/program/program-file.ts';
import type { JournalEntry } from '../../shared/race/events.ts';
import type { Replica } from './replica.ts';

/** What the follower tells its owner (src/main/standby/roles.ts). */
export interface FollowerEvents {
  /** Anything from the primary (a value, a pong): it is alive. */
  heard(): void;
  /** The primary's own role view (its epoch, its address). */
  primaryRole(view: HostRoleView): void;
  /** A journal went its own way here and was set aside (DATA/diverged/...). */
  diverged(path: string): void;
  /** Connected or not; `why` when not. */
  connection(open: boolean, why?: string): void;
  log(line: string): void;
}

/** Options of the follower. */
export interface FollowerOptions {
  /** The primary's address, http://HOST:PORT. */
  readonly primary: string;
  /** The primary's control token (the standby acknowledges, which is a control request). */
  readonly token: string;
  /** This host's own address, told to the primary so views and the primary can find it. */
  readonly self: () => string | null;
  readonly replica: Replica;
  readonly events: FollowerEvents;
  /** How often to ping the primary (its silence is what allows a takeover). */
  readonly pingMs?: number;
}

/** The WebSocket address of a host's channel. */
export const channelUrl = (base: string, token: string): string =>
  `${base.replace(/^http/, 'ws').replace(/\/$/, '')}/api/v1/ws?v=2&token=${encodeURIComponent(token)}`;

/**
 * Follows the primary until stopped: reconnects after a drop (every 250 ms), asks for every value
 * whole on each connect, and acknowledges each change once it is on disk here.
 */
export class Follower {
  private socket: WebSocket | null = null;
  private stopped = false;
  private work: Promise<void> = Promise.resolve();
  private readonly following = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  /** Changes received and not yet on disk here. */
  pending = 0;

  constructor(private readonly options: FollowerOptions) {
    this.connect();
  }

  /** Stops following (a takeover): the socket is closed, pending writes finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.socket?.terminate();
    await this.work;
  }

  private connect(): void {
    if (this.stopped) return;
    const { options } = this;
    const socket = new WebSocket(channelUrl(options.primary, options.token), {
      perMessageDeflate: false,
      handshakeTimeout: 2000,
    });
    this.socket = socket;
    this.following.clear();
    socket.on('open', () => {
      options.events.connection(true);
      options.events.heard();
      this.send({ type: 'follow', names: [hostName, programFileName] });
      // A ping (the primary's silence allows a takeover) and an empty acknowledgement (the
      // primary's "last heard" of its standby).
      this.timer = setInterval(() => {
        socket.ping();
        this.acknowledgeNothing();
      }, options.pingMs ?? 250);
    });
    socket.on('pong', () => options.events.heard());
    socket.on('message', (data: Buffer) => {
      options.events.heard();
      const message = JSON.parse(data.toString('utf8')) as { type: string };
      if (message.type === 'value') this.value(message as ValueMessage);
      else if (message.type === 'error')
        options.events.log(`the primary refused: ${JSON.stringify(message)}`);
    });
    socket.on('close', () => {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      if (this.stopped) return;
      options.events.connection(false, 'the connection to the primary closed');
      setTimeout(() => this.connect(), 250);
    });
    socket.on('error', (error) =>
      options.events.log(`primary ${options.primary}: ${error.message}`),
    );
  }

  private send(message: unknown): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  /** One change at a time, in order: each written and fsynced before it is acknowledged. */
  private value(message: ValueMessage): void {
    if (message.name === hostName) {
      this.options.events.primaryRole(message.value as HostRoleView);
      return;
    }
    // The views' values (the state every connection follows) are not the standby's records.
    if (message.name !== programFileName && !message.name.startsWith('journal/')) return;
    this.pending += 1;
    this.work = this.work
      .then(() => this.write(message))
      .catch((error: unknown) =>
        this.options.events.log(`copy of ${message.name} failed: ${(error as Error).message}`),
      )
      .finally(() => (this.pending -= 1));
  }

  private async write(message: ValueMessage): Promise<void> {
    const { replica, events } = this.options;
    if (message.name === programFileName) {
      if (message.value === undefined) return this.refollow(message.name);
      const file = message.value as ProgramFile;
      await replica.program(file);
      const names = file.races.map((race) => journalName(race.id));
      const fresh = names.filter((name) => !this.following.has(name));
      for (const name of fresh) this.following.add(name);
      if (fresh.length > 0) this.send({ type: 'follow', names: fresh });
      this.acknowledge(message.name, message.rev);
      return;
    }
    const raceId = message.name.slice('journal/'.length);
    const whole = message.value as LogValue<JournalEntry> | undefined;
    const from = whole ? 0 : changeBase(message);
    const entries = whole ? whole.entries : ((message.entries ?? []) as JournalEntry[]);
    const copied = await replica.journal(raceId, from, entries);
    if (!copied.ok) {
      events.log(`journal ${raceId}: ${copied.error}; asking for it whole`);
      return this.refollow(message.name);
    }
    if (copied.diverged) events.diverged(copied.diverged);
    this.acknowledge(message.name, copied.count);
  }

  private refollow(name: string): void {
    this.send({ type: 'follow', names: [name] });
  }

  private acknowledge(name: string, rev: number): void {
    const self = this.options.self();
    this.send({ type: 'replicated', acked: { [name]: rev }, ...(self ? { standby: self } : {}) });
  }

  private acknowledgeNothing(): void {
    const self = this.options.self();
    this.send({ type: 'replicated', acked: {}, ...(self ? { standby: self } : {}) });
  }
}

/**
 * A MYLAPS / AMB P3 decoder simulator (issue 12): a TCP server that plays the passings of a
 * SimRace (src/shared/timing/race-passings.ts) as a decoder at the finish line would send them,
 * so a timing adapter can be tested end to end without a decoder or a rink
 * (../shared/docs/timing-p3.md).
 *
 * - The timeline starts when `start()` resolves, not when a client connects (a decoder runs
 *   whether anyone listens or not); the gun falls `leadInMs / speed` real milliseconds later.
 * - The decoder clock is the host's clock at the gun plus `clockOffsetMs` plus race time, so
 *   lap times read from decoder times are real lap times at any speed.
 * - Passing numbers count up by one per passing from FIRST_PASSING_NUMBER. Passings due while
 *   no client is connected are kept; a client that connects after passings were sent first
 *   gets the last `resendOverlap` of them again (same numbers: duplicates an adapter must drop),
 *   then what it missed. A RESEND request is answered with the passings asked for.
 * - A STATUS record goes to every client about once a second (real time).
 */
import { EventEmitter } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { encodeFrame, encodePassing, u16le, u32le, u8 } from '../../shared/timing/p3-encode.ts';
import { P3FrameReader, type P3Field } from '../../shared/timing/p3-frame.ts';
import {
  decodeRecord,
  P3_GENERAL_TAG,
  P3_STATUS_TAG,
  P3_TOR,
  readUintLE,
} from '../../shared/timing/p3-records.ts';
import type { SimPassing, SimRace } from '../../shared/timing/race-passings.ts';

/** The number of the first passing sent (a decoder numbers on from its earlier sessions). */
export const FIRST_PASSING_NUMBER = 1000;
/** The decoder id of the doc's worked examples. */
export const SIMULATOR_DECODER_ID = 0x00041813;
const statusEveryMs = 1000;

export interface DecoderStatusInput {
  readonly noise?: number;
  readonly temperature?: number;
  readonly inputVoltage?: number;
  readonly gps?: number;
  readonly decoderId?: number;
}

/**
 * A STATUS frame laid out as the doc's worked example: noise u16, temperature u16 (signed, sent
 * as two's complement), input voltage u8, GPS u8, decoder id u32.
 */
export function encodeStatus(status: DecoderStatusInput = {}): Uint8Array {
  const T = P3_STATUS_TAG;
  const fields: P3Field[] = [
    { tag: T.NOISE, value: u16le(status.noise ?? 40) },
    { tag: T.TEMPERATURE, value: u16le(status.temperature ?? 22) },
    { tag: T.INPUT_VOLTAGE, value: u8(status.inputVoltage ?? 0x76) },
    { tag: T.GPS, value: u8(status.gps ?? 0) },
  ];
  if (status.decoderId !== undefined)
    fields.push({ tag: P3_GENERAL_TAG.DECODER_ID, value: u32le(status.decoderId) });
  return encodeFrame({ tor: P3_TOR.STATUS, fields });
}

export interface DecoderSimulatorOptions {
  readonly race: SimRace;
  /** 0 = any free port (the CLI defaults to 5403). */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly address?: string;
  /** Race time runs this many times faster than real time (default 1). */
  readonly speed?: number;
  /** Race time before the gun (default 3000 ms). */
  readonly leadInMs?: number;
  /** The decoder clock's offset from the host's (default 0). */
  readonly clockOffsetMs?: number;
  /** Indices into the passings: just before sending one, drop the clients once (reconnect tests). */
  readonly dropAt?: readonly number[];
  /** Passings sent again to a client that connects after some were sent (default 5). */
  readonly resendOverlap?: number;
  readonly decoderId?: number;
  readonly log?: (line: string) => void;
  /** The host's clock in ms (default Date.now): the decoder clock's origin and the timeline. */
  readonly now?: () => number;
}

export class DecoderSimulator {
  /** Host time (ms) of the gun: the decoder clock reads this (plus the offset) at race time 0. */
  readonly gunAt: number;
  /** Resolves once every passing has been sent to a client (or the simulator is closed). */
  readonly done: Promise<void>;
  readonly port: number;
  readonly address: string;
  private readonly events = new EventEmitter();
  private readonly clients = new Set<Socket>();
  private readonly passings: readonly SimPassing[];
  private readonly speed: number;
  private readonly dropsLeft: Set<number>;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;
  private readonly statusTimer: NodeJS.Timeout;
  /** Passings fallen due so far; those before `delivered` went out to a client. */
  private due = 0;
  private delivered = 0;
  private gunFired = false;
  private closed = false;
  private finished = false;
  private resolveDone!: () => void;

  private constructor(
    private readonly server: Server,
    private readonly options: DecoderSimulatorOptions,
  ) {
    const bound = server.address() as AddressInfo;
    this.port = bound.port;
    this.address = bound.address;
    this.passings = options.race.passings;
    this.speed = options.speed ?? 1;
    this.now = options.now ?? Date.now;
    this.dropsLeft = new Set(options.dropAt ?? []);
    this.gunAt = Math.round(this.now() + (options.leadInMs ?? 3000) / this.speed);
    this.done = new Promise<void>((resolve) => {
      this.resolveDone = resolve;
    });
    server.on('connection', (socket) => this.connected(socket));
    server.on('error', (error) => this.log(`server: ${error.message}`));
    const decoderId = options.decoderId ?? SIMULATOR_DECODER_ID;
    this.statusTimer = setInterval(
      () => this.broadcast(encodeStatus({ decoderId })),
      statusEveryMs,
    );
    this.statusTimer.unref();
    // The first tick waits for start() to resolve, so listeners added then see the gun.
    this.arm(0);
  }

  /** Listens, then starts the timeline at once. */
  static async start(options: DecoderSimulatorOptions): Promise<DecoderSimulator> {
    const { speed = 1, leadInMs = 3000, resendOverlap = 5 } = options;
    if (!(speed > 0 && Number.isFinite(speed))) throw new RangeError(`speed ${speed} must be > 0`);
    if (!(leadInMs >= 0)) throw new RangeError(`leadInMs ${leadInMs} must be >= 0`);
    if (!Number.isInteger(resendOverlap) || resendOverlap < 0)
      throw new RangeError(`resendOverlap ${resendOverlap} must be a whole number >= 0`);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.address ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new DecoderSimulator(server, options);
  }

  /** Passings sent to a client so far (each counted once, resends not). */
  get sent(): number {
    return this.delivered;
  }

  /** The decoder clock at a race time: microseconds since the Unix epoch. */
  rtcTimeUs(raceMs: number): bigint {
    return BigInt(Math.round(this.gunAt + (this.options.clockOffsetMs ?? 0) + raceMs)) * 1000n;
  }

  /** Called at the gun with its host time; returns a function that removes the listener. */
  onGun(listener: (gunAt: number) => void): () => void {
    return this.listen('gun', listener);
  }

  /** Called as each passing falls due (whether or not a client is connected). */
  onPassing(listener: (passing: SimPassing, passingNumber: number) => void): () => void {
    return this.listen('passing', listener);
  }

  onDone(listener: () => void): () => void {
    return this.listen('done', listener);
  }

  /** Drops every client connection now (they may reconnect). */
  dropClients(): void {
    if (this.clients.size > 0) this.log(`dropping ${this.clients.size} client(s)`);
    for (const socket of this.clients) socket.destroy();
    this.clients.clear();
  }

  /** Stops the timeline and the STATUS records, drops the clients, stops listening. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    clearInterval(this.statusTimer);
    this.timer = null;
    this.dropClients();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.resolveDone();
  }

  private listen<A extends unknown[]>(event: string, listener: (...args: A) => void): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }

  /** A listener's exception goes to the log, never into the timeline's timer. */
  private emit(event: string, ...args: unknown[]): void {
    try {
      this.events.emit(event, ...args);
    } catch (error) {
      this.log(`${event} listener: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  private dueAt(index: number): number {
    return this.gunAt + this.passings[index]!.raceMs / this.speed;
  }

  /** Fires what has fallen due (warm-up passings, the gun, passings) and waits for the next. */
  private tick(): void {
    this.timer = null;
    const now = this.now();
    while (!this.closed) {
      const gunNext =
        !this.gunFired &&
        (this.due >= this.passings.length || this.passings[this.due]!.raceMs >= 0);
      if (!gunNext && this.due >= this.passings.length) return;
      const at = gunNext ? this.gunAt : this.dueAt(this.due);
      if (at > now) {
        this.arm(Math.max(1, Math.ceil(at - now)));
        return;
      }
      if (gunNext) {
        this.gunFired = true;
        this.emit('gun', this.gunAt);
      } else {
        this.fallDue(this.due++);
      }
    }
  }

  private arm(delayMs: number): void {
    this.timer = setTimeout(() => this.tick(), delayMs);
    this.timer.unref();
  }

  private fallDue(index: number): void {
    if (this.dropsLeft.delete(index)) {
      this.log(`dropAt ${index}: dropping the connection before passing ${index}`);
      this.dropClients();
    }
    this.emit('passing', this.passings[index]!, FIRST_PASSING_NUMBER + index);
    this.flush();
    if (this.due === this.passings.length && this.delivered < this.due)
      this.log(`the race is over; ${this.due - this.delivered} passings wait for a client`);
  }

  /** Sends what fell due while nobody listened, or just now, to every client. */
  private flush(): void {
    if (this.clients.size === 0 || this.closed) return;
    if (this.delivered < this.due) {
      this.broadcast(this.frames(this.delivered, this.due));
      this.delivered = this.due;
    }
    if (this.delivered === this.passings.length && !this.finished) {
      this.finished = true;
      this.log(`done: ${this.delivered} passings sent`);
      this.emit('done');
      this.resolveDone();
    }
  }

  private frames(from: number, until: number): Uint8Array {
    return Buffer.concat(
      this.passings.slice(from, until).map((passing, i) => this.frame(passing, from + i)),
    );
  }

  /** Strength and hits vary by passing (deterministic); a double read is a weak one. */
  private frame(passing: SimPassing, index: number): Uint8Array {
    return encodePassing({
      passingNumber: FIRST_PASSING_NUMBER + index,
      transponder: passing.transponder,
      rtcTimeUs: this.rtcTimeUs(passing.raceMs),
      strength: passing.noise === 'double' ? 40 + (index % 20) : 90 + ((index * 37) % 80),
      hits: passing.noise === 'double' ? 2 + (index % 4) : 20 + ((index * 13) % 40),
      decoderId: this.options.decoderId ?? SIMULATOR_DECODER_ID,
    });
  }

  private broadcast(bytes: Uint8Array): void {
    for (const socket of this.clients) socket.write(bytes);
  }

  private connected(socket: Socket): void {
    if (this.closed) {
      socket.destroy();
      return;
    }
    const who = `${socket.remoteAddress}:${socket.remotePort}`;
    socket.setNoDelay(true);
    socket.on('error', (error) => this.log(`client ${who}: ${error.message}`));
    socket.on('close', () => {
      if (this.clients.delete(socket)) this.log(`client ${who} disconnected`);
    });
    const reader = new P3FrameReader();
    socket.on('data', (chunk: Buffer) => this.received(socket, reader, chunk));
    this.clients.add(socket);
    const overlap = this.options.resendOverlap ?? 5;
    const from = Math.max(0, this.delivered - overlap);
    this.log(
      `client ${who} connected: resending ${this.delivered - from}, ${this.due - this.delivered} waiting`,
    );
    // A reconnecting client gets the last passings again (same numbers), then what it missed.
    if (this.delivered > from) socket.write(this.frames(from, this.delivered));
    this.flush();
  }

  /** Answers RESEND requests (fields 0x01 from, 0x02 until, u32) with the passings sent. */
  private received(socket: Socket, reader: P3FrameReader, chunk: Uint8Array): void {
    for (const event of reader.push(chunk)) {
      if (event.kind !== 'frame') continue;
      const record = decodeRecord(event.frame);
      if (record.tor !== P3_TOR.RESEND) continue;
      const from = record.fields.find((f) => f.tag === 0x01);
      const until = record.fields.find((f) => f.tag === 0x02);
      if (!from || !until || from.value.length > 6 || until.value.length > 6) continue;
      const first = Math.max(0, readUintLE(from.value) - FIRST_PASSING_NUMBER);
      const last = Math.min(this.delivered, readUintLE(until.value) - FIRST_PASSING_NUMBER + 1);
      this.log(
        `RESEND ${readUintLE(from.value)}..${readUintLE(until.value)}: ${Math.max(0, last - first)} passings`,
      );
      if (last > first) socket.write(this.frames(first, last));
    }
  }
}

/**
 * TCP client to a MYLAPS / AMB P3 decoder (the decoder is the server, port 5403). Bytes go
 * through an incremental frame reader, so records split across reads or merged in one read
 * both come out whole (unlike hama-jp/ambp3client `AmbP3/decoder.py`, which splits a read only
 * on `8f 8e` and exits on a drop). Bad frames are counted by reason and skipped; after a drop
 * the client reconnects with capped exponential backoff. Nothing here throws into Node's loop:
 * socket errors, bad bytes and listener exceptions all end up in the status.
 */
import { Socket } from 'node:net';
import {
  P3_DEFAULT_PORT,
  P3FrameReader,
  type P3FrameError,
  type P3FrameErrorReason,
  type P3FrameReaderOptions,
} from '../../shared/timing/p3-frame.ts';
import { decodeRecord, type P3Record } from '../../shared/timing/p3-records.ts';

export type P3ClientState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'stopped';

export interface P3ClientStatus {
  readonly state: P3ClientState;
  readonly host: string;
  readonly port: number;
  /** Successful connections so far. */
  readonly connections: number;
  /** Failed attempts since the last successful connection. */
  readonly attempt: number;
  /** Delay before the next attempt, while reconnecting. */
  readonly retryInMs: number | null;
  /** Host clock (ms) of the last record received. */
  readonly lastRecordAt: number | null;
  readonly records: number;
  /** Skipped frames by reason. */
  readonly badFrames: Readonly<Record<P3FrameErrorReason, number>>;
  readonly lastBadFrame: P3FrameError | null;
  /** Bytes outside any frame, dropped. */
  readonly skippedBytes: number;
  readonly lastError: string | null;
}

export interface P3ClientOptions {
  readonly host: string;
  /** Default 5403. */
  readonly port?: number;
  /** First retry delay (default 500 ms), doubled per failed attempt up to `maxBackoffMs`. */
  readonly initialBackoffMs?: number;
  /** Cap of the retry delay (default 10 s). */
  readonly maxBackoffMs?: number;
  /** Give up on a connection attempt after this long (default 5 s). */
  readonly connectTimeoutMs?: number;
  /** Reconnect when nothing arrives for this long (default: never; decoders send STATUS). */
  readonly idleTimeoutMs?: number;
  /** The host's clock, for `lastRecordAt` (default Date.now). */
  readonly now?: () => number;
  readonly reader?: P3FrameReaderOptions;
  readonly onRecord?: (record: P3Record, receivedAt: number) => void;
  readonly onBadFrame?: (error: P3FrameError) => void;
  readonly onStatus?: (status: P3ClientStatus) => void;
}

const noBadFrames = (): Record<P3FrameErrorReason, number> => ({
  short: 0,
  length: 0,
  crc: 0,
  escape: 0,
  body: 0,
  truncated: 0,
  oversize: 0,
});

export class P3Client {
  private readonly host: string;
  private readonly port: number;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly connectTimeoutMs: number;
  private readonly now: () => number;
  private readonly reader: P3FrameReader;
  private socket: Socket | null = null;
  private timer: NodeJS.Timeout | null = null;
  private current: {
    -readonly [K in keyof P3ClientStatus]: P3ClientStatus[K];
  };
  private badFrames = noBadFrames();

  constructor(private readonly options: P3ClientOptions) {
    this.host = options.host;
    this.port = options.port ?? P3_DEFAULT_PORT;
    this.initialBackoffMs = options.initialBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
    this.now = options.now ?? Date.now;
    this.reader = new P3FrameReader(options.reader);
    this.current = {
      state: 'idle',
      host: this.host,
      port: this.port,
      connections: 0,
      attempt: 0,
      retryInMs: null,
      lastRecordAt: null,
      records: 0,
      badFrames: this.badFrames,
      lastBadFrame: null,
      skippedBytes: 0,
      lastError: null,
    };
  }

  status(): P3ClientStatus {
    return { ...this.current, badFrames: { ...this.badFrames } };
  }

  /**
   * Writes a request to the decoder (a RESEND): false when not connected (nothing is queued: a
   * request made for a connection that is gone is made again after the reconnect).
   */
  send(frame: Uint8Array): boolean {
    const socket = this.socket;
    if (!socket || this.current.state !== 'connected' || socket.destroyed) return false;
    socket.write(frame);
    return true;
  }

  /** Starts connecting (idempotent). */
  start(): void {
    if (this.current.state !== 'idle') return;
    this.connect();
  }

  /** Closes the connection and cancels any retry; the client cannot be started again. */
  stop(): Promise<void> {
    this.clearTimer();
    const socket = this.socket;
    this.socket = null;
    this.update({ state: 'stopped', retryInMs: null });
    if (!socket || socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.destroy();
    });
  }

  private connect(): void {
    this.update({
      state:
        this.current.connections > 0 || this.current.attempt > 0 ? 'reconnecting' : 'connecting',
      retryInMs: null,
    });
    this.reader.reset();
    const socket = new Socket();
    this.socket = socket;
    socket.setNoDelay(true);
    socket.setTimeout(this.connectTimeoutMs);
    socket.on('timeout', () => {
      this.update({ lastError: socket.connecting ? 'connect timeout' : 'idle timeout' });
      socket.destroy();
    });
    socket.on('connect', () => {
      socket.setTimeout(this.options.idleTimeoutMs ?? 0);
      this.update({ state: 'connected', connections: this.current.connections + 1, attempt: 0 });
    });
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.update({ lastError: error.message }));
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.scheduleRetry();
    });
    socket.connect(this.port, this.host);
  }

  private scheduleRetry(): void {
    if (this.current.state === 'stopped') return;
    const attempt = this.current.attempt;
    const delay = Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** Math.min(attempt, 30));
    this.update({ state: 'reconnecting', attempt: attempt + 1, retryInMs: delay });
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.current.state !== 'stopped') this.connect();
    }, delay);
    this.timer.unref();
  }

  private receive(chunk: Uint8Array): void {
    let events;
    try {
      events = this.reader.push(chunk);
    } catch (error) {
      this.reader.reset();
      this.update({ lastError: `reader: ${String(error)}` });
      return;
    }
    let changed = false;
    for (const event of events) {
      if (event.kind === 'skipped') {
        this.current.skippedBytes += event.bytes;
        changed = true;
      } else if (event.kind === 'bad') {
        this.badFrames[event.error.reason] += 1;
        this.current.lastBadFrame = event.error;
        changed = true;
        this.safely(() => this.options.onBadFrame?.(event.error));
      } else {
        const receivedAt = this.now();
        this.current.records += 1;
        this.current.lastRecordAt = receivedAt;
        changed = true;
        const record = decodeRecord(event.frame);
        this.safely(() => this.options.onRecord?.(record, receivedAt));
      }
    }
    if (changed) this.update({});
  }

  private update(patch: Partial<P3ClientStatus>): void {
    Object.assign(this.current, patch);
    this.safely(() => this.options.onStatus?.(this.status()));
  }

  /** Runs a listener; its exception is recorded, never thrown into the socket's handlers. */
  private safely(run: () => void): void {
    try {
      run();
    } catch (error) {
      this.current.lastError = `listener: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

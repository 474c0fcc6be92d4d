/**
 * The WebSocket clients of part 1 of `npm run bench:host`: 100 views that count state pushes
 * and one control client that sends commands and matches acks, all on one clock.
 */
import { WebSocket } from 'ws';
import { cycleCommand } from './host-bench-common.ts';

interface Client {
  readonly socket: WebSocket;
  revision: number;
  pushes: number;
  bytes: number;
}

interface Reply {
  readonly type: string;
  readonly id?: number;
  readonly revision?: number;
  readonly error?: string;
}

/** One command's timings from the moment it was sent, in ms. */
export interface Sample {
  readonly ack: number;
  readonly first: number;
  readonly all: number;
}

/**
 * Revision of a state push, read from its head (`{"type":"state","revision":N,...`) so the
 * views spend no time parsing 8 KiB of JSON: the figure is the server's, not the client's.
 */
function pushRevision(data: Buffer): number | null {
  const head = data.toString('latin1', 0, Math.min(data.length, 160));
  // A protocol 1 state names its revision, a channel value (issue 20) its `rev`.
  const match = head.startsWith('{"type":"state"')
    ? /"revision":(\d+)/.exec(head)
    : head.startsWith('{"type":"value","name":"state"')
      ? /"rev":(\d+)/.exec(head)
      : null;
  return match ? Number(match[1]) : null;
}

function connect(url: string, onMessage: (client: Client, data: Buffer) => void): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    const client: Client = { socket, revision: 0, pushes: 0, bytes: 0 };
    const timer = setTimeout(() => reject(new Error('WebSocket connect timed out')), 10_000);
    socket.on('message', (data: Buffer) => onMessage(client, data));
    socket.once('open', () => {
      clearTimeout(timer);
      resolve(client);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

export class Fleet {
  readonly views: Client[] = [];
  private control: Client | null = null;
  /** Error messages that answered no request of ours. */
  readonly unexpected: string[] = [];
  private readonly acks = new Map<number, (reply: Reply) => void>();
  private nextId = 1;
  private sent = 0;
  private target = Infinity;
  private reached = 0;
  private firstAt = 0;
  private allAt = 0;
  private onAll: (() => void) | null = null;

  /** Host revision the last acked command reached. */
  constructor(private revision: number) {}

  async open(base: string, viewToken: string, controlToken: string, count: number): Promise<void> {
    for (let i = 0; i < count; i += 10) {
      const batch = Array.from({ length: Math.min(10, count - i) }, () =>
        connect(base + viewToken, (client, data) => this.onView(client, data)),
      );
      this.views.push(...(await Promise.all(batch)));
    }
    this.control = await connect(base + controlToken, (client, data) =>
      this.onControl(client, data),
    );
  }

  /** Terminates every socket. */
  close(): void {
    for (const client of [...this.views, ...(this.control ? [this.control] : [])]) {
      client.socket.terminate();
    }
  }

  private onView(client: Client, data: Buffer): void {
    const revision = pushRevision(data);
    if (revision === null) return;
    const before = client.revision;
    client.revision = revision;
    client.pushes += 1;
    client.bytes += data.length;
    if (before < this.target && revision >= this.target) {
      this.reached += 1;
      if (this.reached === 1) this.firstAt = performance.now();
      if (this.reached === this.views.length) {
        this.allAt = performance.now();
        this.onAll?.();
      }
    }
  }

  private onControl(client: Client, data: Buffer): void {
    if (pushRevision(data) !== null) {
      client.pushes += 1; // the control client follows the race too
      return;
    }
    const reply = JSON.parse(data.toString('utf8')) as Reply;
    const resolve = reply.id === undefined ? undefined : this.acks.get(reply.id);
    if (resolve) {
      this.acks.delete(reply.id!);
      resolve(reply);
    } else if (reply.type === 'error') this.unexpected.push(reply.error ?? '?');
  }

  /** Sends the next command of the cycle (or the given message); resolves with its reply. */
  send(message?: object): Promise<Reply> {
    const id = this.nextId++;
    const body = message ?? { type: 'command', command: cycleCommand(this.sent) };
    this.sent += 1;
    return new Promise((resolve) => {
      this.acks.set(id, resolve);
      this.control!.socket.send(JSON.stringify({ ...body, id }));
    });
  }

  /** Bytes received by all views so far. */
  viewBytes(): number {
    return this.views.reduce((sum, view) => sum + view.bytes, 0);
  }

  /**
   * One command (the next of the cycle, or `message`): send, then wait for its ack and for
   * every view to get its revision.
   */
  async one(timeoutMs: number, message?: object): Promise<Sample> {
    const target = this.revision + 1;
    this.target = target;
    this.reached = this.views.filter((v) => v.revision >= target).length;
    const allViews = new Promise<void>((resolve) => (this.onAll = resolve));
    const start = performance.now();
    let ackAt = 0;
    const acked = this.send(message).then((reply) => {
      ackAt = performance.now();
      if (reply.type !== 'ack') throw new Error(`command refused: ${reply.error}`);
      if (reply.revision !== target)
        throw new Error(`ack revision ${reply.revision}, not ${target}`);
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      const what = `command ${this.sent} timed out (${this.reached}/${this.views.length} views)`;
      timer = setTimeout(() => reject(new Error(what)), timeoutMs);
    });
    try {
      await Promise.race([Promise.all([acked, allViews]), timeout]);
    } finally {
      clearTimeout(timer);
    }
    this.revision = target;
    return { ack: ackAt - start, first: this.firstAt - start, all: this.allAt - start };
  }

  /** Keeps `inFlight` commands in flight for `seconds`; counts acks and refusals. */
  async sustain(
    seconds: number,
    inFlight: number,
  ): Promise<{ accepted: number; refused: number; seconds: number }> {
    let accepted = 0;
    let refused = 0;
    const start = performance.now();
    const end = start + seconds * 1000;
    await new Promise<void>((resolve, reject) => {
      const guard = setTimeout(
        () => reject(new Error('acks stopped coming')),
        (seconds + 15) * 1000,
      );
      let pending = 0;
      const pump = (): void => {
        while (pending < inFlight && performance.now() < end) {
          pending += 1;
          void this.send().then((reply) => {
            pending -= 1;
            if (reply.type === 'ack') {
              accepted += 1;
              this.revision = Math.max(this.revision, reply.revision ?? 0);
            } else refused += 1;
            pump();
          });
        }
        if (pending === 0) {
          clearTimeout(guard);
          resolve();
        }
      };
      pump();
    });
    return { accepted, refused, seconds: (performance.now() - start) / 1000 };
  }

  /** Waits until every view has the last acked revision; returns how long that took. */
  async drain(timeoutMs: number): Promise<{ ms: number; caughtUp: number }> {
    const start = performance.now();
    const behind = (): boolean => this.views.some((v) => v.revision < this.revision);
    while (behind() && performance.now() - start < timeoutMs) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const caughtUp = this.views.filter((v) => v.revision >= this.revision).length;
    return { ms: performance.now() - start, caughtUp };
  }
}

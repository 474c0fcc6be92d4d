/**
 * A view's WebSocket for `npm run bench:standby`, as a board holds it: the channel's values
 * (`?v=2`) applied with the one gap rule (src/shared/protocol/channel.ts), so the bench can tell
 * when a state from a given epoch (the new primary's) arrives, and whether a primary ever said
 * "standby behind".
 */
import WebSocket from 'ws';
import {
  applyValue,
  type HeldValue,
  type StateDoc,
  type ValueMessage,
} from '../../src/shared/protocol/channel.ts';
import type { HostRoleView } from '../../src/shared/protocol/host-role.ts';

/** One view socket on one host, holding what it is pushed. */
export class ValueWatch {
  private readonly held = new Map<string, HeldValue>();
  private readonly waiters = new Set<() => void>();
  /** A `host` value said "standby behind" since the socket opened. */
  standbyBehindSeen = false;
  /** Epoch -> when its first state arrived. */
  private readonly epochArrived = new Map<number, number>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.message(data));
    socket.on('error', () => undefined); // the host it watches may be killed
  }

  /** Connects to `base` (http://HOST:PORT) with the view token; resolves once open. */
  static open(base: string, token: string): Promise<ValueWatch> {
    const url = `${base.replace(/^http/, 'ws')}/api/v1/ws?v=2&token=${encodeURIComponent(token)}`;
    const socket = new WebSocket(url, { perMessageDeflate: false });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new ValueWatch(socket)));
      socket.once('error', reject);
    });
  }

  /** The epoch of the state held now (0: none yet). */
  get stateEpoch(): number {
    const doc = this.held.get('state')?.value as StateDoc | undefined;
    return doc?.program.epoch ?? 0;
  }

  /**
   * Resolves with the time (performance.now()) the first state of an epoch above `epoch` arrived:
   * the new primary's first push after a takeover.
   */
  stateAfterEpoch(epoch: number, timeoutMs: number): Promise<number> {
    const arrived = () => [...this.epochArrived].find(([e]) => e > epoch)?.[1];
    const known = arrived();
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no state of an epoch above ${epoch} in ${timeoutMs} ms`));
      }, timeoutMs);
      const check = () => {
        const at = arrived();
        if (at === undefined) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(at);
      };
      this.waiters.add(check);
    });
  }

  close(): void {
    this.socket.terminate();
  }

  private message(data: Buffer): void {
    const message = JSON.parse(data.toString('utf8')) as ValueMessage | { type: string };
    if (message.type !== 'value') return;
    const value = message as ValueMessage;
    const next = applyValue(this.held.get(value.name), value);
    if (next === 'gap') {
      this.socket.send(JSON.stringify({ type: 'follow', names: [value.name] }));
      return;
    }
    this.held.set(value.name, next);
    if (value.name === 'host' && (next.value as HostRoleView).standbyBehind)
      this.standbyBehindSeen = true;
    if (value.name !== 'state') return;
    const epoch = this.stateEpoch;
    if (!this.epochArrived.has(epoch)) this.epochArrived.set(epoch, performance.now());
    for (const waiter of [...this.waiters]) waiter();
  }
}

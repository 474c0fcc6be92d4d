import { createSocket, type RemoteInfo } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { toBuffer } from 'osc-min';
import type { RaceHost } from '../host/host.ts';
import { HostSession } from '../host/session.ts';
import type { Reply } from '../../shared/protocol/reply.ts';
import type { HostRequest } from '../../shared/protocol/socket.ts';
import { oscPrefix } from './osc-commands.ts';
import { planDatagram } from './osc-datagram.ts';
import { PeerLog } from './peer-log.ts';

/** Options of the OSC server. */
export interface OscServerOptions {
  /** The app's session, or a bare host (a session is made for it). */
  readonly host: RaceHost | HostSession;
  /** UDP port to listen on; 0 picks a free one. */
  readonly port: number;
  /** Address to bind to (default 127.0.0.1: this machine only). */
  readonly address?: string;
  /** Peers allowed to send commands; datagrams from anyone else are dropped. */
  readonly allowFrom?: readonly string[];
  /** Answer allowed peers with /massstart/ok or /massstart/error (default true). */
  readonly reply?: boolean;
  readonly log?: (line: string) => void;
  /** The clock of the once-a-minute log lines, in ms (default Date.now). */
  readonly now?: () => number;
}

/** A running OSC server. */
export interface OscServer {
  readonly port: number;
  close(): Promise<void>;
}

/** The journal source of every command that arrives over OSC. */
export const oscSource = 'osc';

/** Longest reason sent back: an echoed 60 kB address must not make the answer unsendable. */
const maxReason = 2000;

/** `::ffff:127.0.0.1` (IPv4 on a dual-stack socket) compares as `127.0.0.1`. */
const normalize = (address: string) =>
  address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').toLowerCase();

/**
 * Listens for OSC over UDP and applies each datagram to the host whole or not at all, one
 * datagram at a time; every datagram from an allowed peer is answered.
 */
export async function startOscServer(options: OscServerOptions): Promise<OscServer> {
  const { address = '127.0.0.1', reply = true, now = Date.now } = options;
  const log = (line: string) => options.log?.(`osc: ${line}`);
  const session =
    options.host instanceof HostSession ? options.host : new HostSession(options.host, log);
  const caller = { role: 'control', source: oscSource } as const;
  const ask = async (request: HostRequest): Promise<Reply> => {
    const answer = await session.answer(request, caller);
    return answer.kind === 'reply' ? answer.reply : { ok: false, status: 500, error: 'no reply' };
  };
  const allowed = new Set((options.allowFrom ?? ['127.0.0.1', '::1']).map(normalize));
  const notAllowed = `not in allowFrom (${[...allowed].join(', ')})`;
  // A flood (or a misconfigured button) costs a log line a minute per address, not one a datagram.
  const drops = new PeerLog('dropped', log, now);
  const refusals = new PeerLog('refused', log, now);
  const flushLogs = setInterval(() => {
    drops.flush();
    refusals.flush();
  }, 60_000);
  flushLogs.unref();
  const socket = createSocket({ type: isIPv6(address) ? 'udp6' : 'udp4' });
  let queue: Promise<void> = Promise.resolve();

  const answer = (
    peer: RemoteInfo,
    oscAddress: string,
    arg: { type: 'integer'; value: number } | { type: 'string'; value: string },
  ) => {
    if (!reply) return;
    const view = toBuffer({ address: oscAddress, args: [arg] });
    socket.send(
      Buffer.from(view.buffer, view.byteOffset, view.byteLength),
      peer.port,
      peer.address,
      (error) => {
        if (error) log(`could not answer ${peer.address}:${peer.port}: ${error.message}`);
      },
    );
  };
  const fail = (peer: RemoteInfo, reason: string) => {
    // An OSC string cannot hold a NUL (a 'c' argument of code 0 echoed back).
    const text = reason.replaceAll('\0', '\\0');
    const sent = text.length > maxReason ? `${text.slice(0, maxReason)}…` : text;
    refusals.note(normalize(peer.address), peer.port, sent);
    answer(peer, `${oscPrefix}/error`, { type: 'string', value: sent });
  };

  const handle = async (data: Buffer, peer: RemoteInfo): Promise<void> => {
    const plan = planDatagram(data);
    if (plan.kind === 'ignore') return;
    if (plan.kind === 'refuse') return fail(peer, plan.reason);
    const result = await ask(plan.request);
    if (result.ok) answer(peer, `${oscPrefix}/ok`, { type: 'integer', value: result.revision });
    else fail(peer, `${plan.refusalPrefix}${result.error}`);
  };

  let closing: Promise<void> | null = null;
  socket.on('message', (data, peer) => {
    if (closing) return;
    if (!allowed.has(normalize(peer.address))) {
      drops.note(normalize(peer.address), peer.port, notAllowed);
      return;
    }
    queue = queue
      .then(() => handle(data, peer))
      .catch((error: unknown) =>
        log(`error handling a datagram from ${peer.address}: ${(error as Error).message}`),
      );
  });
  socket.on('error', (error) => log(`socket error: ${error.message}`));

  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(options.port, address, () => {
        socket.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    clearInterval(flushLogs);
    socket.close();
    if (session !== options.host) session.close();
    throw error;
  }

  return {
    port: socket.address().port,
    close() {
      // Finish the datagrams already received (their answers included), then stop listening.
      closing ??= queue.then(
        () =>
          new Promise<void>((resolve) =>
            socket.close(() => {
              clearInterval(flushLogs);
              drops.close();
              refusals.close();
              if (session !== options.host) session.close();
              resolve();
            }),
          ),
      );
      return closing;
    },
  };
}

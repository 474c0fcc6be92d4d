import { createSocket, type RemoteInfo } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { fromBuffer, toBuffer, type OscMessageOutput, type OscPacketOutput } from 'osc-min';
import type { RaceHost } from '../host/host.ts';
import { HostSession } from '../host/session.ts';
import type { Reply } from '../../shared/protocol/reply.ts';
import type { HostRequest } from '../../shared/protocol/socket.ts';
import { oscPrefix, oscToAction, type OscAction } from './osc-commands.ts';

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
}

/** A running OSC server. */
export interface OscServer {
  readonly port: number;
  close(): Promise<void>;
}

/** The journal source of every command that arrives over OSC. */
export const oscSource = 'osc';

/** Our own answers: never acted on nor answered, so two hosts cannot ping-pong. */
const replyAddresses = new Set([`${oscPrefix}/ok`, `${oscPrefix}/error`]);

/** `::ffff:127.0.0.1` (IPv4 on a dual-stack socket) compares as `127.0.0.1`. */
const normalize = (address: string) =>
  address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').toLowerCase();

/** Every message of a packet, bundles flattened in order (timetags are ignored: applied at once). */
function messagesOf(packet: OscPacketOutput): OscMessageOutput[] {
  return packet.oscType === 'message' ? [packet] : packet.elements.flatMap(messagesOf);
}

/** Listens for OSC over UDP and applies each message to the host, one datagram at a time. */
export async function startOscServer(options: OscServerOptions): Promise<OscServer> {
  const { address = '127.0.0.1', reply = true } = options;
  const log = (line: string) => options.log?.(`osc: ${line}`);
  const session =
    options.host instanceof HostSession ? options.host : new HostSession(options.host, log);
  const caller = { role: 'control', source: oscSource } as const;
  const ask = async (request: HostRequest): Promise<Reply> => {
    const answer = await session.answer(request, caller);
    return answer.kind === 'reply' ? answer.reply : { ok: false, status: 500, error: 'no reply' };
  };
  const allowed = new Set((options.allowFrom ?? ['127.0.0.1', '::1']).map(normalize));
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
    log(`refused from ${peer.address}:${peer.port}: ${reason}`);
    answer(peer, `${oscPrefix}/error`, { type: 'string', value: reason });
  };

  const handle = async (data: Buffer, peer: RemoteInfo): Promise<void> => {
    if (!allowed.has(normalize(peer.address))) {
      log(
        `dropped a datagram from ${peer.address}:${peer.port}: not in allowFrom (${[...allowed].join(', ')})`,
      );
      return;
    }
    let messages: OscMessageOutput[];
    try {
      messages = messagesOf(fromBuffer(data));
    } catch (error) {
      return fail(peer, `not an OSC packet (${data.length} bytes): ${(error as Error).message}`);
    }
    messages = messages.filter((message) => !replyAddresses.has(message.address));
    if (messages.length === 0) return;
    // Map every message first: a bad one anywhere in a bundle changes nothing.
    const actions: OscAction[] = [];
    for (const [index, message] of messages.entries()) {
      try {
        actions.push(oscToAction(message.address, message.args));
      } catch (error) {
        return fail(
          peer,
          `${messages.length > 1 ? `message ${index + 1} of ${messages.length}: ` : ''}${(error as Error).message}`,
        );
      }
    }
    let result: Reply | null = null;
    for (const [index, action] of actions.entries()) {
      result = await ask(
        action.kind === 'race'
          ? { type: 'command', command: action.command }
          : { type: 'program', command: action.command },
      );
      if (!result.ok) {
        const skipped = actions.length - index - 1;
        const where = actions.length > 1 ? `message ${index + 1} of ${actions.length}: ` : '';
        return fail(
          peer,
          `${where}${messages[index]!.address}: ${result.error}${skipped ? ` (${skipped} later message${skipped === 1 ? '' : 's'} not applied)` : ''}`,
        );
      }
    }
    if (result?.ok) answer(peer, `${oscPrefix}/ok`, { type: 'integer', value: result.revision });
  };

  let closing: Promise<void> | null = null;
  socket.on('message', (data, peer) => {
    if (closing) return;
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
              if (session !== options.host) session.close();
              resolve();
            }),
          ),
      );
      return closing;
    },
  };
}

/**
 * What one OSC datagram asks of the host, decided before anything is applied (issue 17): one
 * host request, or a refusal naming what is wrong, or nothing (our own answers echoed back). A
 * bundle is all or nothing: its race commands go to the host as one batch, which the engine
 * applies whole or not at all.
 */
import type { HostRequest } from '../../shared/protocol/socket.ts';
import { oscPrefix, oscToAction, type OscAction } from './osc-commands.ts';
import { OscPacketError, readOscPacket } from './osc-packet.ts';

/** At most this many commands in one datagram (nested bundles included). */
export const maxBundleCommands = 64;

/** Our own answers: never acted on nor answered, so two hosts cannot ping-pong. */
export const replyAddresses: ReadonlySet<string> = new Set([
  `${oscPrefix}/ok`,
  `${oscPrefix}/error`,
]);

/** The decision on one datagram. */
export type DatagramPlan =
  | {
      readonly kind: 'request';
      readonly request: HostRequest;
      /** Put before the host's refusal: the address of a lone message (a batch names its own). */
      readonly refusalPrefix: string;
    }
  | { readonly kind: 'refuse'; readonly reason: string }
  /** Only our own answers: say nothing. */
  | { readonly kind: 'ignore' };

const refuse = (reason: string): DatagramPlan => ({ kind: 'refuse', reason });

/** Reads a datagram whole and decides what it asks; nothing here touches the host. */
export function planDatagram(data: Buffer): DatagramPlan {
  let packet;
  try {
    packet = readOscPacket(data);
  } catch (error) {
    if (!(error instanceof OscPacketError)) throw error;
    return refuse(`not an OSC packet (${data.length} bytes): ${error.message}`);
  }
  const messages = packet.filter((message) => !replyAddresses.has(message.address));
  if (messages.length === 0)
    return packet.length > 0 ? { kind: 'ignore' } : refuse('empty bundle: nothing to do');
  if (messages.length > maxBundleCommands)
    return refuse(
      `bundle of ${messages.length} commands: at most ${maxBundleCommands} in one datagram`,
    );
  const actions: OscAction[] = [];
  for (const [index, message] of messages.entries()) {
    try {
      actions.push(oscToAction(message.address, message.args));
    } catch (error) {
      const where = messages.length > 1 ? `message ${index + 1} of ${messages.length}: ` : '';
      return refuse(`${where}${(error as Error).message}`);
    }
  }
  const [first] = actions;
  if (actions.length === 1 && first)
    return {
      kind: 'request',
      refusalPrefix: `${messages[0]!.address}: `,
      request:
        first.kind === 'race'
          ? { type: 'command', command: first.command }
          : { type: 'program', command: first.command },
    };
  // A program command changes program.json, race commands a race's journal: no one write can
  // hold both, so a bundle with a program command in it could not be all or nothing.
  const program = actions.findIndex((action) => action.kind === 'program');
  if (program !== -1)
    return refuse(
      `message ${program + 1} of ${actions.length}: ${messages[program]!.address} changes the program, which cannot be applied all or nothing with other messages: send it in a datagram of its own (a bundle may hold race commands only)`,
    );
  const commands = actions.flatMap((action) => (action.kind === 'race' ? [action.command] : []));
  return { kind: 'request', refusalPrefix: '', request: { type: 'batch', commands } };
}

/**
 * Primary and standby in words (issue 20): the status bar's badge, the checks of "Run as standby
 * of …" before anything is sent, and the Hosts panel's figures. Pure, so each is tested alone.
 */
import type { HostRoleView } from '../../../shared/protocol/host-role.ts';
import type { LabelKey, LabelParams } from '../labels/i18n.ts';

/** A label and its parameters; the component translates it. */
export interface Words {
  readonly key: LabelKey;
  readonly params?: LabelParams;
}

/** A check of what the operator typed: the value to send, or what is wrong with it. */
export type Checked =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly problem: Words };

const wrong = (key: LabelKey, params?: LabelParams): Checked => ({
  ok: false,
  problem: params ? { key, params } : { key },
});

/** A host name or IPv4 address, or an IPv6 address in brackets. */
const hostPattern =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/i;

/**
 * The primary's address as the host takes it, http://HOST:PORT (the host's own check is
 * socket.ts's `primary` pattern); `self` is this host's address, which cannot be its own primary.
 */
export function checkPrimaryAddress(text: string, self: string | null = null): Checked {
  const typed = text.trim();
  if (typed === '') return wrong('hosts.address.empty');
  const scheme = /^(https?):\/\//i.exec(typed);
  if (!scheme) return wrong('hosts.address.scheme');
  const rest = typed.slice(scheme[0].length).replace(/\/$/, '');
  if (rest === '' || /[/?#@\s]/.test(rest)) return wrong('hosts.address.path');
  const parts = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(rest);
  const host = parts?.[1] ?? '';
  const port = parts?.[2];
  if (!hostPattern.test(host)) return wrong('hosts.address.host', { host: host || rest });
  if (port === undefined || port === '') return wrong('hosts.address.port');
  const number = /^\d{1,5}$/.test(port) ? Number(port) : 0;
  if (number < 1 || number > 65535) return wrong('hosts.address.badPort', { port });
  const value = `${scheme[1]!.toLowerCase()}://${host.toLowerCase()}:${number}`;
  if (self !== null && value === self.trim().replace(/\/$/, '').toLowerCase())
    return wrong('hosts.address.self');
  return { ok: true, value };
}

/** The primary's control token, as pasted (the host checks it against its own). */
export function checkToken(text: string): Checked {
  const token = text.trim();
  if (token === '') return wrong('hosts.token.empty');
  if (token.length > 200) return wrong('hosts.token.long');
  return { ok: true, value: token };
}

/** How loud the badge is: a standby's console says so plainly; a primary's only discreetly. */
export type BadgeTone = 'standby' | 'quiet' | 'warn';

/**
 * The status bar's role badge: "STANDBY of http://…" on a standby's console; on a primary with a
 * standby, "PRIMARY · epoch 2 · standby in step" (or behind); nothing on a host alone.
 */
export function roleBadge(view: HostRoleView | null): { words: Words; tone: BadgeTone } | null {
  if (!view) return null;
  if (view.role === 'standby')
    return {
      words: view.peer
        ? { key: 'hosts.badge.standby', params: { peer: view.peer } }
        : { key: 'hosts.badge.standbyAlone' },
      tone: 'standby',
    };
  if (view.standbyBehind)
    return { words: { key: 'hosts.badge.behind', params: { epoch: view.epoch } }, tone: 'warn' };
  if (view.peer)
    return { words: { key: 'hosts.badge.inStep', params: { epoch: view.epoch } }, tone: 'quiet' };
  return null;
}

/** Milliseconds since the peer was heard, now: the pushed figure plus the time since the push. */
export function heardAgoMs(view: HostRoleView, receivedAt: number, now: number): number | null {
  if (view.lastHeardMs === null) return null;
  return view.lastHeardMs + Math.max(0, now - receivedAt);
}

/** Seconds for the operator: tenths under 10 s ("0.3"), whole seconds above ("12"). */
export function secondsText(ms: number): string {
  const seconds = ms / 1000;
  return seconds < 10 ? seconds.toFixed(1) : String(Math.floor(seconds));
}

/** The state hash, short enough to compare by eye across two laptops (the first 12 digits). */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

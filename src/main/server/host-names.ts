/**
 * The names this host answers to (issue 17: DNS rebinding and foreign origins). A page of
 * evil.example whose name the attacker points at 127.0.0.1 is "same origin" to the browser, so
 * only the Host header tells its requests apart; and a page of another site may open a
 * WebSocket with a token it got hold of, which only the Origin header tells. Ports do not
 * matter here: rebinding and foreign pages are about names.
 */
import { networkInterfaces } from 'node:os';

/** The Electron shell's pages (src/main/electron/ipc-guard.ts, `appOrigin`; plain Node may not import it). */
export const appShellOrigin = 'app://mass-start';

/** Names and addresses the host answers to, and the pages whose WebSocket it accepts. */
export interface HostNames {
  /** Whether a request with this Host header is for this host (a missing header is: see below). */
  allowsHost(header: string | undefined): boolean;
  /** Whether a WebSocket upgrade with this Origin header comes from a page the host trusts. */
  allowsOrigin(header: string | undefined): boolean;
  /**
   * Trusts the pages of another host (the other laptop of a pair, issue 20): a board loaded from
   * the primary follows the standby after a takeover, with the same URL's token.
   */
  trustPagesOf(url: string): void;
}

/** Options of hostNames. */
export interface HostNamesOptions {
  /** The address the server listens on (`serve --host`). */
  readonly address: string;
  /** Names the operator allows (`serve --allowed-host NAME`). */
  readonly allowed?: readonly string[];
  /** This machine's interfaces (default os.networkInterfaces), read again when an unknown IP arrives. */
  readonly interfaces?: typeof networkInterfaces;
  /** Clock in ms, for reading the interfaces at most once a second (default Date.now). */
  readonly now?: () => number;
}

// name[:port] or [IPv6][:port]: no user info, path or spaces (URL would take "a@b" as host b).
const authority = /^(?:\[[0-9a-f:.]+\]|[^\s/?#@[\]\\:]+)(?::\d{1,5})?$/i;

/**
 * The host name of an authority (`name`, `name:port`, `[::1]:port`) as browsers write it:
 * lower case, IPs canonical (`127.1` is 127.0.0.1), IPv6 in brackets, no trailing dot; null
 * when it is not one.
 */
export function hostNameOf(text: string): string | null {
  if (!authority.test(text)) return null;
  try {
    const { hostname } = new URL(`http://${text}`);
    return hostname.replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

/** Whether a canonical host name is an IP literal (v4, or v6 in brackets). */
const isIpLiteral = (name: string) => name.startsWith('[') || /^[\d.]+$/.test(name);

/** A canonical name for an interface or listening address (IPv6 without brackets). */
const canonicalAddress = (address: string) =>
  hostNameOf(address.includes(':') && !address.startsWith('[') ? `[${address}]` : address);

/**
 * Reads `--allowed-host NAME`: a host name or an IP address, without scheme or port. Throws
 * with a clear reason otherwise.
 */
export function parseAllowedHost(text: string): string {
  const name = hostNameOf(text.trim());
  if (name === null || /:\d+$/.test(text.trim().replace(/^\[[^\]]*\]/, '')))
    throw new Error(
      `--allowed-host takes a host name (scoreboard.local) or an IP address, without scheme or port, not "${text}"`,
    );
  return name;
}

/**
 * The host's names: `localhost`, 127.0.0.1 and [::1], the address it listens on, every IP
 * address of this machine (a LAN client opens http://192.168.1.20:8316 when the host listens on
 * 0.0.0.0) and the names the operator allows.
 */
export function hostNames(options: HostNamesOptions): HostNames {
  const readInterfaces = options.interfaces ?? networkInterfaces;
  const now = options.now ?? Date.now;
  const names = new Set(['localhost', '127.0.0.1', '[::1]']);
  /** The peer hosts whose pages may open this host's WebSocket. */
  const peers = new Set<string>();
  const listening = canonicalAddress(options.address);
  if (listening) names.add(listening);
  for (const name of options.allowed ?? []) names.add(parseAllowedHost(name));
  let addresses = new Set<string>();
  let readAt = -Infinity;
  const refresh = () => {
    readAt = now();
    addresses = new Set(
      Object.values(readInterfaces())
        .flatMap((infos) => infos ?? [])
        .map((info) => canonicalAddress(info.address))
        .filter((name): name is string => name !== null),
    );
  };
  refresh();
  const allowsName = (name: string | null): boolean => {
    if (name === null) return false;
    if (names.has(name)) return true;
    if (!isIpLiteral(name)) return false;
    // An address may have come since the last look (DHCP, a cable); look again, once a second.
    if (!addresses.has(name) && now() - readAt >= 1000) refresh();
    return addresses.has(name);
  };
  return {
    // No Host header at all (HTTP/1.0; Node refuses HTTP/1.1 without one): not a browser, and a
    // rebinding attack runs in a browser, which always names the host.
    allowsHost: (header) => header === undefined || allowsName(hostNameOf(header)),
    allowsOrigin: (header) => {
      if (header === undefined) return true; // not a browser page: a script, Companion, OBS's own client
      if (header.startsWith('file://') || header === appShellOrigin) return true;
      // "null" (a sandboxed frame, a redirect) could be any site's page: refused.
      const match = /^https?:\/\/([^/]+)$/i.exec(header);
      if (match === null) return false;
      const name = hostNameOf(match[1]!);
      return allowsName(name) || (name !== null && peers.has(name));
    },
    trustPagesOf: (url) => {
      const match = /^https?:\/\/([^/]+)/i.exec(url);
      const name = match ? hostNameOf(match[1]!) : null;
      if (name !== null) peers.add(name);
    },
  };
}

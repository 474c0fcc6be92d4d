// Main checks the sender of every IPC message (Electron security checklist, "validate the sender
// of all IPC messages"; VS Code's validatedIpcMain): the top frame of one of our windows,
// showing one of our pages. The window's role, not anything the page says, decides its rights.
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { WindowRole } from '../../shared/protocol/ipc.ts';

/** The app's own pages are served from this origin (app-protocol.ts). */
export const appScheme = 'app';
export const appHost = 'mass-start';
export const appOrigin = `${appScheme}://${appHost}`;

/** What main knows about a message's sender. */
export interface SenderInfo {
  readonly webContentsId: number;
  /** The URL of the sending frame; null when the frame is gone (navigated away, destroyed). */
  readonly frameUrl: string | null;
  readonly isMainFrame: boolean;
}

/** The verdict on a sender. */
export type SenderCheck =
  | { readonly ok: true; readonly role: WindowRole }
  | { readonly ok: false; readonly reason: string };

/** `scheme://host[:port]` of a URL (WHATWG gives custom schemes the origin "null"), or null. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/**
 * Accepts a message only from the top frame of a window main opened (`roles`), showing a page
 * of a trusted origin, and only on channels that window's role may use.
 */
export function checkSender(
  sender: SenderInfo,
  roles: ReadonlyMap<number, WindowRole>,
  trustedOrigins: readonly string[],
  allowed: readonly WindowRole[],
): SenderCheck {
  if (sender.frameUrl === null) return { ok: false, reason: 'the sending frame is gone' };
  if (!sender.isMainFrame)
    return { ok: false, reason: 'only the top frame of a window may use IPC' };
  const origin = originOf(sender.frameUrl);
  if (origin === null || !trustedOrigins.includes(origin))
    return { ok: false, reason: `untrusted origin ${origin ?? sender.frameUrl.slice(0, 100)}` };
  const role = roles.get(sender.webContentsId);
  if (role === undefined) return { ok: false, reason: 'not one of our windows' };
  if (!allowed.includes(role))
    return { ok: false, reason: `the ${role} window may not use this channel` };
  return { ok: true, role };
}

/** Reads the sender of an Electron IPC event. */
export function senderOf(event: IpcMainEvent | IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame.parent === null,
  };
}

// Asks a host for its role (GET /api/v1/host): the standby before it follows, a primary whose
// standby went quiet (did it take over?), the bench and the tests.
import type { HostRoleView } from '../../shared/protocol/host-role.ts';

/** A host's role view, or why it could not be had. */
export type Probe =
  | { readonly ok: true; readonly view: HostRoleView }
  | { readonly ok: false; readonly error: string };

/** GET BASE/api/v1/host with the token, within `timeoutMs`. */
export async function probeHost(base: string, token: string, timeoutMs = 2000): Promise<Probe> {
  try {
    const response = await fetch(`${base.replace(/\/$/, '')}/api/v1/host`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as HostRoleView & { error?: string };
    if (!response.ok) return { ok: false, error: `${response.status} ${body.error ?? ''}`.trim() };
    if (body.role !== 'primary' && body.role !== 'standby')
      return { ok: false, error: 'the answer is not a host role' };
    return { ok: true, view: body };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** The primary's tokens (GET BASE/api/v1/host/tokens, control token), for its standby to take. */
export async function fetchTokens(
  base: string,
  token: string,
): Promise<{ control: string; view: string } | { error: string }> {
  try {
    const response = await fetch(`${base.replace(/\/$/, '')}/api/v1/host/tokens`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(2000),
    });
    const body = (await response.json()) as { control?: string; view?: string; error?: string };
    if (!response.ok || !body.control || !body.view)
      return { error: `${response.status} ${body.error ?? 'no tokens'}` };
    return { control: body.control, view: body.view };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

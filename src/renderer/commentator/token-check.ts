/**
 * The page needs the view token (`?token=`), like the board: the page itself is public, the
 * values it shows are not. Without one it says so and connects to nothing; with one the host
 * refuses (an old or mistyped token), it asks the host why and says that.
 */

/** What to say when the address has no token; null when it has one. */
export function missingToken(search: string): string | null {
  const token = new URLSearchParams(search).get('token');
  return token
    ? null
    : 'This page needs the view token: open it with the address the host prints (…/commentator/?token=<view token>).';
}

/**
 * The host's refusal of this page's token (its own words, "unknown token"), or null when it
 * takes it or cannot be asked. Asks GET /api/v1/host, a view-token read.
 */
export async function tokenRefusal(
  search: string,
  get: (url: string, init: RequestInit) => Promise<Response> = fetch,
): Promise<string | null> {
  const token = new URLSearchParams(search).get('token') ?? '';
  try {
    const response = await get('/api/v1/host', { headers: { Authorization: `Bearer ${token}` } });
    if (response.status !== 401 && response.status !== 403) return null;
    const body = (await response.json().catch(() => ({}))) as { error?: unknown };
    const why = typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
    return `The host refused this page’s token (${why}): open it with the address the host prints.`;
  } catch {
    return null;
  }
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file.ts';

/** The two API tokens: control may send commands; view may only read and subscribe. */
export interface ApiTokens {
  readonly control: string;
  readonly view: string;
}

/** What a presented token allows. */
export type TokenRole = 'control' | 'view';

const tokensFileSchema = z.object({
  control: z.string().min(16),
  view: z.string().min(16),
});

/** Where the tokens are kept in the data directory. */
export function tokensPath(dataDir: string): string {
  return join(dataDir, 'tokens.json');
}

const newToken = (): string => randomBytes(24).toString('base64url');

/**
 * Reads `<dataDir>/tokens.json`, or makes both tokens at first start and keeps them there
 * (mode 0600, written atomically), so board and overlay URLs stay valid across restarts.
 */
export async function loadOrCreateTokens(dataDir: string): Promise<ApiTokens> {
  const path = tokensPath(dataDir);
  let text: string | null = null;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text === null) {
    await mkdir(dataDir, { recursive: true });
    const tokens: ApiTokens = { control: newToken(), view: newToken() };
    await writeFileAtomic(path, `${JSON.stringify(tokens, null, 2)}\n`);
    return tokens;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${path} is not valid JSON (${(error as Error).message}); delete it to make new tokens`,
      { cause: error },
    );
  }
  const parsed = tokensFileSchema.safeParse(value);
  if (!parsed.success || parsed.data.control === parsed.data.view) {
    throw new Error(
      `${path} must hold two different tokens, "control" and "view"; delete it to make new tokens`,
    );
  }
  // Someone may have copied the file with looser permissions; the tokens are secrets.
  if (process.platform !== 'win32' && ((await stat(path)).mode & 0o077) !== 0)
    await chmod(path, 0o600);
  return { control: parsed.data.control, view: parsed.data.view };
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * The role a presented token grants, or null. Both sides are hashed to equal length and
 * compared with timingSafeEqual, and both tokens are always compared, so the time taken
 * tells nothing about how much of a guess was right or which token it was close to.
 */
export function tokenRole(
  tokens: ApiTokens,
  presented: string | null | undefined,
): TokenRole | null {
  if (typeof presented !== 'string' || presented.length === 0) return null;
  const guess = digest(presented);
  const isControl = timingSafeEqual(guess, digest(tokens.control));
  const isView = timingSafeEqual(guess, digest(tokens.view));
  return isControl ? 'control' : isView ? 'view' : null;
}

/**
 * Keeps another host's tokens as this host's (a standby takes its primary's, issue 20, so every
 * board, overlay and console URL works on both).
 */
export async function saveTokens(dataDir: string, tokens: ApiTokens): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFileAtomic(tokensPath(dataDir), `${JSON.stringify(tokens, null, 2)}\n`);
  if (process.platform !== 'win32') await chmod(tokensPath(dataDir), 0o600);
}

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { access } from './auth.ts';

/**
 * Serves the built renderer pages (electron-vite's `out/renderer`) at `/`, with short paths
 * for the pages: `/board`, `/console` and `/commentator` (issue 21). The pages are public; the
 * API they call is not (the commentator screen, like the board, follows with the view token).
 * Returns false when the folder does not exist (a development host without a build).
 */
export async function registerStaticPages(
  app: FastifyInstance,
  staticDir: string | undefined,
  peers: () => readonly string[] = () => [],
): Promise<boolean> {
  if (!staticDir || !existsSync(staticDir)) return false;
  const root = resolve(staticDir);
  await app.register(fastifyStatic, { root, prefix: '/', index: 'index.html', dotfiles: 'deny' });
  for (const page of ['board', 'console', 'commentator']) {
    // The page's policy lets it connect to its own host and to the other host of a pair (issue
    // 20: a board follows the new primary after a takeover), to nothing else.
    const send = async (_request: unknown, reply: FastifyReply) => {
      const html = await readFile(join(root, page, 'index.html'), 'utf8');
      return reply.type('text/html; charset=utf-8').send(withPeers(html, peers()));
    };
    for (const path of [`/${page}`, `/${page}/`, `/${page}/index.html`])
      app.get(path, access('public'), send);
  }
  return true;
}

/** The page's `connect-src 'self'` with the peers' WebSocket and HTTP origins added. */
export function withPeers(html: string, peers: readonly string[]): string {
  if (peers.length === 0) return html;
  const sources = peers.flatMap((origin) => [origin.replace(/^http/, 'ws'), origin]).join(' ');
  return html.replace("connect-src 'self'", `connect-src 'self' ${sources}`);
}

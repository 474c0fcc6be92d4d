import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { access } from './auth.ts';

/**
 * Serves the built renderer pages (electron-vite's `out/renderer`) at `/`, with short paths
 * for the two pages: `/board` and `/console`. The pages are public; the API they call is not.
 * Returns false when the folder does not exist (a development host without a build).
 */
export async function registerStaticPages(
  app: FastifyInstance,
  staticDir: string | undefined,
): Promise<boolean> {
  if (!staticDir || !existsSync(staticDir)) return false;
  const root = resolve(staticDir);
  await app.register(fastifyStatic, { root, prefix: '/', index: 'index.html', dotfiles: 'deny' });
  for (const page of ['board', 'console']) {
    app.get(`/${page}`, access('public'), (_request, reply) =>
      reply.sendFile(`${page}/index.html`),
    );
  }
  return true;
}

// The app's pages come from its own files over a privileged custom protocol, app://mass-start/
// (Electron checklist item 18: not file://), each response with the strict CSP header.
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { appHost, appScheme } from './ipc-guard.ts';
import { internalPage, internalPagePolicy } from './internal-pages.ts';
import { contentSecurityPolicy } from './security.ts';

/**
 * The scheme registration (before app ready): standard and secure, nothing that bypasses CSP.
 * corsEnabled lets Vite's `<script type="module" crossorigin>` load; responses carry no
 * Access-Control-Allow-Origin, so other origins still cannot read them.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    codeCache: true,
  },
};

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.fnt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The URL of one of the app's pages, e.g. appPageUrl('board', '?output=overlay'). */
export const appPageUrl = (
  page: 'console' | 'board',
  search = '',
  base = `${appScheme}://${appHost}`,
) => `${base.replace(/\/$/, '')}/${page}/index.html${search}`;

/** The URL of a generated page (internal-pages.ts). */
export function internalPageUrl(
  name: 'identify' | 'test-pattern',
  params: Record<string, string | number | readonly string[]>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of typeof value === 'object' ? value : [String(value)])
      search.append(key, item);
  }
  return `${appScheme}://${appHost}/_internal/${name}?${search.toString()}`;
}

const baseHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
  'Referrer-Policy': 'no-referrer',
};

const notFound = () =>
  new Response('not found', {
    status: 404,
    headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  });

/** The file a path of the app origin maps to inside `rendererDir`, or null (outside, hidden). */
export function resolveAppPath(rendererDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (
    decoded.includes('\0') ||
    decoded.split('/').some((part) => part.startsWith('.') && part !== '')
  )
    return null;
  const withIndex = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${withIndex}`);
  const inside = relative(root, file);
  return inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)
    ? null
    : file;
}

/**
 * The handler for `protocol.handle('app', ...)`: serves the built pages (electron-vite's
 * out/renderer) and the generated pages, GET only, with the CSP header on every response.
 */
export function createAppProtocolHandler(
  rendererDir: string,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost || (request.method !== 'GET' && request.method !== 'HEAD'))
      return notFound();
    if (url.pathname.startsWith('/_internal/')) {
      const html = internalPage(url);
      if (html === null) return notFound();
      return new Response(html, {
        headers: {
          ...baseHeaders,
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': internalPagePolicy,
        },
      });
    }
    const file = resolveAppPath(rendererDir, url.pathname);
    if (file === null) return notFound();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    const type = mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      headers: {
        ...baseHeaders,
        'Content-Type': type,
        'Content-Security-Policy': contentSecurityPolicy,
      },
    });
  };
}

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appPageUrl,
  appSchemePrivileges,
  createAppProtocolHandler,
  internalPageUrl,
  resolveAppPath,
} from '../../../src/main/electron/app-protocol.ts';
import {
  escapeHtml,
  identifyPage,
  testPatternPage,
} from '../../../src/main/electron/internal-pages.ts';
import { contentSecurityPolicy } from '../../../src/main/electron/security.ts';

let root: string;
let rendererDir: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'app-protocol-'));
  rendererDir = join(root, 'out', 'renderer');
  await mkdir(join(rendererDir, 'board'), { recursive: true });
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'board', 'index.html'), '<!doctype html><title>board</title>');
  await writeFile(join(rendererDir, 'assets', 'board-1234.js'), 'console.log(1)');
  await writeFile(join(rendererDir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(join(rendererDir, '.env'), 'SECRET=1');
  await writeFile(join(root, 'secret.txt'), 'outside');
  handle = createAppProtocolHandler(rendererDir);
});
afterAll(() => rm(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// protocol', () => {
  it('is registered standard and secure, without CSP bypass', () => {
    const { scheme, privileges = {} } = appSchemePrivileges;
    expect(scheme).toBe('app');
    // Standard: an origin of its own and relative URLs; secure: a secure context, like https.
    expect(privileges.standard).toBe(true);
    expect(privileges.secure).toBe(true);
    // The pages' Content-Security-Policy must apply to everything the scheme serves.
    expect(privileges.bypassCSP ?? false).toBe(false);
  });

  it('serves the built pages with the strict CSP and the right types', async () => {
    const page = await get(appPageUrl('board', '?output=overlay'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
    expect(await page.text()).toContain('<title>board</title>');
    const script = await get('app://mass-start/assets/board-1234.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://mass-start/assets/font.woff2')).headers.get('content-type')).toBe(
      'font/woff2',
    );
    expect((await get('app://mass-start/board/')).status).toBe(200);
  });

  it('serves nothing outside the renderer folder, hidden files, other hosts or methods', async () => {
    for (const url of [
      'app://mass-start/../secret.txt',
      'app://mass-start/%2e%2e/secret.txt',
      'app://mass-start/board/..%2f..%2fsecret.txt',
      'app://mass-start/.env',
      'app://mass-start/missing.js',
      'app://mass-start/%E0%A4%A',
      'app://other/board/index.html',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
    expect((await get('app://mass-start/board/index.html', 'POST')).status).toBe(404);
    expect(resolveAppPath(rendererDir, '/board/../../secret.txt')).toBeNull();
    expect(resolveAppPath(rendererDir, '/board/index.html')).toBe(
      join(rendererDir, 'board', 'index.html'),
    );
  });

  it('generates the identification card and the test pattern without scripts', async () => {
    const identify = await get(
      internalPageUrl('identify', {
        number: 2,
        label: 'LED <wall>',
        width: 3840,
        height: 2160,
        scale: 1,
        showing: ['board', 'overlay'],
      }),
    );
    expect(identify.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    const card = await identify.text();
    expect(card).toContain('>2</div>');
    expect(card).toContain('LED &#60;wall&#62;');
    expect(card).toContain('3840 &times; 2160');
    expect(card).toContain('shows: board + overlay');
    expect(card).not.toContain('<script');
    const pattern = await (
      await get(
        internalPageUrl('test-pattern', {
          label: 'LED wall',
          width: 3840,
          height: 2160,
          safeArea: 0.05,
        }),
      )
    ).text();
    expect(pattern).toContain('viewBox="0 0 3840 2160"');
    expect(pattern).toContain('safe area 5 %');
    expect(pattern).not.toContain('<script');
    expect((await get('app://mass-start/_internal/shell')).status).toBe(404);
  });
});

describe('generated pages', () => {
  it('escape everything they show', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe(
      '&#60;img src=x onerror=&#34;alert(&#39;1&#39;)&#34;&#62;&#38;',
    );
    expect(
      identifyPage({
        number: 1,
        label: '"><script>',
        width: 1,
        height: 1,
        scaleFactor: 2,
        showing: [],
      }),
    ).not.toContain('<script>');
    expect(
      testPatternPage({ label: '</text><script>', width: 1920, height: 1080, safeArea: 0.1 }),
    ).not.toContain('<script>');
  });

  it('mark the safe area and the edges', () => {
    const page = testPatternPage({ label: 'x', width: 1000, height: 500, safeArea: 0.1 });
    expect(page).toContain(
      '<rect x="100" y="50" width="800" height="400" fill="none" stroke="#ffd200"',
    );
    expect(page).toContain('M0 20V0H20');
  });
});

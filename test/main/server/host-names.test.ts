// DNS rebinding and foreign origins (issue 17): the real server refuses a Host that is not one of
// its names (421) on the API, the pages and the WebSocket upgrade, and a WebSocket from another
// site's page (403, not upgraded); the public feed behind a cache keeps the public site's name.
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parseServeArgs, serve } from '../../../src/main/cli/serve.ts';
import { appOrigin } from '../../../src/main/electron/ipc-guard.ts';
import { appShellOrigin, hostNames } from '../../../src/main/server/host-names.ts';
import type { ServerOptions } from '../../../src/main/server/http-api.ts';
import { startApi, type ApiFixture } from '../../support/api-server.ts';

const fixtures: ApiFixture[] = [];
afterEach(async () => {
  for (const fixture of fixtures.splice(0)) await fixture.close();
});
async function start(options: Partial<ServerOptions> = {}): Promise<ApiFixture> {
  const api = await startApi(options);
  fixtures.push(api);
  return api;
}

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** GET over HTTP/1.1 to the server's address with the Host header given. */
function get(api: ApiFixture, path: string, host: string, token = true): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        host: '127.0.0.1',
        port: api.server.port,
        path,
        headers: { host, ...(token ? { authorization: `Bearer ${api.tokens.view}` } : {}) },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      },
    );
    sent.on('error', reject);
    sent.end();
  });
}

/** A WebSocket upgrade with the view token: 'open' when upgraded, or the HTTP answer instead. */
function upgrade(
  api: ApiFixture,
  headers: { host?: string; origin?: string },
): Promise<'open' | Answer> {
  const url = `${api.server.url.replace(/^http/, 'ws')}/api/v1/ws?token=${api.tokens.view}`;
  const socket = new WebSocket(url, {
    ...(headers.host ? { headers: { host: headers.host } } : {}),
    ...(headers.origin ? { origin: headers.origin } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      socket.close();
      resolve('open');
    });
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body }));
    });
    socket.once('error', reject);
  });
}

/** A request written by hand (what http.request would not send); the whole answer. */
function raw(api: ApiFixture, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(api.server.port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

const error = (answer: Answer | 'open') =>
  answer === 'open' ? 'upgraded' : (JSON.parse(answer.body) as { ok: boolean; error: string });

describe('the Host check (DNS rebinding)', () => {
  it('refuses another name with 421 on the API, the pages and the WebSocket upgrade', async () => {
    const out = join((await start()).dataDir, 'renderer');
    await mkdir(join(out, 'board'), { recursive: true });
    await writeFile(join(out, 'board', 'index.html'), '<title>board</title>');
    const api = await start({ staticDir: out });
    const evil = `evil.example:${api.server.port}`;
    for (const path of ['/api/v1/program', '/api/v1/health', '/board', '/board/index.html']) {
      const answer = await get(api, path, evil);
      expect(answer.status, path).toBe(421);
      expect(error(answer)).toEqual({
        ok: false,
        error: `this host does not answer to the name "${evil}": open it at ${api.server.url}, or allow the name with \`serve --allowed-host evil.example\``,
      });
    }
    // Before the token is even looked at, and on routes that do not exist.
    expect((await get(api, '/api/v1/program', evil, false)).status).toBe(421);
    expect((await get(api, '/api/v1/nope', evil)).status).toBe(421);
    const socket = await upgrade(api, { host: evil });
    expect(socket).toMatchObject({ status: 421 });
    expect(error(socket)).toMatchObject({ error: expect.stringMatching(/"evil\.example:/) });
    // An address that is not this machine's is not one of its names either.
    expect((await get(api, '/api/v1/program', '203.0.113.7')).status).toBe(421);
    expect(await raw(api, 'GET /api/v1/health HTTP/1.1\r\nHost: \r\n\r\n')).toMatch(
      /^HTTP\/1\.1 421 /,
    );
    expect((await get(api, '/board', `localhost:${api.server.port}`, false)).status).toBe(200);
  });

  it('answers to localhost, its loopback and LAN addresses, with or without the port', async () => {
    const api = await start();
    const port = api.server.port;
    const lan = Object.values(networkInterfaces())
      .flatMap((infos) => infos ?? [])
      .filter((info) => !info.internal)
      .map((info) => (info.family === 'IPv6' ? `[${info.address}]` : info.address));
    for (const host of [
      `localhost:${port}`,
      'localhost',
      'LocalHost.',
      `127.0.0.1:${port}`,
      '127.0.0.1',
      `[::1]:${port}`,
      ...lan.flatMap((address) => [address, `${address}:${port}`]),
    ]) {
      const answer = await get(api, '/api/v1/program', host);
      expect(answer.status, host).toBe(200);
    }
    expect(await upgrade(api, { host: `localhost:${port}` })).toBe('open');
  });

  it('answers to a name the operator allows (--allowed-host), and only that one', async () => {
    const { allowedHosts } = parseServeArgs([
      '--allowed-host',
      'scoreboard.local',
      '--allowed-host',
      'Board.Example.',
    ]);
    expect(allowedHosts).toEqual(['scoreboard.local', 'board.example']);
    const api = await start({ allowedHosts });
    for (const host of ['scoreboard.local', `scoreboard.local:${api.server.port}`, 'board.example'])
      expect((await get(api, '/api/v1/program', host)).status, host).toBe(200);
    expect(
      await upgrade(api, { host: 'scoreboard.local', origin: 'http://scoreboard.local' }),
    ).toBe('open');
    expect((await get(api, '/api/v1/program', 'other.local')).status).toBe(421);
    expect((await get(api, '/api/v1/program', 'evil.scoreboard.local')).status).toBe(421);
  });

  it('takes --allowed-host through `massstart serve` to the server and says so', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'allowed-host-'));
    const lines: string[] = [];
    const running = await serve(
      parseServeArgs([
        '--port',
        '0',
        '--data',
        dataDir,
        '--no-osc',
        '--allowed-host',
        'scoreboard.local',
      ]),
      (line) => lines.push(line),
    );
    try {
      const [, base, token] = /API\s+(\S+)\/api\/v1\/\s+control token (\S+)/.exec(
        lines.join('\n'),
      )!;
      expect(lines).toContain('  names    also answers to scoreboard.local  (--allowed-host)');
      const status = async (host: string) =>
        new Promise<number>((resolve, reject) => {
          const url = new URL(`${base!}/api/v1/program`);
          request(
            {
              host: url.hostname,
              port: url.port,
              path: url.pathname,
              headers: { host, authorization: `Bearer ${token!}` },
            },
            (response) => {
              response.resume();
              resolve(response.statusCode!);
            },
          )
            .on('error', reject)
            .end();
        });
      expect(await status('scoreboard.local')).toBe(200);
      expect(await status('other.local')).toBe(421);
    } finally {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a malformed --allowed-host, naming it', () => {
    for (const bad of ['http://scoreboard.local', 'scoreboard.local:8316', 'a b', 'x@y', ''])
      expect(() => parseServeArgs(['--allowed-host', bad]), bad).toThrow(
        `--allowed-host takes a host name (scoreboard.local) or an IP address, without scheme or port, not "${bad}"`,
      );
  });

  it('serves a request without a Host header (HTTP/1.0): no browser sends one', async () => {
    const api = await start();
    expect(await raw(api, 'GET /api/v1/health HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('leaves /public/ to the public site name a cache in front passes on', async () => {
    const api = await start();
    await api.call('/api/v1/program', { body: { type: 'public/configured', enabled: true } });
    const live = await get(api, '/public/v1/live.json', 'live.skating.example', false);
    expect(live.status).toBe(200);
    expect((await get(api, '/public/', 'live.skating.example', false)).status).toBe(200);
    // The token-holding routes are not public.
    expect((await get(api, '/api/v1/program', 'live.skating.example')).status).toBe(421);
    expect((await get(api, '/public/nothing', 'live.skating.example')).status).toBe(421);
  });
});

describe('the Origin check of WebSocket upgrades', () => {
  it("refuses another site's page before upgrading, and the host serves on", async () => {
    const api = await start();
    for (const origin of [
      'http://evil.example',
      `http://evil.example:${api.server.port}`,
      'https://evil.example',
      'null',
      'chrome-extension://abcdef',
    ]) {
      const answer = await upgrade(api, { origin });
      expect(answer, origin).toMatchObject({ status: 403 });
      expect(error(answer)).toMatchObject({
        ok: false,
        error: expect.stringContaining(`a WebSocket from a page of another site is refused`),
      });
    }
    expect(error(await upgrade(api, { origin: 'http://evil.example' }))).toEqual({
      ok: false,
      error:
        'a WebSocket from a page of another site is refused (Origin "http://evil.example"): open the page from this host, or allow that site\'s name with `serve --allowed-host evil.example`',
    });
    expect((await api.call('/api/v1/health')).status).toBe(200);
  });

  it('accepts no Origin, the pages it serves, local files and the app shell', async () => {
    const api = await start();
    const port = api.server.port;
    for (const origin of [
      undefined,
      api.server.url,
      `http://localhost:${port}`,
      'http://localhost:5173',
      'file://',
      appShellOrigin,
    ])
      expect(await upgrade(api, origin === undefined ? {} : { origin }), origin).toBe('open');
    // The app shell's origin as the Electron side defines it.
    expect(appShellOrigin).toBe(appOrigin);
  });
});

describe('hostNames', () => {
  it('looks at the interfaces again, at most once a second, when an unknown address arrives', () => {
    let clock = 0;
    let reads = 0;
    let lan: string[] = [];
    const names = hostNames({
      address: '0.0.0.0',
      now: () => clock,
      interfaces: () => {
        reads++;
        return {
          eth0: lan.map((address) => ({
            address,
            netmask: '255.255.255.0',
            family: 'IPv4' as const,
            mac: '02:00:00:00:00:01',
            internal: false,
            cidr: `${address}/24`,
          })),
        };
      },
    });
    expect(reads).toBe(1);
    expect(names.allowsHost('0.0.0.0:8316')).toBe(true);
    clock = 5000;
    expect(names.allowsHost('192.168.1.20:8316')).toBe(false);
    expect(reads).toBe(2);
    lan = ['192.168.1.20']; // the cable goes in
    clock = 5500;
    expect(names.allowsHost('192.168.1.20')).toBe(false); // looked half a second ago
    expect(names.allowsHost('evil.example')).toBe(false); // a name is never an interface
    expect(reads).toBe(2);
    clock = 6000;
    expect(names.allowsHost('192.168.1.20:8316')).toBe(true);
    expect(names.allowsOrigin('http://192.168.1.20:8316')).toBe(true);
    expect(reads).toBe(3);
  });
});

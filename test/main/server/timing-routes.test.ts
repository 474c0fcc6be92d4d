// The timing feed over HTTP and WebSocket, through the one composition root (start-services.ts)
// that `massstart serve` and the Electron app use.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parseServeArgs } from '../../../src/main/cli/serve.ts';
import { startServices, type Services } from '../../../src/main/start-services.ts';
import { startDecoder, until, type FakeDecoder } from '../../support/fake-decoder.ts';
import { addRace } from '../../support/host-fixture.ts';

const running: { services: Services; dataDir: string; decoder: FakeDecoder }[] = [];
afterEach(async () => {
  for (const { services, dataDir, decoder } of running.splice(0)) {
    await services.close();
    await decoder.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

async function serve(): Promise<{ services: Services; decoder: FakeDecoder; dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'timing-routes-'));
  const decoder = await startDecoder();
  const services = await startServices({
    dataDir,
    log: () => undefined,
    demoFile: null,
    port: 0,
    address: '127.0.0.1',
    oscPort: null,
    staticDir: join(dataDir, 'no-pages'),
    optionalServers: false,
    timing: { url: `p3://127.0.0.1:${decoder.port}`, autoLaps: true },
  });
  const started = { services, decoder, dataDir };
  running.push(started);
  return started;
}

async function call(
  services: Services,
  path: string,
  init: { body?: unknown; token?: 'control' | 'view' } = {},
) {
  const response = await fetch(services.server!.url + path, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${services.tokens![init.token ?? 'control']}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('timing over the control API', () => {
  it('takes --timing at start, keeps it in program.json, and connects to the decoder', async () => {
    const { services, dataDir } = await serve();
    const program = JSON.parse(await readFile(join(dataDir, 'program.json'), 'utf8')) as {
      timing: unknown;
    };
    expect(program.timing).toMatchObject({
      url: expect.stringMatching(/^p3:\/\/127\.0\.0\.1:\d+$/),
      autoLaps: true,
      minLapSeconds: 20,
    });
    await until(() => services.timing.view().status.connection === 'connected');
    const { status, json } = await call(services, '/api/v1/timing', { token: 'view' });
    expect(status).toBe(200);
    expect(json).toMatchObject({
      settings: { autoLaps: true },
      status: { connection: 'connected' },
    });
  });

  it('refuses a view token, a bad body and a proposal that is not open, changing nothing', async () => {
    const { services } = await serve();
    await addRace(services.host);
    const before = services.host.revision;
    const asView = await call(services, '/api/v1/timing', {
      token: 'view',
      body: { action: 'accept', proposal: 'lap-1' },
    });
    expect(asView.status).toBe(403);
    const bad = await call(services, '/api/v1/timing', {
      body: { action: 'take', proposal: 'lap-1' },
    });
    expect(bad.status).toBe(400);
    expect(String(bad.json.error)).toMatch(/action/);
    const closed = await call(services, '/api/v1/timing', {
      body: { action: 'accept', proposal: 'sprint-2' },
    });
    expect(closed.status).toBe(409);
    expect(String(closed.json.error)).toMatch(/no open timing proposal "sprint-2"/);
    expect(services.host.revision).toBe(before);
  });

  it('configures the feed with a program command and refuses a bad decoder URL', async () => {
    const { services } = await serve();
    const bad = await call(services, '/api/v1/program', {
      body: { type: 'timing/configured', url: 'http://decoder' },
    });
    expect(bad.status).toBe(400);
    expect(String(bad.json.error)).toMatch(/p3:\/\/HOST/);
    const off = await call(services, '/api/v1/program', {
      body: { type: 'timing/configured', url: null },
    });
    expect(off.status).toBe(200);
    await until(() => services.timing.view().status.connection === 'off');
  });

  it('pushes the timing view to a console over the WebSocket, not to a board', async () => {
    const { services } = await serve();
    const base = services.server!.url.replace('http', 'ws');
    const received = { console: [] as string[], board: [] as string[] };
    const open = (kind: 'console' | 'board', query: string) =>
      new Promise<WebSocket>((resolve) => {
        const socket = new WebSocket(`${base}/api/v1/ws?token=${services.tokens!.view}${query}`);
        socket.on('message', (data: Buffer) => {
          const message = JSON.parse(data.toString('utf8')) as { type: string; name?: string };
          received[kind].push(message.name ?? message.type);
        });
        socket.once('open', () => resolve(socket));
      });
    const sockets = [await open('console', '&v=2&journal=1'), await open('board', '&v=2')];
    await until(() => received.console.includes('timing'));
    expect(received.board).not.toContain('timing');
    for (const socket of sockets) socket.close();
  });

  it('reads serve --timing, --auto-laps and --min-lap, and names a bad one', () => {
    expect(
      parseServeArgs(['--timing', 'p3://10.0.0.5', '--auto-laps', '--min-lap', '15']).timing,
    ).toEqual({
      url: 'p3://10.0.0.5',
      autoLaps: true,
      minLapSeconds: 15,
    });
    expect(parseServeArgs(['--timing', 'off']).timing).toEqual({ url: null });
    expect(() => parseServeArgs(['--timing', 'tcp://x:1'])).toThrow(
      /--timing: expected p3:\/\/HOST/,
    );
    expect(() => parseServeArgs(['--timing', 'p3://x:70000'])).toThrow(/port/);
    expect(() => parseServeArgs(['--min-lap', '0'])).toThrow(/--min-lap/);
  });
});

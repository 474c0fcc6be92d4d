// Two hosts in one process, on loopback (issue 20): the standby follows the primary on the
// replication channel, has every acknowledged command on disk when the primary answers (the
// commit rule), refuses commands, takes over with a new epoch, and fences the old primary.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServices, type Services } from '../../../src/main/start-services.ts';

const demo = join(import.meta.dirname, '../../../resources/demo/mc2026-men.json');
const running: Services[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const services of running.splice(0).reverse()) await services.close().catch(() => undefined);
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function serve(
  dataDir: string,
  options: { demo?: boolean; standbyOf?: Services } = {},
): Promise<Services> {
  const services = await startServices({
    dataDir,
    log: () => undefined,
    demoFile: options.demo ? demo : null,
    port: 0,
    address: '127.0.0.1',
    oscPort: null,
    staticDir: join(dataDir, 'no-pages'),
    optionalServers: false,
    ...(options.standbyOf
      ? {
          standbyOf: {
            primary: options.standbyOf.server!.url,
            token: options.standbyOf.tokens!.control,
          },
        }
      : {}),
  });
  running.push(services);
  return services;
}

const folder = async (name: string) => {
  const path = await mkdtemp(join(tmpdir(), `two-hosts-${name}-`));
  folders.push(path);
  return path;
};

async function post(services: Services, path: string, body: unknown) {
  const response = await fetch(services.server!.url + path, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${services.tokens!.control}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    epoch: response.headers.get('x-massstart-epoch'),
    json: (await response.json()) as Record<string, unknown>,
  };
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const lap = { type: 'skater/edited', bib: 1, name: 'Test Skater' };
const renamed = (n: number) => ({ type: 'skater/edited', bib: 1 + (n % 5), name: `Skater ${n}` });

describe('two hosts: primary and standby', () => {
  it('the standby has every answered command on disk, refuses commands, takes over and fences the old primary', async () => {
    const aFolder = await folder('a');
    const a = await serve(aFolder, { demo: true });
    const b = await serve(await folder('b'), { standbyOf: a });
    // The standby took the primary's tokens: every URL works on both.
    expect(b.tokens).toEqual(a.tokens);
    await until(() => b.roles.view().stateHash === a.roles.view().stateHash);
    expect(b.roles.view()).toMatchObject({ role: 'standby', peer: a.server!.url, epoch: 1 });
    await until(() => a.roles.view().peer === b.server!.url);

    // The commit rule: when the primary answers, the standby has the line on disk.
    for (let n = 0; n < 20; n++) {
      const reply = await post(a, '/api/v1/commands', renamed(n));
      expect(reply).toMatchObject({ status: 200, epoch: '1', json: { ok: true, epoch: 1 } });
      expect(b.roles.view().position).toEqual(a.roles.view().position);
    }
    expect(b.roles.view().stateHash).toBe(a.roles.view().stateHash);
    expect(a.roles.view()).toMatchObject({ standbyBehind: false, behind: 0 });
    // The standby's board shows the same race.
    expect(b.host.race()?.state.skaters[0]?.name).toBe(a.host.race()?.state.skaters[0]?.name);

    const refused = await post(b, '/api/v1/commands', lap);
    expect(refused).toMatchObject({
      status: 409,
      json: { error: `this host is the standby of ${a.server!.url}: send commands to the primary` },
    });

    // The primary is heard: takeover needs force.
    expect((await post(b, '/api/v1/host/takeover', {})).status).toBe(409);
    const position = a.roles.view().position;
    await a.close();
    running.splice(running.indexOf(a), 1);
    const took = await post(b, '/api/v1/host/takeover', { force: true });
    expect(took).toMatchObject({ status: 200, epoch: '2' });
    expect(b.roles.view()).toMatchObject({ role: 'primary', epoch: 2 });
    expect(b.roles.view().position.races).toEqual(position.races);
    expect(await post(b, '/api/v1/commands', lap)).toMatchObject({ status: 200, epoch: '2' });

    // The old primary, restarted on its folder, asks its peer before it takes anything.
    const again = await serve(aFolder);
    const fenced = await post(again, '/api/v1/commands', lap);
    expect(fenced.status).toBe(409);
    expect(fenced.json.error).toMatch(
      /^deposed at epoch 2 by http:\/\/127\.0\.0\.1:\d+: this host is now a standby/,
    );
    expect(again.roles.view().position).toEqual(position);
    // Rejoin: it follows the new primary and comes into step.
    expect((await post(again, '/api/v1/host/rejoin', {})).status).toBe(200);
    await until(() => again.roles.view().stateHash === b.roles.view().stateHash);
    expect(again.roles.view()).toMatchObject({ role: 'standby', epoch: 2, deposed: null });
    expect(await readdir(aFolder)).not.toContain('diverged');
  }, 30_000);

  it('sets aside what a deposed primary wrote after the split in DATA/diverged/', async () => {
    const aFolder = await folder('a');
    const a = await serve(aFolder, { demo: true });
    const b = await serve(await folder('b'), { standbyOf: a });
    await until(() => b.roles.view().stateHash === a.roles.view().stateHash);
    // B stops following (as a takeover does) while A goes on alone: A's lines after the split.
    expect((await post(b, '/api/v1/host/takeover', { force: true })).status).toBe(200);
    // A line A wrote before it learned (it is durable before the commit rule asks the peer): the
    // answer is the refusal, and the line is never shown.
    const split = await a.host.submit({ kind: 'single', command: lap as never }, 'test');
    expect(split).toMatchObject({
      ok: false,
      status: 409,
      error: expect.stringMatching(/^deposed at epoch 2/),
    });
    expect((await post(a, '/api/v1/commands', lap)).status).toBe(409);
    const lines = a.roles.view().position.races['men-semi-1']!;
    expect(lines).toBe(b.roles.view().position.races['men-semi-1']! + 1);
    expect((await post(a, '/api/v1/host/rejoin', {})).status).toBe(200);
    await until(() => a.roles.view().stateHash === b.roles.view().stateHash);
    expect(a.roles.view().diverged).toHaveLength(1);
    expect(await readdir(join(aFolder, 'diverged'))).toEqual([
      expect.stringMatching(/^men-semi-1\..*\.jsonl$/),
    ]);
  }, 30_000);
});

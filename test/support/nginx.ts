// Debian's nginx with the shipped configuration (resources/deploy/nginx.conf) in a scratch
// prefix, its listen port and upstream rewritten for a test or bench on loopback.
import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const nginxBinary = '/usr/sbin/nginx';

export interface RunningNginx {
  readonly port: number;
  readonly url: string;
  readonly prefix: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Starts nginx in front of the host on `upstreamPort`; waits until it answers. */
export async function startNginx(upstreamPort: number): Promise<RunningNginx> {
  const prefix = await mkdtemp(join(tmpdir(), 'massstart-nginx-'));
  // Workers run as an unprivileged user when the master is root: they write the cache here.
  await chmod(prefix, 0o777);
  for (const dir of ['cache', 'tmp']) {
    await mkdir(join(prefix, dir));
    await chmod(join(prefix, dir), 0o777);
  }
  const port = await freePort();
  const shipped = await readFile(
    new URL('../../resources/deploy/nginx.conf', import.meta.url),
    'utf8',
  );
  const config = shipped
    .replace(/listen 8080 reuseport;/, `listen 127.0.0.1:${port} reuseport;`)
    .replace(/server 127\.0\.0\.1:8316;/, `server 127.0.0.1:${upstreamPort};`);
  if (config === shipped) throw new Error('nginx.conf: listen/upstream lines not found');
  const file = join(prefix, 'nginx.conf');
  await writeFile(file, config);
  const check = spawnSync(nginxBinary, ['-t', '-p', prefix, '-c', file], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t failed: ${check.stderr}`);
  const child = spawn(nginxBinary, ['-p', prefix, '-c', file, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await fetch(`${url}/nothing`);
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`nginx did not start: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    port,
    url,
    prefix,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGQUIT');
        await exited;
      }
      await rm(prefix, { recursive: true, force: true });
    },
  };
}

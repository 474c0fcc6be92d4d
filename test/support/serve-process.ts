// `massstart serve` as a real child process, for the tests that must see the whole host: its
// HTTP API, WebSocket, OSC and timing feed in a process of their own.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A running `massstart serve`, as its start-up lines describe it. */
export interface ServeProcess {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:PORT` */
  readonly base: string;
  readonly port: number;
  readonly controlToken: string;
  readonly viewToken: string;
  /** The OSC UDP port, when OSC is on. */
  readonly oscPort: number | null;
  /** Everything it printed so far (stdout and stderr). */
  readonly output: string[];
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `massstart serve --data DIR --port 0 ...args` and waits for its URLs. */
export async function startServe(dataDir: string, args: readonly string[]): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    ['src/main/cli/bin.mjs', 'serve', '--data', dataDir, '--port', '0', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
  const lines = createInterface({ input: child.stdout });
  const started = await new Promise<Omit<ServeProcess, 'child' | 'output' | 'kill'>>(
    (resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`serve printed no API line:\n${output.join('\n')}`)),
        30_000,
      );
      let oscPort: number | null = null;
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`serve exited with ${code}:\n${output.join('\n')}`));
      });
      lines.on('line', (line) => {
        output.push(line);
        const osc = /OSC\s+udp:\/\/[^:]+:(\d+)/.exec(line);
        if (osc) oscPort = Number(osc[1]);
        const api =
          /API\s+(http:\/\/127\.0\.0\.1:(\d+))\/api\/v1\/\s+control token (\S+)\s+view token (\S+)/.exec(
            line,
          );
        if (!api) return;
        // The OSC line follows the API line: give it a moment.
        setTimeout(() => {
          clearTimeout(timer);
          resolve({
            base: api[1]!,
            port: Number(api[2]),
            controlToken: api[3]!,
            viewToken: api[4]!,
            oscPort,
          });
        }, 200);
      });
    },
  );
  return {
    ...started,
    get oscPort() {
      const osc = output.map((line) => /OSC\s+udp:\/\/[^:]+:(\d+)/.exec(line)).find(Boolean);
      return osc ? Number(osc[1]) : started.oscPort;
    },
    child,
    output,
    kill: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** A JSON call to a serve process with its control token. */
export async function callServe<T = { ok?: boolean; error?: string; [key: string]: unknown }>(
  serve: ServeProcess,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const response = await fetch(serve.base + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${serve.controlToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as T };
}

/** Child processes of `npm run bench:host`: each part runs TypeScript through tsx, over IPC. */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(benchDir, '..', '..');

/** A child running one part of the bench (TypeScript through tsx), talking over IPC. */
export interface Child<T> {
  readonly pid: number | undefined;
  /** The first message of the given type the child sends. */
  message(type: string, timeoutMs: number): Promise<T>;
  send(message: object): void;
  /** Resolves with the exit code; kills the child (its own pid) if it does not exit in time. */
  exited(timeoutMs: number): Promise<number | null>;
  kill(): void;
}

export function startChild<T extends { type: string }>(
  file: string,
  args: readonly string[],
  nodeFlags: readonly string[] = [],
): Child<T> {
  const child = spawn(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', join(benchDir, file), ...args],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const received: T[] = [];
  const waiting: { type: string; resolve: (m: T) => void }[] = [];
  let exitCode: number | null | undefined;
  const exitWaiters: ((code: number | null) => void)[] = [];
  child.on('message', (raw) => {
    const message = raw as T;
    const index = waiting.findIndex((w) => w.type === message.type);
    if (index >= 0) waiting.splice(index, 1)[0]!.resolve(message);
    else received.push(message);
  });
  child.on('exit', (code, signal) => {
    exitCode = code ?? (signal ? -1 : null);
    for (const resolve of exitWaiters.splice(0)) resolve(exitCode);
  });
  const kill = (): void => {
    if (exitCode === undefined) child.kill('SIGKILL');
  };
  return {
    pid: child.pid,
    send: (message) => {
      if (child.connected) child.send(message);
    },
    kill,
    message: (type, timeoutMs) =>
      new Promise<T>((resolve, reject) => {
        const index = received.findIndex((m) => m.type === type);
        if (index >= 0) return resolve(received.splice(index, 1)[0]!);
        if (exitCode !== undefined)
          return reject(new Error(`${file} exited (code ${exitCode}) before sending "${type}"`));
        const timer = setTimeout(
          () => reject(new Error(`${file}: no "${type}" within ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
        const waiter = {
          type,
          resolve: (m: T) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        waiting.push(waiter);
        exitWaiters.push((code) => {
          clearTimeout(timer);
          const at = waiting.indexOf(waiter);
          if (at >= 0) {
            waiting.splice(at, 1);
            reject(new Error(`${file} exited (code ${code}) before sending "${type}"`));
          }
        });
      }),
    exited: (timeoutMs) =>
      new Promise((resolve) => {
        if (exitCode !== undefined) return resolve(exitCode);
        const timer = setTimeout(() => {
          kill();
        }, timeoutMs);
        exitWaiters.push((code) => {
          clearTimeout(timer);
          resolve(code);
        });
      }),
  };
}

/** In a child: sends a message to the parent and waits until it is handed over. */
export function tellParent(message: object): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) {
      console.log(JSON.stringify(message));
      return resolve();
    }
    process.send(message, undefined, {}, () => resolve());
  });
}

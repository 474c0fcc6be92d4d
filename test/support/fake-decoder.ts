// A decoder stand-in for the timing tests: a TCP server on loopback that writes whatever the
// test tells it to (the P3 client and the timing feed connect to it as to a real decoder).
import { createServer, type Server, type Socket } from 'node:net';

/** A decoder stand-in: a TCP server on loopback that writes whatever the test tells it to. */
export interface FakeDecoder {
  readonly port: number;
  /** Resolves with the next client connection. */
  nextConnection(): Promise<Socket>;
  close(): Promise<void>;
}

export async function startDecoder(port = 0): Promise<FakeDecoder> {
  const waiting: ((socket: Socket) => void)[] = [];
  const queued: Socket[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const next = waiting.shift();
    if (next) next(socket);
    else queued.push(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    nextConnection: () =>
      new Promise((resolve) => {
        const socket = queued.shift();
        if (socket) resolve(socket);
        else waiting.push(resolve);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Writes bytes to a socket and waits until they are handed to the OS. */
export const write = (socket: Socket, bytes: Uint8Array): Promise<void> =>
  new Promise((resolve, reject) =>
    socket.write(bytes, (error) => (error ? reject(error) : resolve())),
  );

/** Polls `check` until it holds (bounded: fails after `ms`). */
export async function until(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5).unref());
  }
}

export type { Server, Socket };

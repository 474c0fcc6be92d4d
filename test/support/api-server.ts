import { readFile } from 'node:fs/promises';
import WebSocket from 'ws';
import type { RaceHost } from '../../src/main/host/host.ts';
import { loadOrCreateTokens, type ApiTokens } from '../../src/main/host/tokens.ts';
import {
  startServer,
  type RunningServer,
  type ServerOptions,
} from '../../src/main/server/http-api.ts';
import type { SocketMessage } from '../../src/shared/protocol/socket.ts';
import type { ValueMessage } from '../../src/shared/protocol/channel.ts';
import { openHost } from './host-fixture.ts';
import { PushedStates } from './patched-states.ts';

/** A real host on a temp data dir with one semi of 12 skaters, and the real server on 127.0.0.1:0. */
export interface ApiFixture {
  readonly dataDir: string;
  readonly host: RaceHost;
  readonly tokens: ApiTokens;
  readonly server: RunningServer;
  readonly raceId: string;
  /** The semi's journal file. */
  readonly journalPath: string;
  journalBytes(): Promise<Buffer>;
  /** fetch against the server with a token ('control', 'view', or none). */
  call<T = Body>(
    path: string,
    init?: {
      method?: string;
      body?: unknown;
      token?: 'control' | 'view' | null;
      headers?: Record<string, string>;
    },
  ): Promise<Reply<T>>;
  close(): Promise<void>;
}

/** The usual reply body: `{ok, error}` or what was accepted. */
export interface Body {
  readonly ok?: boolean;
  readonly error?: string;
  readonly [key: string]: unknown;
}

/** A parsed HTTP reply. */
export interface Reply<T = Body> {
  readonly status: number;
  readonly headers: Headers;
  readonly json: T;
}

/** Starts host and server; the semi is "men-semi-1", active, with bibs 1-12. */
export async function startApi(options: Partial<ServerOptions> = {}): Promise<ApiFixture> {
  const fixture = await openHost({ prefix: 'api' });
  const { dataDir, host, raceId, journalPath } = fixture;
  const tokens = await loadOrCreateTokens(dataDir);
  const server = await startServer({ host, tokens, port: 0, ...options });
  return {
    dataDir,
    host,
    tokens,
    server,
    raceId,
    journalPath,
    journalBytes: () => readFile(journalPath),
    async call<T>(path: string, init: Parameters<ApiFixture['call']>[1] = {}): Promise<Reply<T>> {
      const token = init.token === undefined ? 'control' : init.token;
      const headers: Record<string, string> = {
        ...(token ? { authorization: `Bearer ${tokens[token]}` } : {}),
      };
      let body: string | undefined;
      if (init.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      }
      const response = await fetch(server.url + path, {
        method: init.method ?? (body === undefined ? 'GET' : 'POST'),
        headers: { ...headers, ...init.headers },
        body,
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        json: (text ? JSON.parse(text) : undefined) as T,
      };
    },
    async close() {
      await server.close();
      await fixture.close();
    },
  };
}

/** A real `ws` client that queues what the server sends, for tests to take in order. */
export class TestSocket {
  readonly messages: SocketMessage[] = [];
  readonly raw: string[] = [];
  /** The channel's value messages received, as sent (issue 20). */
  readonly values: ValueMessage[] = [];
  private readonly view = new PushedStates();
  private waiters: (() => void)[] = [];
  private taken = 0;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = (data as Buffer).toString('utf8');
      this.raw.push(text);
      const message = JSON.parse(text) as SocketMessage;
      if (message.type === 'value') this.values.push(message);
      // A value (issue 20) is taken as the message a view shows (a state, the timing view), as
      // the renderer's host client does. A change that does not follow on is a test failure.
      this.messages.push(this.view.take(message));
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /**
   * Connects to /api/v1/ws with the given query (token, race); protocol 2 (the channel) unless
   * the query says `v` itself (`v: ''`: protocol 1, the `state` message alone).
   */
  static async open(url: string, query: Record<string, string>): Promise<TestSocket> {
    const params = new URLSearchParams({ v: '2', ...query });
    if (params.get('v') === '') params.delete('v');
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/ws?${params.toString()}`);
    const client = new TestSocket(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  /** The next message not yet taken that matches (skipping earlier non-matching ones). */
  async next<T extends SocketMessage['type']>(
    type?: T,
    timeoutMs = 5000,
  ): Promise<Extract<SocketMessage, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.taken < this.messages.length) {
        const message = this.messages[this.taken++]!;
        if (type === undefined || message.type === type)
          return message as Extract<SocketMessage, { type: T }>;
      }
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no ${type ?? 'message'} within ${timeoutMs} ms; got ${JSON.stringify(this.messages.map((m) => m.type))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Sends a JSON message (or a raw string as is). */
  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  close(): void {
    this.socket.close();
  }
}

/** One Server-Sent Event as a client reads it. */
export interface StreamEvent {
  readonly event: string;
  readonly id: string | undefined;
  readonly data: string;
}

/**
 * A minimal text/event-stream reader over fetch (the EventStream parsing rules of the HTML
 * standard: fields up to a blank line; lines starting with ':' are comments), for tests.
 */
export class EventStream {
  readonly events: StreamEvent[] = [];
  readonly comments: string[] = [];
  private taken = 0;
  private wake: (() => void) | null = null;
  private done: Promise<void>;

  private constructor(
    readonly headers: Headers,
    body: ReadableStream<Uint8Array>,
    private readonly abort: AbortController,
  ) {
    this.done = this.read(body);
  }

  /** Connects (extra request headers such as Last-Event-ID); throws unless the reply is 200. */
  static async open(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
    const abort = new AbortController();
    const response = await fetch(url, { headers, signal: abort.signal });
    if (response.status !== 200 || !response.body)
      throw new Error(`event stream: ${response.status} ${await response.text()}`);
    return new EventStream(response.headers, response.body, abort);
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    let fields: Record<string, string> = {};
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, end).replace(/\r$/, '');
          buffer = buffer.slice(end + 1);
          if (line === '') {
            if (fields.data !== undefined)
              this.events.push({
                event: fields.event ?? 'message',
                id: fields.id,
                data: fields.data,
              });
            fields = {};
          } else if (line.startsWith(':')) {
            this.comments.push(line.slice(1).trim());
          } else {
            const colon = line.indexOf(':');
            const name = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            fields[name] =
              name === 'data' && fields.data !== undefined ? `${fields.data}\n${value}` : value;
          }
          this.wake?.();
        }
      }
    } catch {
      // aborted by close()
    }
    this.wake?.();
  }

  /** The next event not yet taken. */
  async next(timeoutMs = 5000): Promise<StreamEvent> {
    const deadline = Date.now() + timeoutMs;
    while (this.taken >= this.events.length) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.events[this.taken++]!;
  }

  /** Waits until at least `count` comment lines came. */
  async comment(count: number, timeoutMs = 5000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.comments.length < count) {
      if (Date.now() > deadline)
        throw new Error(`fewer than ${count} comments within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.comments;
  }

  close(): void {
    this.abort.abort();
  }

  /** Resolves once the body ended (after close() or the server ended it). */
  closed(): Promise<void> {
    return this.done;
  }
}

/**
 * The timing feed's link to its decoder (issues 12 and 17): one connection to the URL of the
 * meeting's settings, reconnected when the URL changes, and every passing the decoder numbered but
 * this host never received asked for again (P3 RESEND), after a jump in the numbers and again after
 * each reconnect, until it comes.
 */
import { PassingGaps, type PassingRange } from '../../shared/timing/passing-gaps.ts';
import { decoderAddress } from '../../shared/timing/settings.ts';
import type { Passing } from '../../shared/timing/tracker.ts';
import type { P3ClientStatus } from './p3-client.ts';
import type { PassingSource, SourceFactory } from './passing-source.ts';

export interface DecoderLinkOptions {
  readonly connect: SourceFactory;
  /** A passing not seen before, in the order it arrived. */
  readonly passing: (passing: Passing) => void;
  /** The connection or the holes changed. */
  readonly changed: () => void;
  readonly log: (line: string) => void;
}

export class DecoderLink {
  private source: PassingSource | null = null;
  private url: string | null = null;
  private connections = 0;
  private readonly gaps = new PassingGaps();
  private requests = 0;
  private problem: string | null = null;

  constructor(private readonly options: DecoderLinkOptions) {}

  /** The decoder connection's status (undefined: no decoder). */
  client(): P3ClientStatus | undefined {
    return this.source?.status();
  }

  /** Passing numbers skipped and not (yet) resent, and the RESEND requests sent. */
  holes(): { readonly missing: number; readonly requests: number } {
    return { missing: this.gaps.count, requests: this.requests };
  }

  /** Why the last URL could not be connected to, if it could not. */
  get lastError(): string | null {
    return this.problem;
  }

  /** Connects to this URL (null: none), unless already connected to it. */
  async use(url: string | null): Promise<void> {
    if (url === this.url) return;
    await this.stop();
    this.url = url;
    if (url === null) return;
    try {
      const source = this.options.connect(decoderAddress(url), {
        passing: (passing) => this.received(passing),
        status: () => this.statusChanged(),
      });
      this.source = source;
      this.problem = null;
      source.start();
      this.options.log(`timing: connecting to ${url}`);
    } catch (error) {
      this.problem = (error as Error).message;
      this.options.log(`timing: cannot connect to ${url}: ${this.problem}`);
    }
  }

  /** Closes the connection. */
  async stop(): Promise<void> {
    const source = this.source;
    this.source = null;
    this.url = null;
    await source?.stop();
  }

  private received(passing: Passing): void {
    const hole = this.gaps.saw(passing.passingNumber);
    if (hole) this.ask(hole);
    this.options.passing(passing);
  }

  /** After a reconnect, the holes still open are asked for again. */
  private statusChanged(): void {
    const connections = this.source?.status().connections ?? 0;
    if (connections > this.connections) {
      this.connections = connections;
      for (const range of this.gaps.open()) this.ask(range);
    }
    this.options.changed();
  }

  private ask(range: PassingRange): void {
    if (!this.source?.requestResend(range)) return;
    this.requests += 1;
    this.options.log(`timing: passings ${range.from}..${range.until} missing: RESEND asked`);
  }
}

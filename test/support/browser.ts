import { chromium, type Browser, type Page } from 'playwright-core';
import type { RaceHost } from '../../src/main/host/host.ts';
import { loadOrCreateTokens, type ApiTokens } from '../../src/main/host/tokens.ts';
import { startServer, type RunningServer } from '../../src/main/server/http-api.ts';
import type { BoardModel } from '../../src/shared/board/model.ts';
import type { ProgramCommand } from '../../src/shared/protocol/program.ts';
import type { NameOrder, RaceCommand, Skater } from '../../src/shared/race/events.ts';
import { composeName } from '../../src/shared/race/skater-name.ts';
import { ensureRendererBuilt, rendererOut } from './build-renderer.ts';
import { expectAccepted, openHost } from './host-fixture.ts';

/** A drawn standings row as the page reports it (src/renderer/board/widgets/standings-table.ts). */
export interface RowProbe {
  key: number;
  x: number;
  y: number;
  targetY: number;
  shown: boolean;
  rank: string;
  bib: string;
  name: string;
  nation: string;
  sprints: string[];
  final: string;
  total: string;
  status: string;
  qualified: string;
  detail: string;
  dimmed: boolean;
  drawn: {
    rank: string;
    bib: string;
    name: string;
    nation: string;
    sprints: string[];
    final: string;
    total: string;
    detail: string;
    mark: string;
  };
}

/** A box in output pixels. */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the current scene reports it draws (each scene's probe(), src/renderer/board/scenes). */
export interface ViewProbe {
  scene: string;
  header?: { title: string; meeting: string };
  /** Blank scene. */
  meeting?: string;
  subtitle?: string;
  /** Start list and results. */
  heading?: string;
  mark?: string | null;
  lapBoard: { figure: string; label: string; sprintFlag: string | null; bell: string | null };
  rows: RowProbe[];
  qualificationLine: { after: number; y: number; targetY: number; certain: boolean } | null;
  banner: { shown: boolean; heading: string; placings: string[] };
  /** Overlay. */
  elements: Record<'lapsToGo' | 'standings' | 'sprint' | 'result' | 'needs', boolean>;
  result: { shown: boolean; heading: string; note?: string; placings: string[] };
  bounds: Record<'lapsToGo' | 'standings' | 'sprint' | 'result' | 'needs', Bounds | null>;
}

/** `window.__board` as tests read it (src/renderer/board/inspect.ts). */
export interface BoardProbe {
  ready: boolean;
  error: string | null;
  connection: string;
  output: string;
  renderer: string;
  scene: string;
  revision: number;
  renderedRevision: number;
  framesRendered: number;
  animationFrames: number;
  idle: boolean;
  model: BoardModel;
  rows: RowProbe[];
  lastPushToFrameMs: number | null;
  lastShownEpochMs: number | null;
  layout: { aspect: string; width: number; height: number; scale: number };
  theme: string;
  fontsLoaded: boolean;
  flags: string[];
  background: { color: string; alpha: number };
  gpu: { name: string; software: boolean };
  probe(): ViewProbe;
  flagsSettled(): Promise<void>;
  samples(fromFrame: number, fromUpdate: number): { frames: number[]; updates: number[] };
  stats(
    fromFrame: number,
    fromUpdate: number,
  ): {
    frames: number;
    updates: number;
    frameP50: number;
    frameP95: number;
    frameMax: number;
    updateP50: number;
    updateP95: number;
    updateMax: number;
  };
}

/** The page's global scope, for page.evaluate callbacks (which run in the browser). */
export type BoardGlobal = { __board?: BoardProbe };

/** Reads the board's description: the plain fields and the current scene's probe. */
export function readBoard(
  page: Page,
): Promise<Omit<BoardProbe, 'probe' | 'flagsSettled' | 'stats' | 'samples'> & { view: ViewProbe }> {
  return page.evaluate(() => {
    const board = (globalThis as unknown as BoardGlobal).__board!;
    const {
      probe: _probe,
      flagsSettled: _settled,
      stats: _stats,
      samples: _samples,
      ...fields
    } = board;
    return { ...(JSON.parse(JSON.stringify(fields)) as typeof fields), view: board.probe() };
  });
}

/** Debian's Chromium with SwiftShader WebGL: the board renders with WebGL headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
    ],
  });
}

/** 24 skaters with real-looking names and nations (from the demo meeting; "Demo" ones invented). */
export const demoSkaters: readonly Skater[] = [
  ['Antoine', 'Gélinas-Beaulieu', 'CAN'],
  ['Shomu', 'Sasaki', 'JPN'],
  ['Jae-won', 'Chung', 'KOR', 'family-first'],
  ['Jordan', 'Stolz', 'USA'],
  ['Mathieu', 'Belloir', 'FRA'],
  ['Indra', 'Médard', 'BEL'],
  ['Jorrit', 'Bergsma', 'NED'],
  ['Viktor', 'Hald Thorup', 'DEN'],
  ['Demo Skater', 'Nine', 'NOR'],
  ['Demo Skater', 'Ten', 'GER'],
  ['Demo Skater', 'Eleven', 'POL'],
  ['Demo Skater', 'Twelve', 'AUT'],
  ['Demo Skater', 'Alpha', 'CHN', 'given-first'],
  ['Demo Skater', 'Bravo', 'SWE'],
  ['Demo Skater', 'Charlie', 'KAZ'],
  ['Andrea', 'Giovannini', 'ITA'],
  ['Stijn', 'van de Bunt', 'NED'],
  ['Metoděj', 'Jílek', 'CZE'],
  ['Bart', 'Swings', 'BEL'],
  ['Demo Skater', 'Delta', 'SUI'],
  ['Demo Skater', 'Echo', 'GBR'],
  ['Demo Skater', 'Foxtrot', 'EST'],
  ['Demo Skater', 'Golf', 'LAT'],
  ['Demo Skater', 'Hotel', 'HUN'],
].map(([given, family, nation, order], index) => {
  // Names as a federation's start list gives them: the parts and their order (issue 19), so
  // the board's short forms ("A. GÉLINAS-BEAULIEU", "CHUNG J.") follow from them.
  const nameOrder = (order ?? 'given-first') as NameOrder;
  return {
    bib: index + 1,
    name: composeName(given!, family!, nameOrder),
    firstName: given!,
    lastName: family!,
    nameOrder,
    nation: nation!,
  };
});

/** A real race host on a temp data dir, the real server serving the built pages, one race. */
export interface BoardHost {
  readonly host: RaceHost;
  readonly tokens: ApiTokens;
  readonly server: RunningServer;
  readonly raceId: string;
  /** The board page URL with the view token (and extra query, e.g. output=overlay). */
  url(query?: Record<string, string>): string;
  /** Sends race commands (one request each); returns the host revision after the last. */
  race(...commands: RaceCommand[]): Promise<number>;
  /** Sends a program command; returns the host revision. */
  program(command: ProgramCommand): Promise<number>;
  close(): Promise<void>;
}

/** Options of the race the host starts with. */
export interface BoardRaceOptions {
  readonly skaters?: number;
  readonly round?: 'semi' | 'final';
  readonly title?: string;
  readonly meeting?: string;
}

/** Starts a host with one active race and its start list, serving out/renderer (built if stale). */
export async function startBoardHost(options: BoardRaceOptions = {}): Promise<BoardHost> {
  ensureRendererBuilt();
  const round = options.round ?? 'semi';
  const fixture = await openHost({
    prefix: 'board',
    meeting: options.meeting ?? 'ISU World Cup · Heerenveen',
    race: {
      title:
        options.title ??
        (round === 'semi' ? 'Men · Mass Start · Semi-final 1' : 'Men · Mass Start · Final'),
      round,
      qualifiers: round === 'semi' ? 8 : 0,
    },
    skaters: demoSkaters.slice(0, options.skaters ?? 12),
  });
  const { dataDir, host, raceId } = fixture;
  const tokens = await loadOrCreateTokens(dataDir);
  const server = await startServer({ host, tokens, port: 0, staticDir: rendererOut });
  return {
    host,
    tokens,
    server,
    raceId,
    url: (query = {}) =>
      `${server.url}/board/?${new URLSearchParams({ token: tokens.view, ...query }).toString()}`,
    async race(...commands) {
      let revision = host.revision;
      for (const command of commands)
        revision = expectAccepted(await host.submit({ kind: 'single', command }, 'test')).revision;
      return revision;
    },
    async program(command) {
      return expectAccepted(await host.programCommand(command, 'test')).revision;
    },
    async close() {
      await server.close();
      await fixture.close();
    },
  };
}

/** Opens the board page at a size and waits until it is ready and has drawn the first state. */
export async function openBoard(
  browser: Browser,
  url: string,
  size: { width: number; height: number } = { width: 1920, height: 1080 },
): Promise<Page> {
  const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  try {
    await page.waitForFunction(
      () => {
        const board = (globalThis as unknown as BoardGlobal).__board;
        return board?.ready === true && board.renderedRevision > 0;
      },
      undefined,
      { timeout: 20_000 },
    );
  } catch (error) {
    const state = await page
      .evaluate(() => JSON.stringify((globalThis as unknown as BoardGlobal).__board ?? null))
      .catch(() => 'unreadable');
    throw new Error(`board did not come up: ${state}; page errors: ${errors.join(' | ')}`, {
      cause: error,
    });
  }
  return page;
}

/** Waits until the board has drawn host revision `revision` and every animation has settled. */
export async function settled(page: Page, revision: number, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const board = (globalThis as unknown as BoardGlobal).__board;
      return !!board && board.renderedRevision >= wanted && board.idle;
    },
    revision,
    { timeout },
  );
  await page.evaluate(() => (globalThis as unknown as BoardGlobal).__board!.flagsSettled());
  // A flag that arrived asks for one more frame: let it draw.
  await page.waitForFunction(
    () => (globalThis as unknown as BoardGlobal).__board!.idle,
    undefined,
    { timeout },
  );
}

/** Waits until the board has drawn host revision `revision` (animations may still run). */
export async function drawn(page: Page, revision: number, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (wanted) => (globalThis as unknown as BoardGlobal).__board!.renderedRevision >= wanted,
    revision,
    { timeout },
  );
}

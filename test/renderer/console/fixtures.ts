// Test fixtures for the console: race views built by the real engine, and a fake host client.
import type { GapsView } from '../../../src/shared/timing/gaps-view.ts';
import type { HostRoleView } from '../../../src/shared/protocol/host-role.ts';
import type { ClientMessage, ServerMessage } from '../../../src/shared/protocol/messages.ts';
import { defaultDisplaySettings, type ProgramView } from '../../../src/shared/protocol/program.ts';
import type { HostSnapshotMessage } from '../../../src/shared/protocol/snapshot.ts';
import type { JournalEntry, RaceCommand, Skater } from '../../../src/shared/race/events.ts';
import { isu2018 } from '../../../src/shared/race/format.ts';
import { replayCommands } from '../../../src/shared/race/replay.ts';
import { raceView, type RaceView } from '../../../src/shared/race/view.ts';
import type { ConnectionState, HostClient } from '../../../src/renderer/shared/host-client.ts';
import type { JournalCopy } from '../../../src/renderer/shared/journal-feed.ts';
import { defaultTimingSettings } from '../../../src/shared/timing/settings.ts';
import type { TimingView } from '../../../src/shared/timing/view.ts';

/** The Milano Cortina 2026 semi-final 1 field (real names from the scenario, demo skaters marked). */
export const semiSkaters: Skater[] = [
  'Antoine Gélinas-Beaulieu CAN',
  'Shomu Sasaki JPN',
  'Chung Jae-won KOR',
  'Jordan Stolz USA',
  'Mathieu Belloir FRA',
  'Indra Médard BEL',
  'Jorrit Bergsma NED',
  'Viktor Hald Thorup DEN',
  'Demo Skater Nine NOR',
  'Demo Skater Ten GER',
  'Demo Skater Eleven POL',
  'Demo Skater Twelve AUT',
].map((text, index) => ({ bib: index + 1, name: text.slice(0, -4), nation: text.slice(-3) }));

/** A semi-final of 12, configured and with its start list, plus the given commands. */
export function semi(commands: RaceCommand[] = []): RaceView {
  const history = replayCommands([
    {
      type: 'race/configured',
      title: 'Men · Semi-final 1',
      round: 'semi',
      qualifiers: 8,
      format: isu2018,
    },
    { type: 'startList/set', skaters: semiSkaters },
    ...commands,
  ]);
  return raceView('men-semi-1', history.entries.length, history.state);
}

/** The semi after the commands, with its journal as the host would send it (the same entries). */
export function semiWithJournal(commands: RaceCommand[] = []): {
  race: RaceView;
  journal: { entries: JournalEntry[]; voided: number[] };
} {
  const history = replayCommands([
    {
      type: 'race/configured',
      title: 'Men · Semi-final 1',
      round: 'semi',
      qualifiers: 8,
      format: isu2018,
    },
    { type: 'startList/set', skaters: semiSkaters },
    ...commands,
  ]);
  return {
    race: raceView('men-semi-1', history.entries.length, history.state),
    journal: { entries: [...history.entries], voided: [...history.voided] },
  };
}

/** Commands that run the race to the given laps completed, one lap at a time. */
export function laps(count: number): RaceCommand[] {
  return [
    { type: 'race/started' },
    ...Array.from({ length: count }, (): RaceCommand => ({ type: 'lap/completed' })),
  ];
}

/** A program with the race active. */
export function programWith(race: RaceView | null): ProgramView {
  return {
    revision: 1,
    meeting: 'Test meeting',
    races: race
      ? [
          {
            id: race.id,
            title: race.state.title,
            category: 'Men',
            round: race.state.round,
            skaters: race.state.skaters.length,
            phase: race.standings.phase,
            revision: race.revision,
          },
        ]
      : [],
    activeRaceId: race?.id ?? null,
    scenes: {
      board: 'live',
      overlay: {
        lapsToGo: true,
        standings: true,
        sprint: true,
        result: false,
        needs: false,
        breakaway: false,
        gap: false,
      },
      auto: { board: true, overlay: true },
      held: { board: false, overlay: false },
    },
    display: defaultDisplaySettings,
    timing: defaultTimingSettings,
    publicFeed: false,
    venue: '',
    meetingDate: null,
    timeZone: null,
    epoch: 1,
  };
}

/**
 * A fake host: records what the console sends and answers with a scripted reply (ack by
 * default); pushes states and, as the host does for a journal follower, the race's journal with
 * each state.
 */
export class FakeClient implements HostClient {
  readonly sent: ClientMessage[] = [];
  private readonly stateListeners = new Set<(snapshot: HostSnapshotMessage) => void>();
  private readonly connectionListeners = new Set<(state: ConnectionState) => void>();
  private readonly journalListeners = new Set<(journal: JournalCopy) => void>();
  private readonly timingListeners = new Set<(timing: TimingView) => void>();
  /** The reply to the next messages (journal requests get `journal`). */
  reply: (message: ClientMessage) => unknown = () => ({ type: 'ack', ok: true, revision: 1 });
  /** The journal pushed with the next states. */
  journal: { entries: readonly JournalEntry[]; voided: readonly number[] } = {
    entries: [],
    voided: [],
  };
  revision = 1;
  /** Journal requests, by race id (the console makes none: the journal is pushed). */
  readonly journalRequests: string[] = [];

  onState(listener: (snapshot: HostSnapshotMessage) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }
  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }
  onJournal(listener: (journal: JournalCopy) => void): () => void {
    this.journalListeners.add(listener);
    return () => this.journalListeners.delete(listener);
  }
  onTiming(listener: (timing: TimingView) => void): () => void {
    this.timingListeners.add(listener);
    return () => this.timingListeners.delete(listener);
  }
  private readonly hostListeners = new Set<(host: HostRoleView) => void>();
  onHost(listener: (host: HostRoleView) => void): () => void {
    this.hostListeners.add(listener);
    return () => this.hostListeners.delete(listener);
  }
  /** Pushes the host's role (issue 20), as the host does to every view. */
  pushHost(view: HostRoleView): void {
    for (const listener of this.hostListeners) listener(view);
  }
  private readonly gapsListeners = new Set<(gaps: GapsView) => void>();
  onGaps(listener: (gaps: GapsView) => void): () => void {
    this.gapsListeners.add(listener);
    return () => this.gapsListeners.delete(listener);
  }
  /** Pushes the groups and gaps (issue 21), as the host does to every view. */
  pushGaps(view: GapsView): void {
    for (const listener of this.gapsListeners) listener(view);
  }
  /** Pushes the timing feed's view, as the host does to consoles. */
  pushTiming(view: TimingView): void {
    for (const listener of this.timingListeners) listener(view);
  }
  send(message: ClientMessage): Promise<ServerMessage> {
    if (message.type === 'journal') this.journalRequests.push(message.race);
    if (message.type === 'journal')
      return Promise.resolve({
        type: 'journal',
        raceId: message.race,
        ...this.journal,
      } as unknown as ServerMessage);
    this.sent.push(message);
    return Promise.resolve(this.reply(message) as ServerMessage);
  }
  close(): void {}

  /** Pushes a state, as the host does after every change, then the race's journal with it. */
  push(race: RaceView | null, program: ProgramView = programWith(race)): void {
    this.revision += 1;
    for (const listener of this.stateListeners)
      listener({ type: 'state', revision: this.revision, program, race });
    if (!race) return;
    const journal = { raceId: race.id, ...this.journal };
    for (const listener of this.journalListeners) listener(journal);
  }
  connection(state: ConnectionState): void {
    for (const listener of this.connectionListeners) listener(state);
  }
  /** The race commands sent, in order (batches flattened). */
  commands(): unknown[] {
    return this.sent.flatMap((message) =>
      message.type === 'command'
        ? [message.command]
        : message.type === 'batch'
          ? [...message.commands]
          : [],
    );
  }
}

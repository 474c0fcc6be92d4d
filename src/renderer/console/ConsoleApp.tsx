import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ConnectionState, HostClient } from '../shared/host-client.ts';
import { ConsoleDialogs, type OpenDialog } from './ConsoleDialogs.tsx';
import { translator, type Language } from './labels/i18n.ts';
import { JournalPanel } from './journal/JournalPanel.tsx';
import type { KeyAction } from './keyboard/keymap.ts';
import { RaceTab } from './race/RaceTab.tsx';
import { OutputsPanel } from './outputs/OutputsPanel.tsx';
import { runKey, type Tab } from './keyboard/key-actions.ts';
import { ProgramPanel } from './program/ProgramPanel.tsx';
import type { ProgramKeys } from './program/program-reach.ts';
import { StartListPanel } from './start-list/StartListPanel.tsx';
import { StatusBar } from './host/StatusBar.tsx';
import { UnsentList } from './host/UnsentList.tsx';
import { useActions } from './use-actions.ts';
import { useQuickEntry } from './quick-entry/use-quick-entry.ts';
import { useHost } from './host/use-host.ts';
import { useShortcuts } from './keyboard/use-shortcuts.ts';
import { TimingPanel } from './timing/TimingPanel.tsx';
import { TimingStatus } from './timing/TimingStatus.tsx';
import { openProposals, raceStartedAt } from './timing/timing-text.ts';
import { useTiming, type Clock } from './timing/use-timing.ts';
import { useProposalKeys } from './quick-entry/use-proposal-keys.ts';
import { useHostRole } from './hosts/use-host-role.ts';
import { HostRoleBadge } from './hosts/HostRoleBadge.tsx';
import { HostStrips } from './hosts/HostStrips.tsx';
import { HostsPanel } from './hosts/HostsPanel.tsx';
import { usePanelRequests, type PanelRequests } from './hosts/use-panel-requests.ts';

const languageKey = 'massstart.console.language';
const storedLanguage = (): Language =>
  globalThis.localStorage?.getItem(languageKey) === 'nl' ? 'nl' : 'en';

/** The operator console: keyboard-first race control, with what the outputs show always in view. */
export function ConsoleApp({
  client,
  viewToken = null,
  clock = Date.now,
  panelRequests,
}: {
  client: HostClient;
  viewToken?: string | null;
  /** The console's clock, ms (tests drive their own). */
  clock?: Clock;
  /** Main asks for a panel (Electron menu: Hosts > Run as standby of…). */
  panelRequests?: PanelRequests;
}) {
  const [language, setLanguage] = useState<Language>(storedLanguage);
  const [tab, setTab] = useState<Tab>('race');
  const [open, setOpen] = useState<OpenDialog>(null);
  const journalRef = useRef<HTMLOListElement>(null);
  const quickEntryRef = useRef<HTMLInputElement>(null);
  const programRef = useRef<HTMLHeadingElement>(null);
  const programKeys = useRef<ProgramKeys>(null);
  const startListRef = useRef<HTMLHeadingElement>(null);
  const timingRef = useRef<HTMLHeadingElement>(null);
  const hostsRef = useRef<HTMLHeadingElement>(null);
  const followRef = useRef<HTMLInputElement>(null);
  const t = translator(language);
  const session = useHost(client);
  const program = session.snapshot?.program ?? null;
  const race = session.snapshot?.race ?? null;
  const actions = useActions(t, session, race, program);
  const timing = useTiming(client, clock);
  const hostRole = useHostRole(client, clock);
  const hostView = hostRole.feed?.view ?? null;
  const timingView = timing?.view ?? null;
  const raceId = race?.id ?? null;
  const proposals = useMemo(() => openProposals(timingView, raceId), [timingView, raceId]);
  // The quick entry keeps an unsent entry itself (text and a "not sent" line; Enter sends again).
  const quickEntry = useQuickEntry(
    race,
    (request) => session.race(request, t('quickEntry'), { listUnsent: false }),
    quickEntryRef,
    {
      proposals,
      act: (action, proposal, bibs) => session.timing(action, proposal, bibs, t('proposal.source')),
      clock,
    },
  );

  useEffect(() => {
    document.documentElement.lang = language;
    globalThis.localStorage?.setItem(languageKey, language);
  }, [language]);

  const ask = (title: string, question: string, yes: () => void) =>
    setOpen({ kind: 'confirm', title, question, yes });
  const confirmResults = () => {
    if (race && !race.state.official)
      ask(t('results'), t('confirmOfficialQuestion', { race: race.state.title }), actions.confirm);
  };
  const reopenResults = () => {
    if (race?.state.official)
      ask(t('results'), t('reopenQuestion', { race: race.state.title }), actions.reopen);
  };
  const firstControl: Record<Tab, () => HTMLElement | null> = {
    race: () => quickEntryRef.current,
    program: () => programRef.current,
    startList: () => startListRef.current,
    timing: () => timingRef.current,
    hosts: () => hostsRef.current,
  };
  // Switches now (not on a later frame), so a key typed next lands where the operator expects.
  const show = (next: Tab, focusFirst = true) => {
    if (next !== tab) flushSync(() => setTab(next));
    if (focusFirst) firstControl[next]()?.focus();
  };
  // Issue 20: only a standby takes over; elsewhere Shift+H shows where this host stands.
  const takeOver = () =>
    hostView?.role === 'standby' ? setOpen({ kind: 'takeOver' }) : show('hosts');
  usePanelRequests(panelRequests, () => {
    show('hosts', false);
    followRef.current?.focus();
  });

  const onKey = (action: KeyAction, event: KeyboardEvent) =>
    runKey(
      {
        race,
        quickEntry,
        actions,
        show,
        focusJournal: () => journalRef.current?.focus(),
        reachProgram: (target) => programKeys.current?.reach(target),
        help: () => setOpen({ kind: 'help' }),
        confirmResults,
        reopenResults,
        takeOver,
      },
      action,
      event,
    );
  // With a dialog open the lap keys still count laps (and Space never presses its buttons).
  useShortcuts(open === null ? 'all' : 'laps', onKey);
  // Enter and Delete with nothing focused answer the timing proposal, as in the empty line.
  useProposalKeys(tab === 'race' && open === null, quickEntry);

  const connection: ConnectionState = session.connection;
  const tabs: [Tab, `tab.${Tab}`, string][] = [
    ['race', 'tab.race', 'R'],
    ['program', 'tab.program', 'P'],
    ['startList', 'tab.startList', 'I'],
    ['timing', 'tab.timing', 'M'],
    ['hosts', 'tab.hosts', 'H'],
  ];
  const phase = race?.standings.phase;

  return (
    <div className="console">
      <StatusBar
        t={t}
        meeting={program?.meeting ?? ''}
        connection={connection}
        pending={session.pending}
        unsent={session.unsent.length}
        lastError={session.lastError}
        onLanguage={() => setLanguage(language === 'en' ? 'nl' : 'en')}
        onHelp={() => setOpen({ kind: 'help' })}
        onRehearse={() => setOpen({ kind: 'rehearsal' })}
      >
        <TimingStatus
          t={t}
          feed={timing}
          clock={clock}
          running={phase === 'live' || phase === 'finishing'}
          race={race}
          startedAt={raceStartedAt(race)}
        />
        <HostRoleBadge t={t} view={hostView} />
      </StatusBar>
      <HostStrips
        t={t}
        view={hostView}
        rejoin={() => void hostRole.rejoin()}
        refusal={hostRole.refusal?.action === 'rejoin' ? hostRole.refusal.error : null}
        sending={hostRole.sending}
      />
      <main className="layout">
        <div className="main-column">
          <UnsentList
            t={t}
            unsent={session.unsent}
            connected={connection === 'open'}
            resend={session.resend}
            dismiss={session.dismiss}
          />
          <nav className="tabs" aria-label={t('appTitle')}>
            {tabs.map(([id, label, key]) => (
              <button
                key={id}
                type="button"
                className="tab"
                aria-current={tab === id ? 'page' : undefined}
                onClick={() => setTab(id)}
              >
                {t(label)} <kbd>{key}</kbd>
              </button>
            ))}
          </nav>
          {tab === 'race' && (
            <RaceTab
              t={t}
              race={race}
              quickEntry={quickEntry}
              quickEntryRef={quickEntryRef}
              actions={{
                lap: actions.lap,
                correctLaps: actions.correctLaps,
                confirm: confirmResults,
                reopen: reopenResults,
              }}
              lapError={actions.errors.lap}
              history={actions.history}
              journal={session.journal?.entries ?? []}
              connected={connection === 'open'}
              viewToken={viewToken}
            />
          )}
          {tab === 'program' && program && (
            <ProgramPanel
              t={t}
              program={program}
              send={(command) => actions.program(command, t('program'))}
              headingRef={programRef}
              keysRef={programKeys}
              viewToken={viewToken}
            />
          )}
          {tab === 'startList' && (
            <StartListPanel
              t={t}
              race={race}
              send={(request) => session.race(request, t('startList'))}
              headingRef={startListRef}
            />
          )}
          {tab === 'timing' && program && (
            <TimingPanel
              t={t}
              feed={timing}
              program={program}
              race={race}
              sendProgram={(command) => session.program(command, t('tab.timing'), program.revision)}
              sendRace={(request) => session.race(request, t('tab.timing'))}
              headingRef={timingRef}
            />
          )}
          {tab === 'hosts' && (
            <HostsPanel
              t={t}
              role={hostRole}
              clock={clock}
              takeOver={takeOver}
              headingRef={hostsRef}
              addressRef={followRef}
            />
          )}
        </div>
        <aside className="side-column">
          {program && (
            <OutputsPanel
              t={t}
              program={program}
              viewToken={viewToken}
              actions={actions}
              error={actions.errors.outputs}
            />
          )}
          <JournalPanel
            t={t}
            journal={session.journal}
            error={actions.errors.journal}
            listRef={journalRef}
            preview={actions.history.preview}
            actions={{
              undo: actions.undo,
              redo: actions.redo,
              voidEntry: (row) =>
                ask(t('journal'), t('voidConfirm', { seq: row.seq, what: row.text }), () =>
                  actions.voidEntry(row.seq),
                ),
            }}
          />
        </aside>
      </main>
      <ConsoleDialogs
        t={t}
        open={open}
        close={() => setOpen(null)}
        program={(command) => actions.program(command, t('rehearsal'))}
        takeOver={hostRole.takeOver}
      />
    </div>
  );
}

// Keeps the application menu in step with the host (scene, overlay elements) and the outputs,
// and carries out what its items ask: host commands with the source "menu", window actions,
// and the two hosts' controls (issue 20: run as standby of…, take over, rejoin).
import type { MenuItemConstructorOptions } from 'electron';
import type { RaceHost } from '../host/host.ts';
import type { ConsolePanel, OutputsView, OutputTarget } from '../../shared/protocol/ipc.ts';
import type { StandbyControl } from '../standby/control.ts';
import {
  buildMenuTemplate,
  hostCommandFor,
  type ExportWhat,
  type MenuAction,
  type MenuModel,
} from './app-menu.ts';
import type { BrowserUrls } from './host-services.ts';
import { hostsMenuModel } from './hosts-menu.ts';

/** The window actions the menu uses (WindowManager). */
export interface MenuOutputs {
  view(): OutputsView;
  place(output: 'board' | 'overlay', target: OutputTarget): OutputsView;
  identify(): void;
  setTestPattern(visible: boolean): OutputsView;
}

/** Options of the menu controller. */
export interface MenuControllerOptions {
  readonly platform: NodeJS.Platform;
  readonly appName: string;
  readonly devTools: boolean;
  readonly host: RaceHost;
  readonly outputs: MenuOutputs;
  readonly urls: BrowserUrls | null;
  /** Menu.setApplicationMenu(Menu.buildFromTemplate(template)). */
  readonly setMenu: (template: MenuItemConstructorOptions[]) => void;
  /** clipboard.writeText. */
  readonly copy: (text: string) => Promise<void> | void;
  /** Tells the operator (the console's notice line, and the log). */
  readonly notify: (text: string) => void;
  /**
   * Asks where and writes the files of File > Export results (the shell wires a save dialog
   * and the exports); resolves with what was written, or null when the operator cancelled.
   */
  readonly exportResults?: (what: ExportWhat) => Promise<string | null>;
  /**
   * Primary and standby (issue 20); absent: no Hosts menu. The shell calls `refresh` on its
   * changes (`standby.subscribe`), as it does on the host's.
   */
  readonly standby?: StandbyControl;
  /** Brings the console forward and shows one of its panels (the shell sends it over IPC). */
  readonly showPanel?: (panel: ConsolePanel) => void;
}

/** Builds the menu when what it shows changes, and runs its actions. */
export class MenuController {
  private shown = '';

  constructor(private readonly options: MenuControllerOptions) {}

  /** What the menu shows now. */
  model(): MenuModel {
    const { host, outputs } = this.options;
    const program = host.program();
    const view = outputs.view();
    return {
      platform: this.options.platform,
      appName: this.options.appName,
      scene: program.scenes.board,
      overlay: program.scenes.overlay,
      auto: program.scenes.auto,
      raceActive: program.activeRaceId !== null,
      displays: view.displays,
      board: view.board,
      overlayOutput: view.overlay,
      testPattern: view.testPattern,
      browserUrls: this.options.urls !== null,
      devTools: this.options.devTools,
      hosts: this.options.standby ? hostsMenuModel(this.options.standby.view()) : null,
    };
  }

  /** Rebuilds the menu if anything it shows changed (a lap does not rebuild it). */
  refresh(): void {
    const model = this.model();
    const key = JSON.stringify(model);
    if (key === this.shown) return;
    this.shown = key;
    this.options.setMenu(buildMenuTemplate(model, (action) => void this.run(action)));
  }

  /** Carries out a menu action; refusals and failures are told to the operator. */
  async run(action: MenuAction): Promise<void> {
    const { host, outputs, notify } = this.options;
    try {
      const command = hostCommandFor(action);
      if (command) {
        const result =
          'race' in command
            ? await host.submit(command.race, 'menu')
            : await host.programCommand(command.program, 'menu');
        if (!result.ok) notify(result.error);
      } else if (action.kind === 'export') {
        if (!this.options.exportResults) notify('export is not available in this build');
        else {
          const written = await this.options.exportResults(action.what);
          if (written) notify(`exported: ${written}`);
        }
      } else if (action.kind === 'takeOver' || action.kind === 'rejoin')
        await this.hosts(action.kind);
      else if (action.kind === 'showPanel') {
        if (this.options.showPanel) this.options.showPanel(action.panel);
        else notify('the console cannot show its Hosts panel in this build');
      } else if (action.kind === 'output') outputs.place(action.output, action.target);
      else if (action.kind === 'identify') outputs.identify();
      else if (action.kind === 'testPattern') outputs.setTestPattern(action.visible);
      else if (action.kind === 'copyUrl') {
        const url = this.options.urls?.[action.page];
        if (url) {
          await this.options.copy(url);
          notify(
            action.page === 'commentator'
              ? 'commentator screen URL copied (open it in any browser at the commentary positions)'
              : `${action.page} URL copied (for OBS, vMix or CasparCG browser sources)`,
          );
        }
      }
    } catch (error) {
      notify(`${action.kind}: ${(error as Error).message}`);
    }
    this.refresh();
  }

  /** Take over (never with force: the console asks that twice) or rejoin; says how it went. */
  private async hosts(kind: 'takeOver' | 'rejoin'): Promise<void> {
    const { standby, notify } = this.options;
    if (!standby) return notify('primary and standby are not available in this build');
    const reply =
      kind === 'takeOver' ? await standby.takeOver({ force: false }) : await standby.rejoin();
    if (!reply.ok) return notify(reply.error);
    notify(
      kind === 'takeOver'
        ? 'this host is the primary now: commands come here'
        : 'this host is a standby again: it follows the primary',
    );
  }
}

// Keeps the application menu in step with the host (scene, overlay elements) and the outputs,
// and carries out what its items ask: host commands with the source "menu", window actions.
import type { MenuItemConstructorOptions } from 'electron';
import type { RaceHost } from '../host/host.ts';
import type { OutputsView, OutputTarget } from '../../shared/protocol/ipc.ts';
import { buildMenuTemplate, hostCommandFor, type MenuAction, type MenuModel } from './app-menu.ts';
import type { BrowserUrls } from './host-services.ts';

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
  readonly exportResults?: (what: 'race' | 'meeting') => Promise<string | null>;
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
      } else if (action.kind === 'output') outputs.place(action.output, action.target);
      else if (action.kind === 'identify') outputs.identify();
      else if (action.kind === 'testPattern') outputs.setTestPattern(action.visible);
      else if (action.kind === 'copyUrl') {
        const url = this.options.urls?.[action.page];
        if (url) {
          await this.options.copy(url);
          notify(`${action.page} URL copied (for OBS, vMix or CasparCG browser sources)`);
        }
      }
    } catch (error) {
      notify(`${action.kind}: ${(error as Error).message}`);
    }
    this.refresh();
  }
}

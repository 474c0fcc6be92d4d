import { homedir } from 'node:os';
import { join } from 'node:path';

/** The app's name in data folders (as Electron's app.getPath('userData') would use). */
export const appFolderName = 'mass-start-scoreboard';

/** The OS app-data folder: %APPDATA% on Windows, Application Support on macOS, XDG on Linux. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', appFolderName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appFolderName);
}

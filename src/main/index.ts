// Electron main process: the thin entry. Everything it starts lives in ./electron (shell.ts
// wires Electron to plain modules that are tested in Node without the Electron binary).
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
} from 'electron';
import { startShell } from './electron/shell.ts';

startShell(
  { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, protocol, screen, session },
  {
    // Sandboxed preloads must be CommonJS (electron.vite.config.ts builds it as index.cjs).
    preload: join(import.meta.dirname, '../preload/index.cjs'),
    appRoot: app.getAppPath(),
    argv: process.argv,
    env: process.env,
    platform: process.platform,
  },
).catch((error: unknown) => {
  console.error('Mass Start Scoreboard could not start:', error);
  app.exit(1);
});

// The security scan (`npm run security`) as a test: the sources have no HIGH finding, and the
// scanner does find them in an app that breaks the checklist (so a pass is not vacuous).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan, verdict } from './security-scan.ts';

describe('Electronegativity security scan', () => {
  it('finds no HIGH severity issue in the sources, and parses every file', async () => {
    const result = await scan(resolve(import.meta.dirname, '../../src'));
    const { failed, lines } = verdict(result);
    expect(result.checks).toBeGreaterThan(30);
    expect(result.unparsed).toEqual([]);
    expect(result.findings.filter((finding) => finding.severity === 'HIGH')).toEqual([]);
    expect(failed, lines.join('\n')).toBe(false);
  }, 60_000);

  it('fails an app with Node integration, no context isolation and no navigation limits', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'insecure-app-'));
    try {
      await writeFile(
        join(folder, 'main.js'),
        "const { app, BrowserWindow } = require('electron');\napp.whenReady().then(() => {\n  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n  win.loadURL('https://example.com');\n});\n",
      );
      const result = await scan(folder);
      const { failed, lines } = verdict(result);
      expect(failed).toBe(true);
      expect(
        result.findings
          .filter((finding) => finding.severity === 'HIGH')
          .map((finding) => finding.id),
      ).toEqual(
        expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']),
      );
      expect(lines.at(-1)).toContain('FAILED');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});

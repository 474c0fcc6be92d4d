import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHostServices } from '../../../src/main/electron/host-services.ts';

let dataDir: string;
const log: string[] = [];
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'services-'));
  log.length = 0;
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('startHostServices', () => {
  it('opens the host with the demo meeting, the browser sources and OSC', async () => {
    const services = await startHostServices({
      dataDir,
      appRoot: resolve('.'),
      demo: true,
      port: 0,
      address: '127.0.0.1',
      oscPort: 0,
      log: (line) => log.push(line),
    });
    try {
      expect(services.host.program().races.length).toBeGreaterThanOrEqual(2);
      expect(services.urls!.overlay).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/board\/\?output=overlay&token=\S+$/,
      );
      const reply = await fetch(
        services.urls!.board.replace(/\/board\/\?token=(.+)$/, '/api/v1/program?token=$1'),
      );
      expect(reply.status).toBe(200);
      expect(log.some((line) => line.startsWith('loaded the demo meeting'))).toBe(true);
    } finally {
      await services.close();
    }
  });

  it('starts without servers or demo when asked, and logs a missing demo file', async () => {
    const services = await startHostServices({
      dataDir,
      appRoot: dataDir,
      demo: true,
      port: null,
      address: '127.0.0.1',
      oscPort: null,
      log: (line) => log.push(line),
    });
    expect(services.urls).toBeNull();
    expect(services.host.program().races).toEqual([]);
    expect(log[0]).toMatch(/^demo meeting not loaded: /);
    await services.close();
  });
});

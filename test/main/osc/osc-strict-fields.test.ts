// Issue 17 over OSC: the commands OSC builds pass the strict schemas (every address still
// works), and what OSC can carry in place of an unknown field (an extra argument) or a
// forbidden key (the words __proto__, constructor, prototype as arguments) is refused with
// /massstart/error, changing nothing. OSC arguments are positional: no JSON reaches the host.
import { createSocket, type Socket } from 'node:dgram';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromBuffer, toBuffer, type OscMessageOutput } from 'osc-min';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOscServer, type OscServer } from '../../../src/main/osc/osc-server.ts';
import type { JournalEntry } from '../../../src/shared/race/events.ts';
import { openHost, type HostFixture } from '../../support/host-fixture.ts';

let fixture: HostFixture;
let server: OscServer;
let socket: Socket;
const answers: OscMessageOutput[] = [];

beforeEach(async () => {
  fixture = await openHost({ prefix: 'osc-strict' });
  server = await startOscServer({ host: fixture.host, port: 0 });
  socket = createSocket('udp4');
  socket.on('message', (data) => answers.push(fromBuffer(data) as OscMessageOutput));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  answers.length = 0;
});

afterEach(async () => {
  await new Promise<void>((resolve) => socket.close(resolve));
  await server.close();
  await fixture.close();
});

/** Sends one OSC message as a real datagram and waits for the server's answer. */
async function ask(
  address: string,
  ...args: (number | string)[]
): Promise<{ address: string; value: unknown }> {
  const packet = toBuffer({ address, args });
  const data = new Uint8Array(packet.buffer, packet.byteOffset, packet.byteLength);
  const before = answers.length;
  await new Promise<void>((resolve, reject) =>
    socket.send(data, server.port, '127.0.0.1', (error) => (error ? reject(error) : resolve())),
  );
  const deadline = Date.now() + 3000;
  while (answers.length === before) {
    if (Date.now() > deadline) throw new Error(`no answer to ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const answer = answers[before]!;
  return { address: answer.address, value: answer.args[0]?.value };
}

const journal = () => readFile(fixture.journalPath, 'utf8');
const programFile = () => readFile(join(fixture.dataDir, 'program.json'), 'utf8');
const lastEntry = async () =>
  JSON.parse((await journal()).trim().split('\n').at(-1)!) as JournalEntry;

describe('OSC under strict schemas', () => {
  it('every address still builds a command the host accepts', async () => {
    const ok = { address: '/massstart/ok', value: expect.any(Number) };
    expect(await ask('/massstart/start')).toEqual(ok);
    for (let lap = 0; lap < 4; lap++) expect(await ask('/massstart/lap')).toEqual(ok);
    expect(await ask('/massstart/sprint', 1, 12, 7, 3)).toEqual(ok);
    expect(await ask('/massstart/status', 11, 'DNF', 9)).toEqual(ok);
    expect(await lastEntry()).toMatchObject({
      source: 'osc',
      event: { type: 'skater/statusChanged', bib: 11, status: 'DNF', laps: 9 },
    });
    expect(await ask('/massstart/undo')).toEqual(ok);
    expect(await ask('/massstart/redo')).toEqual(ok);
    expect(await ask('/massstart/scene', 'results')).toEqual(ok);
    expect(await ask('/massstart/overlay', 'standings', 0)).toEqual(ok);
    expect(await ask('/massstart/auto', 'board', 1)).toEqual(ok);
    expect(await ask('/massstart/race', fixture.raceId)).toEqual(ok);
    for (let lap = 4; lap < 16; lap++) expect(await ask('/massstart/lap')).toEqual(ok);
    expect(await ask('/massstart/finish', 4, 8)).toEqual(ok);
    expect(await ask('/massstart/advance', 9)).toEqual(ok);
  });

  it.each([
    [['/massstart/status', 11, 'DNF', 9, 3], /\/massstart\/status: expected 3 arguments, got 4/],
    [['/massstart/lap', 9], /\/massstart\/lap: expected 0 arguments, got 1/],
    [['/massstart/race', '__proto__'], /race ids are lower-case letters/],
    [['/massstart/race', 'constructor'], /race "constructor" is not in the program/],
    [['/massstart/scene', 'prototype'], /must be one of blank, startList, live, sprint, results/],
    [['/massstart/status', 11, '__proto__'], /must be one of OK, DNS, DNF, DQ, LAPPED/],
    [['/massstart/__proto__'], /unknown OSC address "\/massstart\/__proto__"/],
    [['/massstart/constructor', 1], /unknown OSC address "\/massstart\/constructor"/],
  ] as const)(
    '%j is refused with /massstart/error and changes nothing',
    async ([address, ...args], reason) => {
      const [before, program] = [await journal(), await programFile()];
      const answer = await ask(address, ...args);
      expect(answer.address).toBe('/massstart/error');
      expect(answer.value).toMatch(reason);
      expect(await journal()).toBe(before);
      expect(await programFile()).toBe(program);
      expect(Object.prototype).not.toHaveProperty('race');
    },
  );
});

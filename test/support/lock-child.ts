/**
 * Child process for the data lock tests (test/main/host/data-lock.test.ts): takes the lock on
 * DIR (advertising --url when given), prints `locked <pid>` or `refused <message>`, then holds
 * it until stdin ends, when it releases it, prints `released` and exits. With --leave it
 * returns at once without releasing: the process must then exit by itself (the lock does not
 * keep it alive).
 * Run: node --import tsx test/support/lock-child.ts DIR [--url URL] [--platform darwin] [--leave]
 */
import { parseArgs } from 'node:util';
import { lockDataDir } from '../../src/main/host/data-lock.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    platform: { type: 'string' },
    leave: { type: 'boolean', default: false },
  },
});
const dir = positionals[0];
if (!dir) throw new Error('usage: lock-child DIR [--url URL] [--platform P] [--leave]');
const platform = values.platform as NodeJS.Platform | undefined;

try {
  const lock = await lockDataDir(dir, platform ? { platform } : {});
  if (values.url) await lock.advertise({ url: values.url });
  process.stdout.write(`locked ${process.pid}\n`);
  if (!values.leave) {
    process.stdin.resume();
    await new Promise((done) => process.stdin.once('end', done));
    await lock.release();
    process.stdout.write('released\n');
  }
} catch (error) {
  process.stdout.write(`refused ${(error as Error).message}\n`);
  process.exitCode = 1;
}

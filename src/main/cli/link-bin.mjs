// Links the massstart command into node_modules/.bin, so `npx massstart` works from the
// repository root right after `npm ci` (npm links the bins of dependencies, not the root's own).
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';

mkdirSync('node_modules/.bin', { recursive: true });
rmSync('node_modules/.bin/massstart', { force: true });
symlinkSync('../../src/main/cli/bin.mjs', 'node_modules/.bin/massstart');

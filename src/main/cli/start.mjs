#!/usr/bin/env node
// `npm start`: the Electron app, its binary downloaded on the first start where it is missing;
// where Electron cannot be had, one line saying why and browser mode. The logic is in start.ts,
// run through tsx as bin.mjs does.
import { register } from 'tsx/esm/api';

register();
const { start } = await import('./start.ts');
process.exitCode = await start(process.argv.slice(2));

#!/usr/bin/env node
// The CLI runs from TypeScript sources through tsx's loader, so `npm ci` is all the install needs:
// no build step stands between a clone and a working `npx stepwise`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);

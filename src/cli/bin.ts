#!/usr/bin/env node
import { main } from './main';

process.exitCode = await main(process.argv.slice(2));
// The command has ended: a connection it lost that keeps retrying (a Redis gone mid-run) must
// not keep the process alive. Unreferenced, this timer fires only if something else would.
setTimeout(() => process.exit(), 1_000).unref();

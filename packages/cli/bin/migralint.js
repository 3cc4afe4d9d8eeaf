#!/usr/bin/env node
// The `migralint` command. Kept tiny: all behaviour lives in ../dist/main.js (built from src/).
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});

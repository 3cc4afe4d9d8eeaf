// `--concurrency auto`: workers only for a run big enough, on a machine with cores to spare; one
// worker for a plugin's rules (their time limit needs a worker's watchdog); N and off as given.
import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '@migralint/core';
import { workerCount } from '../src/concurrency.js';
import type { WorkUnit } from '../src/work-units.js';

const builtinOnly = { plugins: [] } as unknown as ResolvedConfig;
const withPlugin = { plugins: [{ name: 'acme', rules: {} }] } as unknown as ResolvedConfig;
/** `count` histories of `files` files of 1 KB each. */
const units = (count: number, files: number, config = builtinOnly): WorkUnit[] =>
  Array.from({ length: count }, (_, i) => ({ config, configDir: `/p/${i}`, files: Array.from({ length: files }, (_, f) => ({ path: `${i}/${f}.sql`, content: '' })), bytes: files * 1024 }));

describe('workerCount', () => {
  const corpus = units(60, 110); // 6,600 files

  it('auto: one worker per core (at most one per history) for a big run on 3 cores or more', () => {
    expect(workerCount('auto', corpus, false, 4)).toBe(4);
    expect(workerCount('auto', corpus, false, 3)).toBe(3);
    expect(workerCount('auto', units(2, 1000), false, 8)).toBe(2);
  });

  it('auto: none on 2 cores or for a small run, where workers cost more than they save', () => {
    expect(workerCount('auto', corpus, false, 2)).toBe(0);
    expect(workerCount('auto', corpus, false, 1)).toBe(0);
    expect(workerCount('auto', units(3, 10), false, 8)).toBe(0);
  });

  it('auto: one worker for a plugin or an explicit --rule-timeout, whatever the size', () => {
    expect(workerCount('auto', units(1, 1, withPlugin), false, 2)).toBe(1);
    expect(workerCount('auto', units(1, 1), true, 2)).toBe(1);
  });

  it('a number and off are taken as given', () => {
    expect(workerCount(2, corpus, false, 2)).toBe(2);
    expect(workerCount(8, units(3, 1), false, 2)).toBe(3);
    expect(workerCount('off', units(1, 1, withPlugin), true, 8)).toBe(0);
  });
});

// The speed options (--concurrency, --cache, --cache-location, --cache-strategy, --rule-timeout),
// checked into a request; main.ts and lint-units.ts act on them. Light on imports: the warm-run
// replay (warm-run.ts) parses the arguments before the rest of the CLI is loaded.
import path from 'node:path';
import { UsageError } from './parse-args.js';

export type Concurrency = number | 'auto' | 'off';

export function parseConcurrency(value: string | undefined): Concurrency {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 'off';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--concurrency takes a number of workers ≥ 1, "auto" or "off", got "${value}"`);
  return n;
}

export const DEFAULT_CACHE_LOCATION = path.join('node_modules', '.cache', 'migralint');

export interface CacheRequest {
  /** Directory of the cache, relative to the cwd or absolute. */
  location: string;
  /**
   * How an unchanged file is recognised: `metadata` (the default, as in ESLint) by its size,
   * modification and change times and inode, with its content hashed when they differ; `content`
   * by reading and hashing every file on every run.
   */
  strategy: CacheStrategy;
}

export type CacheStrategy = 'metadata' | 'content';

export interface RuleTimeoutRequest {
  ms: number;
  /** Set by the user: the limit is then enforced even on a run auto would keep in one thread. */
  explicit: boolean;
}

/** Generous: the slowest built-in rule call on the corpus takes well under a second. */
export const DEFAULT_RULE_TIMEOUT_MS = 60_000;

export function parseCacheOptions(cache: boolean | undefined, location: string | undefined, strategy: string | undefined): CacheRequest | undefined {
  if (strategy !== undefined && strategy !== 'content' && strategy !== 'metadata') {
    throw new UsageError(`--cache-strategy "${strategy}" is not supported; use "metadata" (sizes and times, the default) or "content" (hashes of every file)`);
  }
  if (!cache) {
    if (location !== undefined || strategy !== undefined) throw new UsageError('--cache-location and --cache-strategy need --cache');
    return undefined;
  }
  if (location === '') throw new UsageError('--cache-location needs a directory');
  return { location: location ?? DEFAULT_CACHE_LOCATION, strategy: (strategy as CacheStrategy | undefined) ?? 'metadata' };
}

export function parseRuleTimeout(value: string | undefined): RuleTimeoutRequest {
  if (value === undefined) return { ms: DEFAULT_RULE_TIMEOUT_MS, explicit: false };
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--rule-timeout takes a number of seconds > 0, got "${value}"`);
  return { ms: seconds * 1000, explicit: true };
}

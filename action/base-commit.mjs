// What `changed-since` defaults to: on a pull request, its base commit, read from the event payload
// the runner writes to $GITHUB_EVENT_PATH (pull_request and pull_request_target events; merge_group
// carries its base too). Other events (push, schedule) lint every migration.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function pullRequestBase(env = process.env) {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  let event;
  try {
    event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  } catch {
    return undefined;
  }
  return event?.pull_request?.base?.sha ?? event?.merge_group?.base_sha ?? undefined;
}

/**
 * Make sure `ref` is a commit in the checkout. actions/checkout fetches one commit by default, so the
 * base is usually missing: fetch just that commit (needs no history). Returns whether it is there.
 */
export function ensureCommit(ref, cwd) {
  const has = () => {
    try {
      execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd, stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (has()) return true;
  try {
    execFileSync('git', ['fetch', '--no-tags', '--depth=1', 'origin', ref], { cwd, stdio: 'ignore', timeout: 120_000 });
  } catch {
    return false;
  }
  return has();
}

// The migralint GitHub Action (action.yml): lint the pull request's migrations with their whole
// history as context, annotate the diff, write the job summary and a SARIF file for code scanning,
// optionally run `migralint verify`, and fail the job by `fail-on`. Plain ESM on node built-ins, so
// the runner needs nothing installed: it runs the committed CLI bundle as a child process.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCommit, pullRequestBase } from './base-commit.mjs';
import { endGroup, error, getInput, getListInput, group, setOutput, warning } from './runner.mjs';

const FAIL_ON = ['error', 'warning', 'never'];

export function run(env = process.env, cwd = process.cwd()) {
  const actionRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const bin = env.MIGRALINT_BIN ? path.resolve(cwd, env.MIGRALINT_BIN) : path.join(actionRoot, 'standalone/migralint.mjs');
  const paths = getListInput('paths', env);
  const config = getInput('config', env);
  const sarifFile = getInput('sarif-file', env);
  const failOn = getInput('fail-on', env) || 'error';
  const verify = getInput('verify', env) || 'false';

  if (!FAIL_ON.includes(failOn)) return fail(`fail-on: "${failOn}" is not one of ${FAIL_ON.join(', ')}`, 2);
  if (verify !== 'true' && verify !== 'false') return fail(`verify: "${verify}" must be true or false`, 2);
  if (!existsSync(bin)) return fail(`the migralint CLI is missing at ${bin} (the action's standalone/migralint.mjs, or $MIGRALINT_BIN)`, 2);

  let changedSince = getInput('changed-since', env) || pullRequestBase(env);
  if (changedSince && !ensureCommit(changedSince, cwd)) {
    warning(`changed-since: commit ${changedSince} is not in the checkout and could not be fetched; linting every migration (use actions/checkout with fetch-depth: 0)`);
    changedSince = undefined;
  }

  const temp = mkdtempSync(path.join(env.RUNNER_TEMP || tmpdir(), 'migralint-action-'));
  try {
    const cli = (args) => spawnSync(process.execPath, [bin, ...args], { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const help = spawnSync(process.execPath, [bin, '--help'], { cwd, env, encoding: 'utf8' }).stdout ?? '';
    const common = [...(config ? ['--config', config] : []), '--', ...paths];

    const lintJson = path.join(temp, 'lint.json');
    const lintArgs = ['--format', 'github', '--format', `json=${lintJson}`];
    if (sarifFile) lintArgs.push('--format', `sarif=${sarifFile}`);
    if (changedSince) lintArgs.push('--changed-since', changedSince);
    // The result cache, where this CLI has one (an older bundle does not).
    if (/^\s+--cache\b/m.test(help)) lintArgs.push('--cache');
    const lint = cli([...lintArgs, ...common]);
    let { errors, warnings } = counts(lintJson);
    let incomplete = lint.status === 2 || lint.status === null || errors === undefined;

    if (verify === 'true') {
      group('migralint verify');
      const verifyJson = path.join(temp, 'verify.json');
      // github: verify's findings become annotations on the lines PostgreSQL rejected, like lint's.
      const result = cli(['verify', '--format', 'github', '--format', `json=${verifyJson}`, ...common]);
      endGroup();
      const found = counts(verifyJson);
      errors = (errors ?? 0) + (found.errors ?? 0);
      warnings = (warnings ?? 0) + (found.warnings ?? 0);
      incomplete ||= result.status === 2 || result.status === null || found.errors === undefined;
    }

    setOutput('errors', String(errors ?? 0), env);
    setOutput('warnings', String(warnings ?? 0), env);
    setOutput('sarif-file', sarifFile, env);
    if (incomplete) return fail('migralint could not complete the run (see the messages above); the result is incomplete', 2);
    const failed = (failOn === 'error' && errors > 0) || (failOn === 'warning' && errors + warnings > 0);
    process.stdout.write(`migralint: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (fail-on: ${failOn})\n`);
    return failed ? 1 : 0;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Error and warning counts from a JSON report, or undefined when the run wrote none. */
function counts(file) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    return { errors: report.errorCount, warnings: report.warningCount };
  } catch {
    return { errors: undefined, warnings: undefined };
  }
}

function fail(message, code) {
  error(message);
  return code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = run();
}

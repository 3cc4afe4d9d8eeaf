// The GitHub Actions runner's side of the conversation, with node built-ins only (the action installs
// nothing): inputs arrive as INPUT_<NAME> variables, outputs go to the $GITHUB_OUTPUT file, messages
// are workflow commands on stdout. Same rules as actions/toolkit's core package.

import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/** An input as the runner passes it: `changed-since` arrives as INPUT_CHANGED-SINCE, trimmed. */
export function getInput(name, env = process.env) {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A list input: one item per line (blank lines and surrounding spaces ignored). */
export function getListInput(name, env = process.env) {
  return getInput(name, env)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** An output for later steps; the delimiter form keeps any value on its own lines. */
export function setOutput(name, value, env = process.env) {
  const file = env.GITHUB_OUTPUT;
  if (!file) {
    // Outside a runner (a local try): print it instead of writing a file nobody asked for.
    process.stdout.write(`${name}=${value}${EOL}`);
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`);
}

function escapeData(text) {
  return String(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function error(message) {
  process.stdout.write(`::error title=migralint::${escapeData(message)}${EOL}`);
}

export function warning(message) {
  process.stdout.write(`::warning title=migralint::${escapeData(message)}${EOL}`);
}

export function group(title) {
  process.stdout.write(`::group::${escapeData(title)}${EOL}`);
}

export function endGroup() {
  process.stdout.write(`::endgroup::${EOL}`);
}

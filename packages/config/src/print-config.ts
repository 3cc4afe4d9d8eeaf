// What `migralint --print-config FILE` prints: the effective config of one file as plain JSON, so a
// user can see which config file applied, which plugins loaded and exactly which rules run how.

import type { ResolvedConfig, Severity } from '@migralint/core';
import { configForFile, isIgnored } from './config-for-file.js';

export interface PrintedConfig {
  file: string;
  /** The config file used, or null when none was found and the defaults applied. */
  configFile: string | null;
  root: string;
  ignored: boolean;
  plugins: Array<{ name: string; version?: string }>;
  settings: Record<string, unknown>;
  /** Enabled rules by id, severity in config spelling (`warn`). */
  rules: Record<string, { severity: 'error' | 'warn' | 'info'; options: Record<string, unknown> }>;
  ignores: string[];
  noInlineDisable: string[];
}

const configSpelling: Record<Severity, 'error' | 'warn' | 'info'> = { error: 'error', warning: 'warn', info: 'info' };

export function printConfig(resolved: ResolvedConfig, filePath: string): PrintedConfig {
  const effective = configForFile(resolved, filePath);
  const rules: PrintedConfig['rules'] = {};
  for (const [id, rule] of Object.entries(effective.rules)) {
    rules[id] = { severity: configSpelling[rule.severity], options: rule.options };
  }
  // A JSON round trip drops what JSON cannot hold (functions in a JS config's options) the way printing would.
  return JSON.parse(
    JSON.stringify({
      file: filePath,
      configFile: resolved.filepath ?? null,
      root: resolved.root,
      ignored: isIgnored(resolved, filePath),
      plugins: resolved.plugins.map((plugin) => (plugin.version ? { name: plugin.name, version: plugin.version } : { name: plugin.name })),
      settings: effective.settings,
      rules,
      ignores: resolved.ignores,
      noInlineDisable: resolved.noInlineDisable,
    }),
  ) as PrintedConfig;
}

// The shape a user writes (migralint.config.*, .migralintrc*, package.json#migralint), as the JSON
// Schema in ../schema/migralint.schema.json describes it. Kept by hand next to the schema: the schema
// is what validates, this type is what JS configs and our own code type-check against.

import type { RuleSetting, SeveritySetting } from '@migralint/core';

export interface ConfigOverride {
  /** Globs relative to the config file's directory (picomatch, POSIX separators, dotfiles included). */
  files: string[];
  rules?: Record<string, RuleSetting>;
  settings?: Record<string, unknown>;
}

export interface MigralintConfig {
  $schema?: string;
  extends?: string | string[];
  plugins?: string[];
  layout?: string;
  settings?: { postgresVersion?: number; [key: string]: unknown };
  rules?: Record<string, RuleSetting>;
  overrides?: ConfigOverride[];
  ignores?: string[];
  noInlineDisable?: string[];
}

/** Identity helper for `migralint.config.js`: `export default defineConfig({ … })` type-checks the object. */
export function defineConfig(config: MigralintConfig): MigralintConfig {
  return config;
}


// Identity helpers that give rule and plugin authors type checking, the way ESLint's and
// unified-lint-rule's factories do, without hiding the plain object underneath.

import type { Plugin, Rule } from './types.js';

export function defineRule<Options = Record<string, unknown>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

export function definePlugin(plugin: Plugin): Plugin {
  if (!/^[a-z0-9@][a-z0-9._-]*$/.test(plugin.name)) {
    throw new Error(`Plugin name "${plugin.name}" must be lowercase letters, digits, ".", "_" or "-"`);
  }
  return plugin;
}

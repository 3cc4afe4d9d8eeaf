// The built-in packs as the CLI assembles them (config never imports a pack): config's tests resolve
// configs the way a run does.
import type { Plugin } from '@migralint/core';
import { allBuiltinPlugins, RULE_PACKS } from '../../cli/src/rule-packs.js';

export const builtinPacks = RULE_PACKS;
export const builtinPlugins: readonly Plugin[] = await allBuiltinPlugins();

// The parsed files and the migration model of a run, as lint() builds them: one lint() pass with the
// static rules the caller asks for, keeping the model lint() builds. verify and plan need the model
// before they do anything async, and the engine stays the only place that parses, places and replays.

import { catalogRules, recommendedRules, type LintResult, type ProjectModel, type ResolvedConfig, type RuleSetting, type SourceFile, type SourceInput } from '@migralint/core';
import { lint } from '@migralint/migrations';

export interface ReadProjectInput {
  files: SourceInput[];
  config?: Partial<ResolvedConfig>;
  cwd?: string;
  readAux?: (path: string) => string | undefined;
  /**
   * Which static rules also run: `all` (the config as it is, for plan's findings), or a list of
   * rule ids run whatever the config says (verify's cross-check). Default: none.
   */
  staticRules?: 'all' | readonly string[];
}

export interface ProjectRead {
  files: ReadonlyMap<string, SourceFile>;
  model: ProjectModel;
  /** The static rules' result (every file, suppressed findings included). */
  result: LintResult;
}

export async function readProject(input: ReadProjectInput): Promise<ProjectRead> {
  let built: { model: ProjectModel; files: readonly SourceFile[] } | undefined;
  const config = input.config ?? {};
  const plugins = config.plugins ?? [];
  const known = catalogRules(plugins).rules;
  let rules: Record<string, RuleSetting>;
  let overrides = config.overrides ?? [];
  if (input.staticRules === 'all') {
    rules = config.rules ?? recommendedRules(plugins);
  } else {
    rules = {};
    for (const id of input.staticRules ?? []) if (known.has(id)) rules[id] = 'error';
    // Overrides keep their settings (a folder's layout) but not their rules.
    overrides = overrides.map(({ rules: _rules, ...override }) => override);
  }
  const result = await lint({
    files: input.files,
    config: { ...config, plugins, rules, overrides },
    // The model lint() builds is the one we want: keep it (and the parsed files it was built from).
    onModel: (model, files) => {
      built = { model, files };
    },
    ...(input.cwd ? { cwd: input.cwd } : {}),
    ...(input.readAux ? { readAux: input.readAux } : {}),
  });
  const failure = result.notifications.find((n) => n.level === 'error' && !n.ruleId);
  if (!built || failure) throw new Error(`the migration model could not be built${failure ? `: ${failure.message}` : ''}`);
  return { files: new Map(built.files.map((f) => [f.path, f])), model: built.model, result };
}

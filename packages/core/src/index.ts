// @migralint/core: parse, statement tree, positions, directives, rule runtime and lint().
export type * from './types.js';
export type { AstAncestor, AstNodeOf, AstNodeType, AstNodeTypes, PgAst } from './ast-nodes.js';
export { defineRule, definePlugin } from './define.js';
export { runEngine, resolveDefaults, type LintOptions, type ModelProvider } from './lint.js';
export { corePlugin, DIRECTIVE_RULES } from './core-plugin.js';
export { catalogRules, recommendedRules, toSetting, RuleResolver, type ActiveRule, type RuleCatalog } from './active-rules.js';
export { applyFixes } from './apply-fixes.js';
export { ruleDocsUrl, DOCS_BASE } from './docs-url.js';
export { matchesFiles, toConfigRelative } from './match-files.js';
export { closestName } from './closest-name.js';
export { fillTemplate } from './build-message.js';
export { loadParser, parseSql, scanSql, isComment, type Token } from './parser.js';
export { VERSION } from './version.js';
export type * from './project-model.js';
export { isKeyword, isName, isPunctuation, readQualifiedName, readNameList, splitTopLevel, type ScannedName } from './token-readers.js';
export { afterKeywords, alterTableSubcommands, callRange, findKeyword, findName, findQualifiedName, findTopLevelKeyword, lastNameIn, readDropNames, skipIfExists, skipParenthesized, tokenAt, tokenRange, isWord, wordRuns } from './token-readers.js';
export { createByteMap, type ByteMap } from './offsets.js';
export * from './plpgsql/index.js';
export { createFingerprinter, defineReporter, reporterProblem, rootRelativePath, type Reporter, type ReporterOptions } from './reporter.js';
export { DURATION_PATTERN, durationOption, allowTablesOnly, matchesTablePattern, tablePatternsOption } from './rule-options.js';
export { indexStatements } from './statement-index.js';
export { toVFileMessage } from './vfile-message.js';
export * from './unified/index.js';
export { DEFAULT_SCHEMA, displayName, displayQualifiedName, nameOfDropObject, nameOfList, nameOfRangeVar, sameName, type WrittenName } from './toolkit/names.js';
export { walkAst, type NodeVisit } from './toolkit/walk-nodes.js';
export { existsIn, namedAtRunTime, removedEarlier, type PresenceKind } from './toolkit/object-presence.js';
export { dataChangesOf, type DataChange } from './toolkit/data-changes.js';
export {
  isLastOfPart,
  runnerWraps,
  statementsOfTransaction,
  trackTransactions,
  transactionGroupOf,
  transactionTrack,
  type Opener,
  type TransactionEvent,
  type TransactionGroup,
  type TransactionState,
  type TransactionTrack,
} from './toolkit/transactions.js';
export {
  argType,
  createdBetween,
  creationsIn,
  objectsCreatedBy,
  sameObject,
  type CreatedKind,
  type CreatedName,
  type CreatedObject,
  type Creation,
} from './toolkit/created-objects.js';
export { subcommandIndex, subcommandTokens } from './toolkit/alter-table.js';

// Every rule's docs page lives in the repository, so a finding's link always matches the code.
export const DOCS_BASE = 'https://github.com/migralint/migralint/blob/main/docs/rules';

export function ruleDocsUrl(pack: string, rule: string): string {
  return `${DOCS_BASE}/${pack}/${rule}.md`;
}

// The case styles a migration's description may be asked to follow, and the conversion a message
// suggests (`Add Users-Table` → `add_users_table`).

export type NameCase = 'snake_case' | 'kebab-case' | 'camelCase' | 'PascalCase' | 'lowercase' | 'any';

export const NAME_CASES: NameCase[] = ['snake_case', 'kebab-case', 'camelCase', 'PascalCase', 'lowercase', 'any'];

const STYLES: Record<Exclude<NameCase, 'any'>, RegExp> = {
  snake_case: /^[a-z0-9]+(?:_[a-z0-9]+)*$/,
  'kebab-case': /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  camelCase: /^[a-z][a-zA-Z0-9]*$/,
  PascalCase: /^[A-Z][a-zA-Z0-9]*$/,
  lowercase: /^[a-z0-9]+(?:[_-][a-z0-9]+)*$/,
};

export function followsCase(text: string, style: NameCase): boolean {
  return style === 'any' || STYLES[style].test(text);
}

/** The words of a description: split at separators and at lower→upper case changes. */
function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '');
}

/** `text` in `style` (for `any`: the text with spaces replaced by underscores). */
export function toCase(text: string, style: NameCase): string {
  const words = wordsOf(text);
  const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
  switch (style) {
    case 'snake_case':
    case 'lowercase':
      return words.map((w) => w.toLowerCase()).join('_');
    case 'kebab-case':
      return words.map((w) => w.toLowerCase()).join('-');
    case 'camelCase':
      return words.map((w, i) => (i === 0 ? w.toLowerCase() : capital(w))).join('');
    case 'PascalCase':
      return words.map(capital).join('');
    case 'any':
      return text.trim().replace(/\s+/g, '_');
  }
}

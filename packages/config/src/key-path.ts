// Key paths the way a user would write them in JS: rules["destructive/no-drop-column"][1].allowIn.
// Built from a JSON Pointer (ajv's instancePath) plus the data it points into, because only the data
// says whether "0" is an array index or an object key.

const identifier = /^[A-Za-z_$][\w$]*$/;

export function keyPathFromPointer(data: unknown, pointer: string, prefix = ''): string {
  if (pointer === '') return prefix;
  const segments = pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  let path = prefix;
  let current: unknown = data;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      path += `[${segment}]`;
    } else {
      path += appendKey(path, segment);
    }
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[segment] : undefined;
  }
  return path;
}

/** `.key` (or `key` at the start) for identifiers, `["key"]` otherwise. */
export function appendKey(path: string, key: string): string {
  if (identifier.test(key)) return path === '' ? key : `.${key}`;
  return `[${JSON.stringify(key)}]`;
}

/** `joinKeyPath('overrides', 0, 'rules')` → `overrides[0].rules`. */
export function joinKeyPath(...keys: Array<string | number>): string {
  return extendKeyPath('', ...keys);
}

/** `extendKeyPath('overrides[0].rules', 'destructive/x', 1)` → `overrides[0].rules["destructive/x"][1]`. */
export function extendKeyPath(path: string, ...keys: Array<string | number>): string {
  for (const key of keys) path += typeof key === 'number' ? `[${key}]` : appendKey(path, key);
  return path;
}

/** "string", "array", "null", … as a user reads types in an error message. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

/** A short rendering of a value for "(got …)": scalars as JSON, containers by type. */
export function shortValue(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 40 ? `${text.slice(0, 37)}…` : text;
  }
  return typeName(value);
}

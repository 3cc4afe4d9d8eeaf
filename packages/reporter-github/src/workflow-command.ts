// GitHub Actions workflow commands (`::error file=…,line=…::message`), escaped exactly as the
// runner's own toolkit does (actions/toolkit, packages/core/src/command.ts): in the message `%`, CR
// and LF; in property values also `:` and `,`, which would otherwise end the value. Other control
// characters from a migration (an ESC in an identifier) never reach the log raw.

export type CommandProperties = Record<string, string | number | undefined>;

/** Control characters other than CR/LF (which are escaped) as the replacement character. */
function withoutControls(text: string): string {
  return text.replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => (c === '\t' ? ' ' : '\ufffd'));
}

export function escapeData(text: string): string {
  return withoutControls(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line, without its newline. Properties that are undefined are left out. */
export function workflowCommand(name: string, properties: CommandProperties, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

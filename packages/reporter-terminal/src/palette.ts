// The few ANSI styles the report uses. With colour off every style is the identity, so callers never
// branch. Styles wrap text that is already made visible (visible-text.ts): ours are the only escapes.

export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  green(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
  underline(text: string): string;
}

export function createPalette(color: boolean): Palette {
  const style = (open: string, close: string) => (text: string) => (color ? `\u001B[${open}m${text}\u001B[${close}m` : text);
  return {
    red: style('31', '39'),
    yellow: style('33', '39'),
    cyan: style('36', '39'),
    green: style('32', '39'),
    bold: style('1', '22'),
    dim: style('2', '22'),
    underline: style('4', '24'),
  };
}

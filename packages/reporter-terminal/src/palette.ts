// The few ANSI styles the summary and run-problem lines use, the same codes vfile-reporter uses for
// the findings above them. With colour off every style is the identity, so callers never branch.

export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  green(text: string): string;
  bold(text: string): string;
}

export function createPalette(color: boolean): Palette {
  const style = (open: string, close: string) => (text: string) => (color ? `\u001B[${open}m${text}\u001B[${close}m` : text);
  return {
    red: style('31', '39'),
    yellow: style('33', '39'),
    cyan: style('36', '39'),
    green: style('32', '39'),
    bold: style('1', '22'),
  };
}

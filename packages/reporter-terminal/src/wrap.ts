// Fitting text to the terminal: words wrapped to a width measured in terminal columns (a CJK
// character or an emoji takes two), continuation lines indented under the first.
import stringWidth from 'string-width';

export const displayWidth = (text: string): number => stringWidth(text);

/**
 * `text` in lines of at most `width` columns (a word longer than that gets a line of its own).
 * Without a width (output is not a terminal) the text stays one line: logs and pipes wrap for themselves.
 */
export function wrapWords(text: string, width: number | undefined): string[] {
  if (width === undefined || displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line === '') line = word;
    else if (displayWidth(line) + 1 + displayWidth(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}

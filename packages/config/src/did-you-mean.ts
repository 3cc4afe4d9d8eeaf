// The " (did you mean "x"?)" tail of an error message; the distance rule lives in core so directive
// and config typos are judged alike.

import { closestName } from '@migralint/core';

export function didYouMean(name: string, candidates: Iterable<string>): string {
  const list = [...candidates];
  // Edit distance misses a word with an extra ending ("warning" for "warn"); a shared stem does not.
  const suggestion =
    closestName(name, list) ?? list.find((candidate) => candidate.length >= 3 && name.length > candidate.length && name.startsWith(candidate));
  return suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
}

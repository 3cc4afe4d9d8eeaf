// Where a runner cuts a file before PostgreSQL sees it: dbmate's `-- migrate:up/down` and goose's
// `-- +goose Up/Down` lines. Each section is sent on its own, so an up section needs no final `;`
// — core ends a statement at each of these offsets instead of gluing it to the next section's.

import { DOWN_MARKER, UP_MARKER } from './layouts/dbmate.js';
import { ANNOTATION } from './layouts/goose.js';
import { findMarkerLines } from './layouts/marker-lines.js';

/** UTF-16 offsets of the marker lines that start a new section. */
export function sectionBreaks(text: string): number[] {
  const breaks: number[] = [];
  if (text.includes('migrate:')) {
    for (const line of [...findMarkerLines(text, UP_MARKER), ...findMarkerLines(text, DOWN_MARKER)]) breaks.push(line.start);
  }
  if (text.includes('+goose')) {
    for (const line of findMarkerLines(text, ANNOTATION)) {
      if (/^(up|down)\b/i.test(line.match[1] ?? '')) breaks.push(line.start);
    }
  }
  return breaks.sort((a, b) => a - b);
}

// Finding PL/pgSQL's statement texts in the body: in order, on their line, at token starts only.
import { describe, expect, it } from 'vitest';
import { BodyTexts } from '../../src/plpgsql/locate-texts.js';
import './helpers.js';

describe('BodyTexts', () => {
  const body = "\nBEGIN\n  -- DROP TABLE a\n  PERFORM 'DROP TABLE a'; DROP TABLE a; DROP TABLE a;\n  SELECT 1 INTO n FROM t;\nEND\n";

  it('finds each copy in turn, skipping comments and strings, and moves past it', () => {
    const texts = new BodyTexts(body);
    const first = texts.find('DROP TABLE a', 4, { onLine: true });
    const second = texts.find('DROP TABLE a', 4, { onLine: true });
    expect([first, second].map((at) => body.slice(at!, at! + 12))).toEqual(['DROP TABLE a', 'DROP TABLE a']);
    expect(second).toBeGreaterThan(first!);
    expect(body.slice(0, first).endsWith("'; ")).toBe(true);
    // No third copy on that line; the cursor stays where it was.
    expect(texts.find('DROP TABLE a', 4, { onLine: true })).toBeUndefined();
    expect(texts.cursor).toBe(second! + 12);
  });

  it('matches a statement whose INTO target PL/pgSQL blanked, only at the INTO keyword', () => {
    const texts = new BodyTexts(body);
    const at = texts.find('SELECT 1        FROM t', 5, { onLine: true, into: true });
    expect(body.slice(at!, at! + 22)).toBe('SELECT 1 INTO n FROM t');
    expect(new BodyTexts(body).find('SELECT 1        FROM t', 5, { onLine: true })).toBeUndefined();
  });

  it('reads PERFORM back from its SELECT form and gives a line when nothing is found', () => {
    const texts = new BodyTexts(body);
    const perform = texts.findPerform("SELECT 'DROP TABLE a'", 4);
    expect(body.slice(perform!.start, perform!.end)).toBe('PERFORM');
    const span = texts.lineSpan(3);
    expect(body.slice(span.start, span.end)).toBe('  -- DROP TABLE a');
  });
});

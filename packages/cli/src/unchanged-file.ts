// A file that `--cache` (strategy `metadata`) knows is unchanged since a run hashed it: same size,
// modification and change times, same inode. Its content hash is known, so the history it belongs
// to can be looked up in the cache without reading it; its bytes are read only if something asks
// (a history to lint again, a reporter that shows code).
import type { SourceInput } from '@migralint/core';
import { readBytes } from './gather-files.js';

export class UnchangedFile {
  constructor(
    readonly abs: string,
    readonly size: number,
    /** The content hash the cache recorded (result-cache.ts's contentHash). */
    readonly hash: string,
  ) {}
}

/** An input whose bytes are read on first use. */
class LazySource implements SourceInput {
  #content: Uint8Array | string | undefined;

  constructor(
    readonly path: string,
    readonly file: UnchangedFile,
  ) {}

  get content(): Uint8Array | string {
    // Unreadable now though it was unchanged a moment ago (deleted or replaced during the run):
    // readBytes fails the run with the file's name and the cause.
    return (this.#content ??= readBytes(this.file.abs));
  }

  set content(value: Uint8Array | string) {
    // New bytes (--fix rewrote the file): the recorded hash no longer says what this input holds.
    this.#content = value;
    this.replaced = true;
  }

  replaced = false;
}

/** A run's input for `content`: read already, or read on first use. */
export function sourceInput(path: string, content: Uint8Array | UnchangedFile): SourceInput {
  return content instanceof UnchangedFile ? new LazySource(path, content) : { path, content };
}

/** The size in bytes, without reading a file the cache knows. */
export function sizeOf(file: SourceInput): number {
  return file instanceof LazySource && !file.replaced ? file.file.size : file.content.length;
}

/** The content hash the cache knows for an input not read (undefined: hash its content). */
export function knownHash(file: SourceInput): string | undefined {
  return file instanceof LazySource && !file.replaced ? file.file.hash : undefined;
}

/** Plain inputs with their bytes, for a worker (a message carries data, not getters). */
export function withContents(files: readonly SourceInput[]): SourceInput[] {
  return files.map((f) => (f instanceof LazySource ? { path: f.path, content: f.content } : f));
}

// A one-line progress counter on stderr, only on a terminal and only for runs long enough to need it.
import type { Writable } from 'node:stream';

const THRESHOLD = 200;

export class Progress {
  private shown = false;
  private done_ = 0;
  private lastDraw = 0;

  constructor(
    private readonly stream: Writable & { isTTY?: boolean },
    private readonly total: number,
  ) {}

  advance(n = 1): void {
    this.done_ += n;
    if (!this.stream.isTTY || this.total < THRESHOLD) return;
    const now = Date.now();
    if (now - this.lastDraw < 100 && this.done_ < this.total) return;
    this.lastDraw = now;
    this.shown = true;
    this.stream.write(`\rmigralint: ${this.done_}/${this.total} files`);
  }

  done(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
  }
}

/** RotatingFile: append-only lines, bounded on disk by rotating `<file>` → `<file>.1` … `<file>.<keep>`. */
import fs from 'node:fs/promises';
import path from 'node:path';

export interface RotatingFileOptions {
  /** Size in bytes past which the file rotates before the next append. */
  maxBytes: number;
  /** Rotated files kept (`.1` is the newest); older ones are deleted. */
  keep?: number;
}

/**
 * Appends lines one at a time (writes never interleave). Disk use stays under about
 * `(keep + 1) × maxBytes`. Directories are created on the first append, not before.
 * @example const f = new RotatingFile('var/fallbacks/fallbacks.jsonl', { maxBytes: 5e6 }); await f.append('{}\n')
 */
export class RotatingFile {
  private size: number | undefined;
  private readonly maxBytes: number;
  private readonly keep: number;

  constructor(
    readonly file: string,
    { maxBytes, keep = 3 }: RotatingFileOptions,
  ) {
    this.maxBytes = maxBytes;
    this.keep = keep;
  }

  /** Append one line (it must end with a newline); rotates first when the line would not fit. */
  async append(line: string): Promise<void> {
    const bytes = Buffer.byteLength(line);
    if (this.size === undefined) this.size = await this.currentSize();
    if (this.size > 0 && this.size + bytes > this.maxBytes) await this.rotate();
    await fs.appendFile(this.file, line, 'utf8');
    this.size += bytes;
  }

  /** Every file that may hold lines, oldest first. */
  files(): string[] {
    const rotated = Array.from({ length: this.keep }, (_, i) => `${this.file}.${this.keep - i}`);
    return [...rotated, this.file];
  }

  private async currentSize(): Promise<number> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    try {
      return (await fs.stat(this.file)).size;
    } catch {
      return 0;
    }
  }

  private async rotate(): Promise<void> {
    await fs.rm(`${this.file}.${this.keep}`, { force: true });
    for (let i = this.keep - 1; i >= 1; i--) await renameIfExists(`${this.file}.${i}`, `${this.file}.${i + 1}`);
    if (this.keep > 0) await renameIfExists(this.file, `${this.file}.1`);
    else await fs.rm(this.file, { force: true });
    this.size = 0;
  }
}

async function renameIfExists(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

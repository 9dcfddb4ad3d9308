/** Fallbacks: record utterances that fell to `None` (masked, bounded on disk) and report the frequent ones. */
export { createFallbackRecorder, FALLBACK_FILE, type FallbackRecorder, type FallbackRecorderOptions } from './recorder';
export { FallbackRecord, toRecord, bestGuess, MAX_RECORD_CHARS } from './record';
export { readFallbacks, groupFallbacks, type FallbackGroup, type GroupOptions, type ReadResult } from './report';
export { RotatingFile, type RotatingFileOptions } from './rotating-file';
export { bigrams, jaccard } from './similarity';

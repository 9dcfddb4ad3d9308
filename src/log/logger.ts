/** Logger: winston JSON lines; every message passes through `redact`, so PII never reaches a transport. */
import crypto from 'node:crypto';
import type { Writable } from 'node:stream';
import SonicBoom from 'sonic-boom';
import winston from 'winston';
import TransportStream from 'winston-transport';
import { redact } from './mask';

export type Logger = winston.Logger;

export interface LoggerOptions {
  level?: string;
  /** Where lines go (default: stdout). Tests pass a stream to capture and audit them. */
  stream?: Writable;
  /**
   * Asynchronous, batched stdout writes (the server): lines queued while a write is in flight go out together,
   * and what is left is written when the process exits. One synchronous write per turn was the largest
   * syscall cost of a turn (bench/results.md).
   */
  buffered?: boolean;
}

const MESSAGE = Symbol.for('message');
/** winston's own JSON format (safe-stable-stringify: keys sorted, cycles cut, bigints as strings): the general case. */
const json = winston.format.json();

/**
 * One format for every line: redact, then add the timestamp (unless given), then serialize. The same line as
 * `combine(redact, timestamp(), json())`, in one step. A line whose fields are all strings, numbers, booleans
 * or null (the turn line, most lines) is serialized here the way `json()` does it (keys sorted, non-finite numbers
 * as null, undefined dropped); anything else goes through `json()` itself.
 */
const lineFormat = winston.format((info) => {
  const fields = info as Record<string, unknown>;
  const clean = redact(fields);
  for (const key of Object.keys(clean)) fields[key] = clean[key];
  if (!fields.timestamp) fields.timestamp = new Date().toISOString();
  const flat = flatJson(fields);
  if (flat === undefined) return json.transform(info, json.options);
  (info as Record<symbol, unknown>)[MESSAGE] = flat;
  return info;
});

/**
 * `json()`'s output for an object of primitives, or undefined when a value is anything else. Native JSON.stringify
 * of a copy with the keys inserted in sorted order writes the same text (non-finite numbers as null, undefined
 * dropped), except for array-index keys, which objects always list first, and `__proto__`: those lines go through
 * `json()`.
 */
function flatJson(fields: Record<string, unknown>): string | undefined {
  const keys = Object.keys(fields).sort();
  const sorted: Record<string, unknown> = {};
  for (const key of keys) {
    const value = fields[key];
    const type = typeof value;
    const primitive = type === 'string' || type === 'number' || type === 'boolean' || type === 'undefined' || value === null;
    if (!primitive || key === '__proto__' || INDEX_KEY.test(key)) return undefined;
    sorted[key] = value;
  }
  return JSON.stringify(sorted);
}

/** Keys an object lists before all others, whatever the insertion order. */
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;

/**
 * @example const log = createLogger({ level: 'info' }); log.child({ module: 'http' }).info('listening')
 */
export function createLogger({ level = 'info', stream, buffered = false }: LoggerOptions = {}): Logger {
  const silent = level === 'silent';
  const transport = stream ? new winston.transports.Stream({ stream }) : buffered ? bufferedStdout() : new winston.transports.Console();
  return winston.createLogger({
    level: silent ? 'error' : level,
    silent,
    format: lineFormat(),
    transports: [transport],
  });
}

/**
 * stdout through sonic-boom (pino's writer) in async mode: a line is written at once when stdout is idle; while a
 * write is in flight, the next lines queue and go out together in one write (so under load, one syscall carries
 * many lines). Whatever is still queued is written synchronously when the process exits.
 */
function bufferedStdout(): TransportStream {
  const out = new SonicBoom({ fd: 1, sync: false });
  process.once('exit', () => {
    try {
      out.flushSync();
    } catch {
      // stdout is gone (closed pipe): nothing left to write to
    }
  });
  return new LineTransport((line) => out.write(line));
}

/** A winston transport handing each finished line to `write`. */
class LineTransport extends TransportStream {
  constructor(private readonly writeLine: (line: string) => void) {
    super();
  }

  override log(info: Record<string | symbol, unknown>, next: () => void): void {
    this.writeLine(`${String(info[MESSAGE])}\n`);
    next();
  }
}

/** A stable pseudonym for a botUserKey, so log lines of one user can be joined without the key itself. */
export function userTag(userKey: string): string {
  let tag = tags.get(userKey);
  if (tag === undefined) {
    tag = crypto.createHash('sha256').update(userKey).digest('hex').slice(0, 12);
    if (tags.size >= MAX_TAGS) tags.clear(); // a user's turns come close together; this only bounds memory
    tags.set(userKey, tag);
  }
  return tag;
}

/** Recent users' tags: one hash per user rather than one per turn. */
const tags = new Map<string, string>();
const MAX_TAGS = 10_000;

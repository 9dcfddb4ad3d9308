/** Logger: winston JSON lines; every message passes through `redact`, so PII never reaches a transport. */
import crypto from 'node:crypto';
import type { Writable } from 'node:stream';
import winston from 'winston';
import { redact } from './mask';

export type Logger = winston.Logger;

export interface LoggerOptions {
  level?: string;
  /** Where lines go (default: stdout). Tests pass a stream to capture and audit them. */
  stream?: Writable;
}

const redactFormat = winston.format((info) => {
  const clean = redact({ ...info }) as Record<string, unknown>;
  for (const key of Object.keys(clean)) (info as Record<string, unknown>)[key] = clean[key];
  return info;
});

/**
 * @example const log = createLogger({ level: 'info' }); log.child({ module: 'http' }).info('listening')
 */
export function createLogger({ level = 'info', stream }: LoggerOptions = {}): Logger {
  const silent = level === 'silent';
  return winston.createLogger({
    level: silent ? 'error' : level,
    silent,
    format: winston.format.combine(redactFormat(), winston.format.timestamp(), winston.format.json()),
    transports: [stream ? new winston.transports.Stream({ stream }) : new winston.transports.Console()],
  });
}

/** A stable pseudonym for a botUserKey, so log lines of one user can be joined without the key itself. */
export function userTag(userKey: string): string {
  return crypto.createHash('sha256').update(userKey).digest('hex').slice(0, 12);
}

/** Password hashing for console users: scrypt (node:crypto) with a random salt; the parameters travel with the hash. */
import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (password: crypto.BinaryLike, salt: crypto.BinaryLike, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

/** N = 2^15, r = 8, p = 1: 32 MiB and ~50-100 ms per hash here (OWASP's scrypt minimum is N = 2^17 with r = 8 at p = 1 … 2^15 is its lower-memory choice). */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LEN = 32;
/** Shortest password accepted. */
export const MIN_PASSWORD = 10;

/**
 * `scrypt$N$r$p$<salt>$<hash>` (base64). Runs on libuv's thread pool, not the event loop.
 * @example await hashPassword('correct horse battery') // 'scrypt$32768$8$1$…$…'
 */
export async function hashPassword(password: string, params: { N: number; r: number; p: number } = SCRYPT_PARAMS): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await derive(password, salt, params, KEY_LEN);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/**
 * Whether `password` matches `stored`, compared in constant time. A malformed `stored` never matches.
 * @example await verifyPassword('correct horse battery', stored) // true
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  if (![N, r, p].every(Number.isInteger) || expected.length < 16) return false;
  const actual = await derive(password, salt, { N, r, p }, expected.length);
  return crypto.timingSafeEqual(actual, expected);
}

/** A stored hash for no password at all: verified against when a name is unknown, so both cases take as long. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  return decoy;
}

function derive(password: string, salt: Buffer, { N, r, p }: { N: number; r: number; p: number }, keylen: number): Promise<Buffer> {
  return scrypt(password.normalize('NFC'), salt, keylen, { N, r, p, maxmem: 256 * N * r });
}

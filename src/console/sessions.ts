/**
 * Console sessions: an opaque random token in the cookie, its sha256 in the database (a copy of the database holds
 * no usable session), a CSRF token per session, 8 hours idle expiry.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../events';
import { secretCheck } from '../http/middleware/shared-secret';

export const SESSION_IDLE_MS = 8 * 3600_000;
/** last_seen is written at most this often per session (a page load makes several requests). */
const TOUCH_MS = 60_000;

export interface SessionUser {
  sessionId: string;
  userId: number;
  name: string;
  role: Role;
  csrfToken: string;
  lastSeen: number;
}

const sha256 = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
const randomToken = () => crypto.randomBytes(32).toString('base64url');

/**
 * @example const { token, csrfToken } = await createSession(db, user.id)
 */
export async function createSession(db: Kysely<Database>, userId: number, now = Date.now()): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  await db.deleteFrom('console_sessions').where('last_seen', '<', now - SESSION_IDLE_MS).execute();
  await db.insertInto('console_sessions').values({ id: sha256(token), user_id: userId, csrf_token: csrfToken, created_at: now, last_seen: now }).execute();
  return { token, csrfToken };
}

/**
 * The live session of a cookie token, or undefined (unknown, malformed or idle too long). Reads only: the caller
 * `touchSession`s once the request is allowed, so a refused request changes nothing.
 */
export async function findSession(db: Kysely<Database>, token: string | undefined, now = Date.now()): Promise<SessionUser | undefined> {
  if (!token || !/^[\w-]{20,100}$/.test(token)) return undefined;
  const id = sha256(token);
  const row = await db
    .selectFrom('console_sessions')
    .innerJoin('console_users', 'console_users.id', 'console_sessions.user_id')
    .select(['console_sessions.id as sessionId', 'console_sessions.csrf_token', 'console_sessions.last_seen', 'console_users.id as userId', 'console_users.name', 'console_users.role'])
    .where('console_sessions.id', '=', id)
    .executeTakeFirst();
  if (!row || now - row.last_seen > SESSION_IDLE_MS) return undefined;
  return { sessionId: row.sessionId, userId: row.userId, name: row.name, role: row.role, csrfToken: row.csrf_token, lastSeen: row.last_seen };
}

/** Mark a session active (at most once a minute). */
export async function touchSession(db: Kysely<Database>, session: SessionUser, now = Date.now()): Promise<void> {
  if (now - session.lastSeen > TOUCH_MS) await db.updateTable('console_sessions').set({ last_seen: now }).where('id', '=', session.sessionId).execute();
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('console_sessions').where('id', '=', sessionId).execute();
}

/** Constant-time comparison of a presented CSRF token with the session's (the webhook's shared-secret check). */
export function csrfMatches(presented: string | string[] | undefined, expected: string): boolean {
  return secretCheck(expected)(presented);
}

/** Console test helpers: users, login through the API, and a snapshot of every table to prove nothing changed. */
import type { Kysely } from 'kysely';
import request from 'supertest';
import { addUser } from '../../src/console';
import type { Database } from '../../src/events';

export const EDITOR = { name: 'mina', password: 'editor-password-1' };
export const VIEWER = { name: 'joon', password: 'viewer-password-1' };

export async function addTestUsers(db: Kysely<Database>): Promise<void> {
  await addUser(db, EDITOR.name, 'editor', EDITOR.password);
  await addUser(db, VIEWER.name, 'viewer', VIEWER.password);
}

export interface Login {
  cookie: string;
  csrf: string;
}

/** Log in through POST /console/api/login; the cookie as a `cookie` request header value. */
export type Target = Parameters<typeof request>[0];

export async function login(app: Target, who: { name: string; password: string }): Promise<Login> {
  const res = await request(app).post('/console/api/login').send(who);
  if (res.status !== 200) throw new Error(`login ${who.name}: ${res.status} ${JSON.stringify(res.body)}`);
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = setCookie.find((c) => c.startsWith('bb_console='));
  if (!cookie) throw new Error('no bb_console cookie');
  return { cookie: cookie.split(';')[0], csrf: res.body.csrfToken as string };
}

const TABLES = ['turn_events', 'inbox_groups', 'inbox_texts', 'console_users', 'console_sessions', 'audit_log'] as const;

/** Every row of every table, as one JSON text (ordered), to compare before and after refused requests. */
export async function snapshot(db: Kysely<Database>): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = await db.selectFrom(t).selectAll().execute().then((rows) => rows.map((r) => JSON.stringify(r)).sort());
  return JSON.stringify(out);
}

/** Console users: name, role and scrypt hash, in the event store's database. */
import type { Kysely } from 'kysely';
import type { ConsoleUser, Database, Role } from '../events';
import { hashPassword, MIN_PASSWORD } from './passwords';

export const ROLES: readonly Role[] = ['viewer', 'editor'];
/** Letters (any script), digits, `.`, `_`, `-`; 2-40 characters. */
export const USER_NAME = /^[\p{L}\p{N}._-]{2,40}$/u;

export class UserError extends Error {
  override name = 'UserError';
}

/** Throws a UserError saying what is wrong with a new password. */
export function checkPassword(password: string): void {
  if (Array.from(password).length < MIN_PASSWORD) throw new UserError(`password must have at least ${MIN_PASSWORD} characters`);
  if (Array.from(password).length > 200) throw new UserError('password is longer than 200 characters');
}

/**
 * @example await addUser(db, 'mina', 'editor', 'a long passphrase')
 */
export async function addUser(db: Kysely<Database>, name: string, role: Role, password: string, now = Date.now()): Promise<void> {
  if (!USER_NAME.test(name)) throw new UserError('name must be 2-40 letters, digits, ".", "_" or "-"');
  if (!ROLES.includes(role)) throw new UserError(`role must be ${ROLES.join(' or ')}`);
  checkPassword(password);
  if (await findUser(db, name)) throw new UserError(`user ${name} already exists`);
  const password_hash = await hashPassword(password);
  await db.insertInto('console_users').values({ name, role, password_hash, created_at: now, updated_at: now }).execute();
}

export function findUser(db: Kysely<Database>, name: string): Promise<ConsoleUser | undefined> {
  return db.selectFrom('console_users').selectAll().where('name', '=', name).executeTakeFirst();
}

export function listUsers(db: Kysely<Database>): Promise<Array<Pick<ConsoleUser, 'name' | 'role' | 'created_at' | 'updated_at'>>> {
  return db.selectFrom('console_users').select(['name', 'role', 'created_at', 'updated_at']).orderBy('name').execute();
}

/** Removes the user and (by cascade) their sessions; false when there was no such user. */
export async function removeUser(db: Kysely<Database>, name: string): Promise<boolean> {
  const user = await findUser(db, name);
  if (!user) return false;
  await db.deleteFrom('console_sessions').where('user_id', '=', user.id).execute();
  await db.deleteFrom('console_users').where('id', '=', user.id).execute();
  return true;
}

/** Sets a new password and ends the user's sessions; false when there was no such user. */
export async function setPassword(db: Kysely<Database>, name: string, password: string, now = Date.now()): Promise<boolean> {
  checkPassword(password);
  const user = await findUser(db, name);
  if (!user) return false;
  const password_hash = await hashPassword(password);
  await db.updateTable('console_users').set({ password_hash, updated_at: now }).where('id', '=', user.id).execute();
  await db.deleteFrom('console_sessions').where('user_id', '=', user.id).execute();
  return true;
}

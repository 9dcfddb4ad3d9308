/** The audit log: who changed what, when (logins, inbox actions, user changes from the CLI). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../events';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: unknown;
}

/**
 * @example await audit(db, 'mina', 'inbox.label', 'inbox:17', { intent: 'faq.signup' })
 */
export async function audit(db: Kysely<Database> | Transaction<Database>, actor: string, action: string, target: string | null, detail?: unknown, now = Date.now()): Promise<void> {
  await db.insertInto('audit_log').values({ at: now, actor, action, target, detail: detail === undefined ? null : JSON.stringify(detail) }).execute();
}

/** Newest first, `pageSize` a page. */
export async function auditPage(db: Kysely<Database>, page: number, pageSize = 50): Promise<AuditEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, target: r.target, detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown) }));
}

/** 001: turn events, the inbox, console users and sessions, the audit log. */
import { PostgresAdapter, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the schema as it was then, not as the types say it is now.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

/** An integer primary key numbered by the database: `serial` in PostgreSQL, `integer … autoincrement` in SQLite. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function withId(db: Db): <T extends CreateTableBuilder<any, any>>(t: T) => T {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  return (t) => (pg ? t.addColumn('id', 'serial', (c: ColumnDefinitionBuilder) => c.primaryKey()) : t.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement())) as typeof t;
}

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('turn_events')
    .$call(withId(db))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('user_tag', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('intent', 'text')
    .addColumn('score', 'double precision')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('flow', 'text')
    .addColumn('step', 'text')
    .addColumn('latency_ms', 'integer', (c) => c.notNull())
    .addColumn('model_version', 'text')
    .addColumn('content_version', 'text')
    .addColumn('text', 'text')
    .addColumn('guess_intent', 'text')
    .addColumn('guess_score', 'double precision')
    .execute();
  await db.schema.createIndex('turn_events_day').on('turn_events').columns(['day', 'outcome']).execute();
  await db.schema.createIndex('turn_events_user').on('turn_events').columns(['user_tag', 'at']).execute();
  await db.schema.createIndex('turn_events_at').on('turn_events').column('at').execute();

  await db.schema
    .createTable('inbox_groups')
    .$call(withId(db))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('first_seen', 'bigint', (c) => c.notNull())
    .addColumn('last_seen', 'bigint', (c) => c.notNull())
    .addColumn('guess_intent', 'text')
    .addColumn('guess_score', 'double precision')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('new'))
    .addColumn('label', 'text')
    .addColumn('acted_by', 'text')
    .addColumn('acted_at', 'bigint')
    .addColumn('exported_at', 'bigint')
    .execute();
  await db.schema.createIndex('inbox_groups_state').on('inbox_groups').columns(['state', 'count', 'id']).execute();
  await db.schema
    .createTable('inbox_texts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'integer', (c) => c.notNull().references('inbox_groups.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('last_seen', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbox_texts_group').on('inbox_texts').columns(['group_id', 'count']).execute();

  await db.schema
    .createTable('console_users')
    .$call(withId(db))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('console_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('console_users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('audit_log')
    .$call(withId(db))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of ['audit_log', 'console_sessions', 'console_users', 'inbox_texts', 'inbox_groups', 'turn_events']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

/**
 * PostgreSQL for tests: a throw-away database on the server DATABASE_URL names (CI starts one: .ci/run).
 * Without DATABASE_URL the PostgreSQL suites are skipped, saying so.
 */
import crypto from 'node:crypto';
import { Client } from 'pg';

export const PG_URL = process.env.DATABASE_URL;

if (!PG_URL) {
  // visible in the jest output, once per file that imports this
  console.warn('DATABASE_URL is not set: PostgreSQL suites are skipped (CI sets it; see .ci/run)');
}

/** `describe` when DATABASE_URL is set, `describe.skip` otherwise. */
export const describePg = PG_URL ? describe : describe.skip;

/**
 * Create an empty database for one test file; `drop()` removes it.
 * @example const { url, drop } = await freshPgDatabase(); ... await drop()
 */
export async function freshPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bluebot_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL as string);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

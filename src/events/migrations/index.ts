/**
 * Every migration, in order. To change the schema, add a module `NNN_what.ts` exporting `up` (and `down`) and list it
 * here: names sort as they run. The list is code, not a folder scan, so it works from src/ (tsx, jest) and dist/ alike.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001_initial';
import * as m002 from './002_content_versions';
import * as m003 from './003_drop_at_index';
import * as m004 from './004_event_bounds';
import * as m005 from './005_event_codes';
import * as m006 from './006_event_shapes';

export const MIGRATIONS: Record<string, Migration> = {
  '001_initial': m001,
  '002_content_versions': m002,
  '003_drop_at_index': m003,
  '004_event_bounds': m004,
  '005_event_codes': m005,
  '006_event_shapes': m006,
};

/** Kysely's Migrator reads migrations from this provider; other modules (issue #14) may pass extra ones. */
export function migrationProvider(extra: Record<string, Migration> = {}): MigrationProvider {
  return { getMigrations: async () => ({ ...MIGRATIONS, ...extra }) };
}

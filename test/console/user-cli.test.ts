/** `npm run console:user`: add (password from stdin), list, passwd, remove; from src/ (tsx) and from dist/. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findUser, verifyPassword } from '../../src/console';
import { openEventStore } from '../../src/events';
import { ROOT } from '../helpers/app';
import { runCli, tempDb } from '../tools/helpers';

const CLI = 'src/cli/console-user.ts';

describe('console:user', () => {
  const file = tempDb('users');
  const env = { EVENTS_DB: file, DATABASE_URL: '' };

  it('adds a user with the password from stdin, hashed with scrypt; lists; changes the password; removes', async () => {
    const add = await runCli(CLI, ['add', 'mina', '--role', 'editor'], 'a-long-passphrase\n', env);
    expect([add.code, add.stdout.trim()]).toEqual([0, 'added mina (editor)']);
    const store = await openEventStore({ EVENTS_DB: file, CONTENT_DIR: '.' });
    try {
      const user = await findUser(store.db, 'mina');
      expect(user?.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(user?.password_hash).not.toContain('a-long-passphrase');
      expect(await verifyPassword('a-long-passphrase', user!.password_hash)).toBe(true);
      expect((await runCli(CLI, ['add', 'mina', '--role', 'viewer'], 'another-passphrase\n', env)).stdout).toContain('already exists');
      expect((await runCli(CLI, ['add', 'short', '--role', 'viewer'], 'short\n', env)).code).toBe(1);
      expect((await runCli(CLI, ['add', 'x', '--role', 'admin'], 'whatever-long\n', env)).code).toBe(2);
      const list = await runCli(CLI, ['list'], '', env);
      expect(list.stdout).toMatch(/^mina\s+editor\s+created \d{4}-\d\d-\d\d$/m);
      expect((await runCli(CLI, ['passwd', 'mina'], 'new-long-passphrase\n', env)).code).toBe(0);
      expect(await verifyPassword('new-long-passphrase', (await findUser(store.db, 'mina'))!.password_hash)).toBe(true);
      expect((await runCli(CLI, ['remove', 'mina'], '', env)).stdout.trim()).toBe('removed mina');
      expect(await findUser(store.db, 'mina')).toBeUndefined();
      expect((await runCli(CLI, ['remove', 'mina'], '', env)).code).toBe(1);
      const actions = await store.db.selectFrom('audit_log').select(['actor', 'action']).orderBy('id').execute();
      expect(actions).toEqual([
        { actor: 'cli', action: 'user.add' },
        { actor: 'cli', action: 'user.passwd' },
        { actor: 'cli', action: 'user.remove' },
      ]);
    } finally {
      await store.close();
    }
  });

  it('runs from dist/ with node alone', async () => {
    const built = path.join(ROOT, 'dist', 'cli', 'console-user.js');
    // as `npm start` does: build only when src/ is newer than the last build (CI has built already)
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-stale.js')], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status).toBe(0);
    expect(fs.existsSync(built)).toBe(true);
    const out = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [built, 'add', 'joon', '--role', 'viewer'], { cwd: ROOT, env: { ...process.env, ...env } });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.on('close', (code) => resolve({ code, stdout }));
      child.stdin.end('viewer-passphrase\n');
    });
    expect([out.code, out.stdout.trim()]).toEqual([0, 'added joon (viewer)']);
  }, 120_000);
});

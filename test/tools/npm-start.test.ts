/**
 * `npm start` as an operator runs it: with dist/ up to date it does not rebuild, it reaches /readyz quickly, and a
 * SIGTERM sent to npm stops the server (the start script execs node, so the signal reaches it).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/app';
import { getStatus, spawnServer, type ServerProcess } from '../helpers/server-process';

const STALE_CHECK = path.join(ROOT, 'scripts', 'build-if-stale.js');

describe('npm start', () => {
  let server: ServerProcess | undefined;
  beforeAll(() => {
    // build once if needed, so the start below finds dist/ up to date (as after `npm ci && npm run build`)
    const built = spawnSync(process.execPath, [STALE_CHECK], { cwd: ROOT, encoding: 'utf8' });
    expect(built.status).toBe(0);
    expect(spawnSync(process.execPath, [STALE_CHECK, '--check'], { cwd: ROOT, encoding: 'utf8' }).stdout).toContain('up to date');
  }, 120_000);
  afterAll(() => {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it('skips the build when dist/ is up to date, serves, and stops on SIGTERM sent to npm', async () => {
    const began = Date.now();
    server = await spawnServer({ command: ['npm', 'start', '--silent'], echoStderr: false });
    const readyMs = Date.now() - began;
    expect(server.stderr()).not.toContain('building dist/');
    expect((await getStatus(server.port, '/readyz')).status).toBe(200);
    // a prebuilt server answers within seconds (the build alone took 8–20 s; 8 s leaves room for a loaded machine)
    expect(readyMs).toBeLessThan(8_000);
    server.child.kill('SIGTERM'); // to npm, not to node
    const { code } = await server.exited;
    expect(code).toBe(0);
    await server.waitFor('stopped');
    await expect(getStatus(server.port, '/healthz')).rejects.toThrow(/ECONNREFUSED/);
  }, 60_000);

  it('--check reads dist/ as stale once a source is newer than the last build', () => {
    const check = () => spawnSync(process.execPath, [STALE_CHECK, '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(check().stdout).toContain('up to date');
    const stamp = path.join(ROOT, 'dist', '.build-stamp');
    const { mtime } = fs.statSync(stamp);
    fs.utimesSync(stamp, new Date(1_000_000), new Date(1_000_000)); // a build older than every source
    try {
      expect(check()).toMatchObject({ status: 1, stdout: expect.stringMatching(/^stale: src changed since the last build/) });
    } finally {
      fs.utimesSync(stamp, mtime, mtime);
    }
  });
});

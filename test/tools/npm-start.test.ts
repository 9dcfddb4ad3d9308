/**
 * `npm start` as an operator runs it: with dist/ up to date it does not rebuild, it reaches /readyz quickly, and a
 * SIGTERM sent to npm stops the server (the start script execs node, so the signal reaches it).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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
    // the defaults an operator gets (CONTENT_VERSIONS unset = on, versions in a SQLite file, no other server); only the
    // database file is a temp one, so this test never touches var/
    const eventsDb = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bluebot-npm-start-')), 'events.sqlite');
    server = await spawnServer({ command: ['npm', 'start', '--silent'], echoStderr: false, env: { CONTENT_VERSIONS: '', EVENTS_DB: eventsDb } });
    const readyMs = Date.now() - began;
    expect(server.stderr()).not.toContain('building dist/');
    expect((await getStatus(server.port, '/readyz')).status).toBe(200);
    // publish is there out of the box: the files became version 1 in the embedded SQLite database
    expect(server.lines.find((l) => l.message === 'content versions synced with the files')).toMatchObject({ live: 1 });
    // 0.9–1.6 s here when the machine is calm; 15 s leaves room for a loaded one (the stderr check above is the proof)
    expect(readyMs).toBeLessThan(15_000);
    server.child.kill('SIGTERM'); // to npm, not to node
    const { code } = await server.exited;
    expect(code).toBe(0);
    await server.waitFor('stopped');
    await expect(getStatus(server.port, '/healthz')).rejects.toThrow(/ECONNREFUSED/);
  }, 60_000);

  it('--check reads dist/ as stale once a build input is newer than the last build (in a copy, never the real dist/)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bluebot-stale-'));
    fs.mkdirSync(path.join(root, 'scripts'));
    fs.copyFileSync(STALE_CHECK, path.join(root, 'scripts', 'build-if-stale.js'));
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src', 'a.ts'), 'export {};\n');
    const check = () => spawnSync(process.execPath, [path.join(root, 'scripts', 'build-if-stale.js'), '--check'], { encoding: 'utf8' });
    expect(check()).toMatchObject({ status: 1, stdout: expect.stringContaining('stale: dist/ was not built by this script yet') });
    fs.mkdirSync(path.join(root, 'dist'));
    expect(spawnSync(process.execPath, [path.join(root, 'scripts', 'build-if-stale.js'), '--stamp']).status).toBe(0);
    const past = new Date(Date.now() - 60_000);
    for (const p of [path.join(root, 'src', 'a.ts'), path.join(root, 'src')]) fs.utimesSync(p, past, past);
    expect(check()).toMatchObject({ status: 0, stdout: expect.stringContaining('up to date') });
    fs.writeFileSync(path.join(root, 'src', 'a.ts'), 'export const changed = 1;\n');
    expect(check()).toMatchObject({ status: 1, stdout: expect.stringMatching(/^stale: src changed since the last build/) });
  });
});

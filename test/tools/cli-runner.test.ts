/**
 * scripts/cli.js, behind `npm run train|eval|chat|validate|report:fallbacks|console:user`: runs the CLI from source
 * (tsx) in development and from dist/ in production (the image has neither tsx nor src/), and hands signals on.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/app';

const CLI = path.join(ROOT, 'scripts', 'cli.js');
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });

beforeAll(() => {
  expect(spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-stale.js')], { cwd: ROOT }).status).toBe(0);
}, 120_000);

describe('scripts/cli.js', () => {
  it.each([['source', {}], ['dist', { BLUEBOT_CLI_FROM: 'dist' }]])('runs validate from %s', (_from, env) => {
    const res = run(['validate'], env);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('content OK');
  }, 60_000);

  it.each([[['no-such-cli'], 'no CLI "no-such-cli"'], [[], 'usage:'], [['../index'], 'usage:']])('%j: exit 2 with one line', (args, message) => {
    const res = run(args);
    expect(res.status).toBe(2);
    expect(res.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(message)]);
  });

  it('passes the CLI exit code through', () => {
    const res = run(['validate', '--root', '/no/such/content']);
    expect(res.status).toBe(1);
  }, 60_000);

  it('hands SIGTERM on: the CLI stops with it, and nothing is left running', async () => {
    const child = spawn(process.execPath, [CLI, 'chat'], { cwd: ROOT, env: { ...process.env, BLUEBOT_CLI_FROM: 'dist' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.write('처음으로\n'); // answered once the bot is up: the CLI is running
    for (let i = 0; i < 300 && !out.includes('안녕하세요'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain('안녕하세요');
    const inner = spawnSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], { encoding: 'utf8' }).stdout.trim().split('\n').map(Number);
    expect(inner).toHaveLength(1);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    expect(() => process.kill(inner[0], 0)).toThrow(); // the CLI process is gone too
  }, 60_000);

  it('npm run chat says that it trains first, and how long it took, when there is no model', () => {
    const modelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluebot-chat-model-'));
    const res = spawnSync(process.execPath, [CLI, 'chat'], { cwd: ROOT, encoding: 'utf8', input: '리프레시 교육이 뭐예요\n', env: { ...process.env, MODEL_DIR: modelDir, NO_COLOR: '1' }, timeout: 90_000 });
    expect(res.status).toBe(0);
    expect(res.stderr).toMatch(/^Training the NLU model first \(no artifact for the current intents\/ and synonyms\); this takes a few seconds…\nTrained in \d+\.\d s, saved as .*model-[0-9a-f]{16}\.json\.\n/);
    expect(res.stdout).toContain('품질 개선 교육');
    // the second start loads the saved model and says nothing about training
    const again = spawnSync(process.execPath, [CLI, 'chat'], { cwd: ROOT, encoding: 'utf8', input: '메뉴\n', env: { ...process.env, MODEL_DIR: modelDir }, timeout: 90_000 });
    expect(again.stderr).not.toContain('Training');
  }, 120_000);
});

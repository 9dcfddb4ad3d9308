/**
 * Configuration errors as one-line messages: the real server process (src/index.ts) exits 1 with a single stderr
 * line naming the setting, never a stack trace.
 */
import net from 'node:net';
import { spawnServer } from '../helpers/server-process';

async function startFails(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const server = await spawnServer({ env, until: null, echoStderr: false });
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 30_000);
  const { code } = await server.exited;
  clearTimeout(timer);
  return { code, stderr: server.stderr() };
}

function expectOneLine(stderr: string, pattern: RegExp): void {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(pattern)]);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('startup with a wrong setting', () => {
  it.each<[string, Record<string, string>, RegExp]>([
    ['a HOST that does not resolve', { HOST: 'no-such-host.invalid' }, /^Cannot listen: HOST=no-such-host\.invalid: the host name does not resolve \(ENOTFOUND\)$/],
    ['a HOST that is not this machine', { HOST: '192.0.2.1' }, /^Cannot listen: HOST=192\.0\.2\.1: not an address of this machine \(EADDRNOTAVAIL\)$/],
    ['ADMIN_PORT equal to PORT', { PORT: '18081', ADMIN_PORT: '18081' }, /^Invalid config: ADMIN_PORT: 18081 is also PORT/],
    ['REDIS_URL=garbage', { SESSION_STORE: 'redis', REDIS_URL: 'garbage' }, /^Invalid config: REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/],
    ['REDIS_URL=http://x', { SESSION_STORE: 'redis', REDIS_URL: 'http://x' }, /^Invalid config: REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/],
    ['a CONTENT_DIR that does not exist', { CONTENT_DIR: '/no/such/content' }, /^Invalid config: CONTENT_DIR: folder \/no\/such\/content does not exist/],
    ['a boolean that is not one', { OPERATOR_BUTTON: 'maybe' }, /^Invalid config: OPERATOR_BUTTON: expected true\/false, on\/off, yes\/no or 1\/0/],
    ['a switch that is not one', { METRICS: 'sometimes' }, /^Invalid config: METRICS: expected on\/off/],
    ['two bad settings', { PORT: 'eighty', LOG_LEVEL: 'loud' }, /^Invalid config: PORT: .*; LOG_LEVEL: /],
  ])('%s: exit 1 with one line naming it', async (_name, env, pattern) => {
    const { code, stderr } = await startFails(env);
    expect(code).toBe(1);
    expectOneLine(stderr, pattern);
  }, 40_000);

  it.each([['PORT', {}], ['ADMIN_PORT', { PORT: '0' }]])('a %s already in use: exit 1 with one line naming it', async (name, env) => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const { code, stderr } = await startFails({ ...env, [name]: String(port) });
      expect(code).toBe(1);
      const host = name === 'ADMIN_PORT' ? 'ADMIN_HOST' : 'HOST'; // the admin port binds ADMIN_HOST (127.0.0.1 by default)
      expectOneLine(stderr, new RegExp(`^Cannot listen: ${name}=${port}: the port is already in use on ${host}=127\\.0\\.0\\.1 \\(EADDRINUSE\\)$`));
    } finally {
      taken.close();
    }
  }, 40_000);

  it('a REDIS_URL with a password is never echoed', async () => {
    const { stderr } = await startFails({ SESSION_STORE: 'redis', REDIS_URL: 'http://:hunter2secret@redis:6379' });
    expect(stderr).not.toContain('hunter2secret');
  }, 40_000);
});

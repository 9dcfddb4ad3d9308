/** Config: env vars validated at startup, wrong values named. */
import { ConfigError, loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('has working defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c).toEqual(expect.objectContaining({ PORT: 8080, LOG_LEVEL: 'info', SESSION_STORE: 'memory', OPERATOR_BUTTON: false }));
  });

  it('parses numbers and booleans', () => {
    const c = loadConfig({ PORT: '3000', OPERATOR_BUTTON: 'true', SESSION_TTL_MS: '5000' });
    expect([c.PORT, c.OPERATOR_BUTTON, c.SESSION_TTL_MS]).toEqual([3000, true, 5000]);
  });

  it('treats empty strings as unset', () => {
    const c = loadConfig({ PORT: '', SKILL_SECRET: '' });
    expect(c.PORT).toBe(8080);
    expect(c.SKILL_SECRET).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ OPERATOR_BUTTON: 'maybe' }, 'OPERATOR_BUTTON'],
    [{ SESSION_STORE: 'mongo' }, 'SESSION_STORE'],
    [{ SESSION_STORE: 'redis' }, 'REDIS_URL'],
  ])('rejects %j naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});

describe('booleans and switches', () => {
  it.each(['true', 'TRUE', 'True', 'on', 'ON', 'yes', 'Yes', '1', ' true '])('OPERATOR_BUTTON=%j is true', (v) => {
    expect(loadConfig({ OPERATOR_BUTTON: v }).OPERATOR_BUTTON).toBe(true);
  });
  it.each(['false', 'FALSE', 'off', 'Off', 'no', 'NO', '0'])('OPERATOR_BUTTON=%j is false', (v) => {
    expect(loadConfig({ OPERATOR_BUTTON: v }).OPERATOR_BUTTON).toBe(false);
  });
  it.each([
    ['on', 'on'], ['ON', 'on'], ['true', 'on'], ['Yes', 'on'], ['1', 'on'],
    ['off', 'off'], ['OFF', 'off'], ['false', 'off'], ['no', 'off'], ['0', 'off'],
  ])('SIMULATOR=%j and METRICS=%j read as %s', (v, expected) => {
    const c = loadConfig({ SIMULATOR: v, METRICS: v });
    expect([c.SIMULATOR, c.METRICS]).toEqual([expected, expected]);
  });
});

describe('one-line errors naming the setting', () => {
  it.each([
    [{ REDIS_URL: 'garbage' }, 'REDIS_URL: must be a redis:// or rediss:// URL'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL: must be a redis:// or rediss:// URL'],
    [{ CONTENT_DIR: '/no/such/dir' }, 'CONTENT_DIR: folder /no/such/dir does not exist'],
    [{ PORT: '9000', ADMIN_PORT: '9000' }, 'ADMIN_PORT: 9000 is also PORT'],
    [{ OPERATOR_BUTTON: 'maybe' }, 'OPERATOR_BUTTON: expected true/false'],
  ])('%j → %s', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('accepts redis:// and rediss:// URLs, and PORT=0 with ADMIN_PORT=0 (both picked by the system)', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(loadConfig({ REDIS_URL: 'rediss://:pw@cache.example:6380/2' }).REDIS_URL).toBe('rediss://:pw@cache.example:6380/2');
    expect(loadConfig({ PORT: '0', ADMIN_PORT: '0' }).ADMIN_PORT).toBe(0);
  });

  it('never echoes a REDIS_URL, which may hold a password', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://:hunter2@x' })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
  });
});

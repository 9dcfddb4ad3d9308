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

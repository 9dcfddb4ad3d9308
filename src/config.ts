/** Config: environment variables validated by zod at startup; a wrong value exits with a clear message. */
import fs from 'node:fs';
import { z } from 'zod';
import { keyBytes } from './privacy/seal';

const TRUE = ['true', '1', 'on', 'yes'];
const FALSE = ['false', '0', 'off', 'no'];
const BOOL_HELP = 'expected true/false, on/off, yes/no or 1/0 (any case)';
/** A boolean setting: true/false, on/off, yes/no, 1/0, in any case. */
const bool = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .refine((v) => TRUE.includes(v) || FALSE.includes(v), BOOL_HELP)
  .transform((v) => TRUE.includes(v));
/**
 * A switch read as `on` | `off` (plus any `extra` values, e.g. `public`); every boolean spelling is accepted too.
 * @example onOff().parse('TRUE') // 'on'
 */
function onOff<const E extends string = never>(...extra: E[]) {
  const values = ['on', 'off', ...extra] as ['on', 'off', ...E[]];
  return z
    .string()
    .transform((v) => {
      const s = v.trim().toLowerCase();
      return TRUE.includes(s) ? 'on' : FALSE.includes(s) ? 'off' : s;
    })
    .pipe(z.enum(values, { error: `expected on/off${extra.map((e) => `/${e}`).join('')} (or true/false, yes/no, 1/0)` }));
}
/** A Redis address: redis:// or rediss:// (TLS). The value is never echoed (it may hold a password). */
const redisUrl = z.string().refine((v) => /^rediss?:\/\/\S+$/i.test(v) && URL.canParse(v), 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379');
/** The content folder must exist (else every response would be reported missing, one by one). */
const contentDir = z.string().refine((dir) => fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true, {
  error: (issue) => `folder ${String(issue.input)} does not exist (it must hold intents/, responses/ and flows/)`,
});
const port = z.coerce.number().int().min(0).max(65535);
const ms = z.coerce.number().int().positive();
/** A port, or `off` (no such listener). */
const portOrOff = z.union([z.string().trim().toLowerCase().pipe(z.literal('off')), port], { error: 'expected a port (0-65535) or off' });
/** A 256-bit key: 64 hex digits, or 32 bytes in base64 (`openssl rand -base64 32`). */
const sessionKey = z.string().refine((v) => keyBytes(v) !== undefined, 'must be 32 bytes: 64 hex digits or base64 (openssl rand -base64 32)');

export const ConfigSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly', 'silent']).default('info'),
  CONTENT_DIR: contentDir.default('.'),
  MODEL_DIR: z.string().default('models'),
  OPERATOR_BUTTON: bool.default(false),
  SESSION_STORE: z.enum(['memory', 'redis']).default('memory'),
  REDIS_URL: redisUrl.optional(),
  SESSION_TTL_MS: ms.default(10 * 60_000),
  SESSION_MAX: ms.default(50_000),
  TURN_BUDGET_MS: ms.default(4_000),
  STORE_TIMEOUT_MS: ms.default(1_000),
  SKILL_SECRET: z.string().min(1).optional(),
  SKILL_SECRET_HEADER: z.string().min(1).default('x-skill-secret'),
  BOT_ID: z.string().min(1).optional(),
  RATE_LIMIT_TURNS: ms.default(30),
  RATE_LIMIT_WINDOW_MS: ms.default(10_000),
  SIMULATOR: onOff('public').default('on'),
  METRICS: onOff().default('on'),
  ADMIN_PORT: portOrOff.default(8081),
  ADMIN_HOST: z.string().default('127.0.0.1'),
  // Privacy and abuse limits (README "Security and hardening")
  LOG_UTTERANCES: z.enum(['off', 'masked']).default('off'),
  MAX_CONNECTIONS: ms.default(900),
  MAX_IN_FLIGHT: ms.default(1000),
  RATE_LIMIT_TOTAL: ms.default(100_000),
  SESSION_KEY: sessionKey.optional(),
  SESSION_KEY_ID: z.string().regex(/^[\w-]{1,16}$/, 'letters, digits, - and _ (at most 16)').default('k1'),
  SESSION_KEYS: z.string().regex(/^[\w-]{1,16}:[A-Za-z0-9+/=]+(?:,[\w-]{1,16}:[A-Za-z0-9+/=]+)*$/, 'id:key,id:key… (the first one encrypts)').optional(),
  /** `off` records no turn events (benchmarks compare both sides); the console still serves what is stored. */
  EVENTS: onOff().default('on'),
  /** PostgreSQL for the event store (several instances share it); unset means SQLite in EVENTS_DB. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(?:ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** The SQLite file of the event store when DATABASE_URL is unset (relative to CONTENT_DIR); `:memory:` for none. */
  EVENTS_DB: z.string().default('var/bluebot.sqlite'),
  /** `on`: content versions in the event store's database (issue #14): files are imported at start, the live version is followed. */
  CONTENT_VERSIONS: z.enum(['on', 'off']).default('on'),
  /** How often an instance checks the database for a newly published or rolled-back version. */
  CONTENT_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** A publish whose training takes longer is stopped; the live version keeps serving. */
  PUBLISH_TRAIN_TIMEOUT_MS: z.coerce.number().int().min(1000).default(300_000),
  /** Turn events older than this many days are deleted (checked hourly). */
  EVENT_RETENTION_DAYS: z.coerce.number().int().positive().max(3650).default(90),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parse config from an env object (defaults to `process.env`); empty strings count as unset.
 * @example loadConfig({ PORT: '3000' }).PORT // 3000
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ConfigSchema.safeParse(cleaned);
  if (result.success) {
    if (result.data.SESSION_STORE === 'redis' && !result.data.REDIS_URL) {
      throw new ConfigError('Invalid config: SESSION_STORE=redis needs REDIS_URL (e.g. redis://127.0.0.1:6379)');
    }
    if (result.data.ADMIN_PORT !== 'off' && result.data.ADMIN_PORT !== 0 && result.data.ADMIN_PORT === result.data.PORT) {
      throw new ConfigError(`Invalid config: ADMIN_PORT: ${result.data.ADMIN_PORT} is also PORT; pick another port, or ADMIN_PORT=off (then /metrics is on PORT and the simulator is off unless SIMULATOR=public)`);
    }
    const badKey = result.data.SESSION_KEYS?.split(',').find((pair) => keyBytes(pair.slice(pair.indexOf(':') + 1)) === undefined);
    if (badKey) throw new ConfigError(`Invalid config: SESSION_KEYS: key "${badKey.split(':')[0]}" must be 32 bytes: 64 hex digits or base64`);
    return result.data;
  }
  // one line, naming every bad setting (never its value: it may be a secret)
  const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid config: ${problems.join('; ')}`);
}

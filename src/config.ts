/** Config: environment variables validated by zod at startup; a wrong value exits with a clear message. */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no', ''])
  .transform((v) => ['true', '1', 'on', 'yes'].includes(v));
const port = z.coerce.number().int().min(0).max(65535);
const ms = z.coerce.number().int().positive();

export const ConfigSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly', 'silent']).default('info'),
  CONTENT_DIR: z.string().default('.'),
  MODEL_DIR: z.string().default('models'),
  OPERATOR_BUTTON: bool.default(false),
  SESSION_STORE: z.enum(['memory', 'redis']).default('memory'),
  REDIS_URL: z.string().optional(),
  SESSION_TTL_MS: ms.default(10 * 60_000),
  SESSION_MAX: ms.default(50_000),
  TURN_BUDGET_MS: ms.default(4_000),
  STORE_TIMEOUT_MS: ms.default(1_000),
  SKILL_SECRET: z.string().min(1).optional(),
  SKILL_SECRET_HEADER: z.string().min(1).default('x-skill-secret'),
  BOT_ID: z.string().min(1).optional(),
  RATE_LIMIT_TURNS: ms.default(30),
  RATE_LIMIT_WINDOW_MS: ms.default(10_000),
  SIMULATOR: z.enum(['on', 'off']).default('on'),
  METRICS: z.enum(['on', 'off']).default('on'),
  ADMIN_PORT: port.optional(),
  /** `off` records no turn events (benchmarks compare both sides); the console still serves what is stored. */
  EVENTS: z.enum(['on', 'off']).default('on'),
  /** PostgreSQL for the event store (several instances share it); unset means SQLite in EVENTS_DB. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(?:ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** The SQLite file of the event store when DATABASE_URL is unset (relative to CONTENT_DIR); `:memory:` for none. */
  EVENTS_DB: z.string().default('var/bluebot.sqlite'),
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
    return result.data;
  }
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid config:\n${lines.join('\n')}`);
}

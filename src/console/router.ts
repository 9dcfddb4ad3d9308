/**
 * The support team's console: pages from public/console/ at /console/, and the JSON API under /console/api/
 * (README "Console API"). Every API route but `login` needs a session cookie; every change needs the session's CSRF
 * token in `x-csrf-token` and the editor role. A refused request (401/403/415/429) changes nothing.
 */
import path from 'node:path';
import express, { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { changeGroups, inboxItem, inboxPage, kstDay, stats, userTurns, type Database, type InboxChange, type StoreHandle } from '../events';
import { jsonBody } from '../http/body';
import { OWN_PAGES_CSP } from '../http/middleware/security';
import { WindowCounter } from '../http/middleware/window-counter';
import { userTag, type Logger } from '../log/logger';
import { consoleAssets } from './assets';
import { audit, auditPage } from './audit';
import type { Catalog } from './catalog';
import { decoyHash, verifyPassword } from './passwords';
import { createSession, csrfMatches, deleteSession, findSession, SESSION_IDLE_MS, touchSession, type SessionUser } from './sessions';
import { findUser } from './users';

export const COOKIE = 'bb_console';
/** Same folder from src/ (tests, tsx) and dist/ (npm start): `<repo>/public/console`. */
export const CONSOLE_ASSETS = path.resolve(__dirname, '../../public/console');

export interface LoginLimits {
  /** Failed logins per name in the window before 429. */
  perName: number;
  /** Failed logins per client address in the window before 429. */
  perIp: number;
  windowMs: number;
}

export interface ConsoleOptions {
  events: StoreHandle;
  catalog: Catalog;
  logger: Logger;
  assetsDir?: string;
  now?: () => number;
  loginLimits?: LoginLimits;
  /** More API routes (issue #14's content routes, src/console/content-routes.ts), added before the catch-all 404. */
  extend?: Array<(api: Router, tools: ApiTools) => void>;
}

/**
 * What an API extension gets: the session/CSRF/role guard of this router. Bodies need nothing more: every API
 * request but GET/HEAD has its body read by the router (`CONSOLE_BODY_LIMIT_BYTES`, src/http/body.ts's rules).
 */
export interface ApiTools {
  authed: (handler: (req: Request, res: Response, locals: Locals) => Promise<void>, opts?: { write?: boolean; role?: 'viewer' | 'editor' }) => RequestHandler;
}

/** Console API bodies above this are refused with 413 (16 KB: an answer with its bubbles fits many times). */
export const CONSOLE_BODY_LIMIT_BYTES = 16 * 1024;

const DEFAULT_LIMITS: LoginLimits = { perName: 5, perIp: 20, windowMs: 15 * 60_000 };


const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a date');
const Id = z.string().regex(/^[1-9]\d{0,9}$/, 'must be a positive integer').transform(Number);
const StatsQuery = z.strictObject({ from: Day.optional(), to: Day.optional() });
const InboxQuery = z.strictObject({
  state: z.enum(['new', 'done', 'ignored']).default('new'),
  q: z.string().max(200).optional(),
  page: z.string().regex(/^\d{1,6}$/, 'must be a positive integer').transform(Number).pipe(z.number().int().min(1)).default(1),
  pageSize: z.string().regex(/^\d{1,3}$/, 'must be 1-200').transform(Number).pipe(z.number().int().min(1).max(200)).default(50),
});
const AuditQuery = z.strictObject({ page: z.string().regex(/^\d{1,6}$/, 'must be a positive integer').transform(Number).pipe(z.number().int().min(1)).default(1) });
const LoginBody = z.strictObject({ name: z.string().min(1).max(100), password: z.string().min(1).max(1000) });
const LabelBody = z.strictObject({ intent: z.string().min(1).max(100) });
const OutOfScopeBody = z.strictObject({ topic: z.string().min(1).max(100).optional() });
const EmptyBody = z.strictObject({});
const BulkBody = z.strictObject({
  ids: z.array(z.number().int().positive()).min(1).max(500),
  action: z.enum(['label', 'out-of-scope', 'ignore']),
  intent: z.string().min(1).max(100).optional(),
  topic: z.string().min(1).max(100).optional(),
});

/** A request the console refuses: status + message, answered as `{error}`. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** `field: message` of the first zod issue. */
export function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.length ? issue.path.join('.') : where;
  const message = issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : issue.message;
  throw new Refusal(400, `invalid ${field}: ${message}`);
}

export interface Locals {
  db: Kysely<Database>;
  user: SessionUser;
}

/**
 * @example adminRoutes.push(consoleRoutes({ events, catalog: catalogOf(root, content), logger }))
 */
export function consoleRoutes({ events, catalog, logger, assetsDir = CONSOLE_ASSETS, now = Date.now, loginLimits = DEFAULT_LIMITS, extend = [] }: ConsoleOptions): Router {
  const log = logger.child({ module: 'console' });
  const failedByName = new WindowCounter({ windowMs: loginLimits.windowMs, maxKeys: 10_000 });
  const failedByIp = new WindowCounter({ windowMs: loginLimits.windowMs, maxKeys: 10_000 });
  const intentIds = new Set(catalog.intents.map((c) => c.id));
  const topicIds = new Set(catalog.topics.map((c) => c.id));

  const router = Router();
  router.use('/console', (_req, res, next) => {
    res.setHeader('Content-Security-Policy', OWN_PAGES_CSP); // Chart.js included: served from node_modules by `consoleAssets`
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.use(consoleAssets());

  const api = Router();
  // one body reader for every change, before any route: /skill's rules (415 for another media type or any
  // content-encoding, 413, 400 for bad JSON; each a JSON error), an empty body reading as none
  const readBody = jsonBody({ limit: CONSOLE_BODY_LIMIT_BYTES, allowEmpty: true });
  api.use((req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? next() : readBody(req, res, next)));

  const db = async (): Promise<Kysely<Database>> => {
    try {
      return (await events.get()).db;
    } catch {
      throw new Refusal(503, 'the event store is unavailable');
    }
  };

  /** Session → CSRF (changes) → role (changes but logout) → then the handler; refusals before any write. */
  const authed =
    (handler: (req: Request, res: Response, locals: Locals) => Promise<void>, { write = false, role }: { write?: boolean; role?: 'viewer' | 'editor' } = {}): RequestHandler =>
    async (req, res) => {
      const needed = role ?? (write ? 'editor' : 'viewer');
      const database = await db();
      const user = await findSession(database, cookieOf(req, COOKIE), now());
      if (!user) throw new Refusal(401, 'not logged in');
      if (write && !csrfMatches(req.headers['x-csrf-token'], user.csrfToken)) throw new Refusal(403, 'missing or wrong x-csrf-token header');
      if (needed === 'editor' && user.role !== 'editor') throw new Refusal(403, `${user.role}s cannot change anything`);
      await touchSession(database, user, now());
      await handler(req, res, { db: database, user });
    };

  api.post('/login', async (req, res) => {
    const at = now();
    const ip = req.ip ?? req.socket.remoteAddress ?? '?';
    const rawName = typeof req.body?.name === 'string' ? req.body.name.slice(0, 100) : '';
    if (failedByIp.peek(ip, at) >= loginLimits.perIp || (rawName && failedByName.peek(rawName, at) >= loginLimits.perName)) {
      throw new Refusal(429, 'too many failed logins; try again later', { 'retry-after': String(Math.ceil(loginLimits.windowMs / 1000)) });
    }
    const { name, password } = parse(LoginBody, req.body, 'body');
    const database = await db();
    const user = await findUser(database, name);
    const ok = await verifyPassword(password, user?.password_hash ?? (await decoyHash()));
    if (!user || !ok) {
      failedByIp.hit(ip, at);
      failedByName.hit(name, at);
      // a name only when it is a user that exists: a password typed into the name field must never reach a log line
      log.warn('console login refused', { user: user ? user.name : '(unknown name)' });
      throw new Refusal(401, 'wrong name or password');
    }
    const { token, csrfToken } = await createSession(database, user.id, at);
    await audit(database, user.name, 'login', null, undefined, at);
    res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/console', secure: req.secure, maxAge: SESSION_IDLE_MS });
    res.json({ csrfToken, user: { name: user.name, role: user.role } });
  });

  api.post(
    '/logout',
    authed(
      async (_req, res, { db: database, user }) => {
        await deleteSession(database, user.sessionId);
        await audit(database, user.name, 'logout', null, undefined, now());
        res.clearCookie(COOKIE, { path: '/console', httpOnly: true, sameSite: 'strict' });
        res.status(204).end();
      },
      { write: true, role: 'viewer' },
    ),
  );

  api.get(
    '/me',
    authed(async (_req, res, { user }) => {
      res.json({ user: { name: user.name, role: user.role }, csrfToken: user.csrfToken });
    }),
  );

  api.get(
    '/stats',
    authed(async (req, res, { db: database }) => {
      const q = parse(StatsQuery, req.query, 'query');
      const to = q.to ?? kstDay(now());
      const from = q.from ?? shiftDay(to, -13);
      if (from > to) throw new Refusal(400, 'invalid from: must not be after to');
      if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) throw new Refusal(400, 'invalid from: the range is longer than 366 days');
      res.json(await stats(database, { from, to, funnel: catalog.funnel, labels: catalog.labels }));
    }),
  );

  api.get(
    '/inbox',
    authed(async (req, res, { db: database }) => {
      const q = parse(InboxQuery, req.query, 'query');
      const { items, total } = await inboxPage(database, { state: q.state, q: q.q?.trim() || undefined, page: q.page, pageSize: q.pageSize });
      res.json({ items, total, page: q.page, pageSize: q.pageSize });
    }),
  );

  api.get(
    '/intents',
    authed(async (_req, res) => {
      res.json({ intents: catalog.intents, topics: catalog.topics, facts: catalog.facts });
    }),
  );

  const changeOf = (action: InboxChange['action'], body: { intent?: string; topic?: string }): InboxChange => {
    if (action === 'label') {
      if (!body.intent) throw new Refusal(400, 'invalid intent: required for label');
      if (!intentIds.has(body.intent)) throw new Refusal(400, `invalid intent: unknown intent ${JSON.stringify(body.intent)}`);
      return { action, intent: body.intent };
    }
    if (action === 'out-of-scope') {
      if (body.topic !== undefined && !topicIds.has(body.topic)) throw new Refusal(400, `invalid topic: unknown topic ${JSON.stringify(body.topic)}`);
      return { action, ...(body.topic ? { topic: body.topic } : {}) };
    }
    return { action };
  };

  const single = (action: InboxChange['action'], schema: z.ZodType<{ intent?: string; topic?: string }>) =>
    authed(
      async (req, res, { db: database, user }) => {
        const id = parse(Id, req.params.id, 'id');
        const change = changeOf(action, parse(schema, req.body, 'body'));
        const at = now();
        const updated = await database.transaction().execute(async (trx) => {
          const n = await changeGroups(trx, [id], change, user.name, at);
          if (n) await audit(trx, user.name, `inbox.${action}`, `inbox:${id}`, detailOf(change), at);
          return n;
        });
        if (!updated) throw new Refusal(404, `no inbox item ${id}`);
        res.json({ item: await inboxItem(database, id) });
      },
      { write: true },
    );

  api.post('/inbox/bulk', authed(async (req, res, { db: database, user }) => {
    const body = parse(BulkBody, req.body, 'body');
    const change = changeOf(body.action, body);
    const ids = [...new Set(body.ids)];
    const at = now();
    const updated = await database.transaction().execute(async (trx) => {
      const n = await changeGroups(trx, ids, change, user.name, at);
      if (n) await audit(trx, user.name, `inbox.bulk.${body.action}`, `inbox:${ids.length} ids`, { ...detailOf(change), ids }, at);
      return n;
    });
    res.json({ updated });
  }, { write: true }));
  api.post('/inbox/:id/label', single('label', LabelBody));
  api.post('/inbox/:id/out-of-scope', single('out-of-scope', OutOfScopeBody));
  api.post('/inbox/:id/ignore', single('ignore', EmptyBody));
  api.post(
    '/inbox/:id/reopen',
    authed(
      async (req, res, { db: database, user }) => {
        const id = parse(Id, req.params.id, 'id');
        parse(EmptyBody, req.body, 'body');
        const at = now();
        await database.transaction().execute(async (trx) => {
          const before = await trx.selectFrom('inbox_groups').select(['state', 'label']).where('id', '=', id).executeTakeFirst();
          if (!before) throw new Refusal(404, `no inbox item ${id}`);
          if (before.state === 'new') throw new Refusal(409, `inbox item ${id} is a new question already`);
          await changeGroups(trx, [id], { action: 'reopen' }, user.name, at);
          await audit(trx, user.name, 'inbox.reopen', `inbox:${id}`, { from: before.state, ...(before.label ? { label: before.label } : {}) }, at);
        });
        res.json({ item: await inboxItem(database, id) });
      },
      { write: true },
    ),
  );

  api.get(
    '/conversations/:user',
    authed(async (req, res, { db: database }) => {
      const raw = parse(z.string().min(1).max(200), req.params.user, 'user');
      const tag = /^[0-9a-f]{12}$/.test(raw) ? raw : userTag(raw);
      const turns = (await userTurns(database, tag, 200)).map((r) => ({
        at: new Date(r.at).toISOString(),
        route: r.route,
        intent: r.intent,
        score: r.score,
        outcome: r.outcome,
        text: r.text,
        flow: r.flow,
        step: r.step,
        latencyMs: r.latency_ms,
        version: r.content_version ?? r.model_version,
      }));
      res.json({ user: tag, turns });
    }),
  );

  api.get(
    '/audit',
    authed(async (req, res, { db: database }) => {
      const { page } = parse(AuditQuery, req.query, 'query');
      res.json({ items: await auditPage(database, page), page });
    }),
  );

  for (const add of extend) add(api, { authed });

  api.use(
    authed(async () => {
      throw new Refusal(404, 'not found'); // after the login check: without a session, every path is 401
    }),
  );
  api.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!(err instanceof Refusal)) return next(err);
    res.set(err.headers).status(err.status).json({ error: err.message });
  });
  router.use('/console/api', api);

  router.get(['/console', '/console/'], (_req, res, next) => res.sendFile(path.join(assetsDir, 'index.html'), (err) => err && next(err)));
  router.use('/console', express.static(assetsDir, { index: false, redirect: false, cacheControl: false }));
  return router;
}

function detailOf(change: InboxChange): Record<string, string> {
  return change.action === 'label' ? { intent: change.intent } : change.action === 'out-of-scope' ? { topic: change.topic ?? 'None' } : {};
}

/** The value of one cookie, or undefined. */
function cookieOf(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return decodeURIComponentSafe(part.slice(eq + 1).trim());
  }
  return undefined;
}

function decodeURIComponentSafe(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** YYYY-MM-DD moved by `days`. */
function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

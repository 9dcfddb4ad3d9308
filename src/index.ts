/** Entry point: load config, build the server, listen on PORT (and ADMIN_PORT), shut down gracefully. */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from './config';
import { ContentError, ContentErrors } from './content';
import { createLogger, type Logger } from './log/logger';
import { maskText } from './log/mask';
import { buildServer } from './server';

/** A stuck client is cut off after this; the store is then closed and the process exits 0. */
const DRAIN_MS = 8_000;
/** Hard stop if even closing the store hangs: exit 1 before an orchestrator's 10 s SIGKILL. */
const HARD_STOP_MS = 9_500;
/** Slow uploads (slowloris) are cut off: Kakao itself gives up after 5 s. */
const REQUEST_TIMEOUT_MS = 10_000;
/**
 * A client slower than this is cut: headers and the whole request must arrive within 10 s, and node checks every
 * second (its default, 30 s, let slow connections live 15–35 s). Kakao sends a request in milliseconds.
 */
const CONNECTION_LIMITS = {
  headersTimeout: REQUEST_TIMEOUT_MS,
  requestTimeout: REQUEST_TIMEOUT_MS,
  connectionsCheckingInterval: 1_000,
} as const;
/** The admin port serves a few operators. */
const ADMIN_MAX_CONNECTIONS = 64;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, buffered: true });
  const started = Date.now();
  const server = buildServer(config, logger);
  const http = await listen(server.app, { port: config.PORT, host: config.HOST }, { port: 'PORT', host: 'HOST' }, config.MAX_CONNECTIONS);
  logger.info('listening', { port: portOf(http) });
  const adminPort = config.ADMIN_PORT === 'off' ? undefined : config.ADMIN_PORT;
  const admin =
    server.adminApp && adminPort !== undefined
      ? await listen(server.adminApp, { port: adminPort, host: config.ADMIN_HOST }, { port: 'ADMIN_PORT', host: 'ADMIN_HOST' }, ADMIN_MAX_CONNECTIONS)
      : undefined;
  if (admin) logger.info('admin listening (simulator, metrics, console)', { host: config.ADMIN_HOST, port: portOf(admin) });
  server.ready
    .then(() => logger.info('ready', { msSinceStart: Date.now() - started }))
    .catch((err) => {
      logger.error('model failed to load', { error: String(err) });
      process.exit(1);
    });
  const stop = onceShutdown([http, ...(admin ? [admin] : [])], () => server.close(), logger);
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: describe(reason) }));
  process.on('uncaughtException', (err) => {
    logger.error('uncaught exception', { error: describe(err) });
    stop('uncaughtException', 1);
  });
}

/** Listen on host:port; a failure is a ConfigError naming the setting it came from (`names`: e.g. PORT and HOST). */
function listen(app: RequestListener, { port, host }: { port: number; host: string }, names: { port: string; host: string }, maxConnections: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(CONNECTION_LIMITS, app);
    server.maxConnections = maxConnections;
    server.once('error', (err) => reject(listenError(err, `${names.port}=${port}`, `${names.host}=${host}`)));
    server.listen(port, host, () => resolve(server));
  });
}

/**
 * Why the server could not listen, in one line naming the setting to change.
 * @example listenError(eaddrinuse, 'PORT=8080', 'HOST=0.0.0.0').message // 'PORT=8080: the port is already in use on HOST=0.0.0.0 (EADDRINUSE)'
 */
function listenError(err: NodeJS.ErrnoException, port: string, host: string): Error {
  const why: Record<string, string> = {
    EADDRINUSE: `${port}: the port is already in use on ${host}`,
    EACCES: `${port}: binding this port needs privileges (use one above 1023)`,
    ENOTFOUND: `${host}: the host name does not resolve`,
    EAI_AGAIN: `${host}: the host name could not be resolved (DNS lookup failed)`,
    EADDRNOTAVAIL: `${host}: not an address of this machine`,
  };
  const reason = err.code ? why[err.code] : undefined;
  return new ConfigError(`Cannot listen: ${reason ?? `${host} ${port}: ${err.message}`} (${err.code ?? 'error'})`);
}

/**
 * Graceful stop, run once: stop accepting, let requests in flight finish (idle keep-alive
 * connections are closed as soon as they are idle), then close the session store and exit.
 */
function onceShutdown(servers: Server[], closeStore: () => Promise<void>, logger: Logger) {
  let stopping = false;
  return (reason: string, exitCode = 0): void => {
    if (stopping) return;
    stopping = true;
    const began = Date.now();
    const stopped = Promise.all(servers.map(closed)); // stop accepting first, then say so
    logger.info('shutting down', { reason });
    setTimeout(() => process.exit(1), HARD_STOP_MS).unref();
    const reaper = setInterval(() => servers.forEach((s) => s.closeIdleConnections()), 50);
    const cutOff = setTimeout(() => servers.forEach((s) => s.closeAllConnections()), DRAIN_MS);
    void stopped
      .then(() => (clearInterval(reaper), clearTimeout(cutOff), closeStore()))
      .then(
        () => logger.info('stopped', { ms: Date.now() - began }),
        (err) => logger.error('shutdown: closing the store failed', { error: describe(err) }),
      )
      .finally(() => exitSoon(exitCode));
  };
}

function closed(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/** Let stdout drain (the last log lines), then exit even if some handle lingers. */
function exitSoon(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), 100).unref();
}

function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}

/** Name and masked message (an error message may quote user text). */
function describe(err: unknown): string {
  return err instanceof Error ? `${err.name} ${maskText(err.message)}` : maskText(String(err));
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof ContentErrors || err instanceof ContentError) {
    console.error(err.message);
  } else {
    console.error(`startup failed: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
  }
  process.exit(1);
});

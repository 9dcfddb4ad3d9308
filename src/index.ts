/** Entry point: load config, build the server, listen on PORT, shut down gracefully. */
import { ConfigError, loadConfig } from './config';
import { ContentError, ContentErrors } from './content';
import { createLogger } from './log/logger';
import { buildServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL });
  const started = Date.now();
  const server = buildServer(config, logger);
  const http = server.app.listen(config.PORT, config.HOST, () => {
    logger.info('listening', { port: config.PORT });
  });
  const admin = server.adminApp?.listen(config.ADMIN_PORT ?? 0, config.HOST, () => {
    logger.info('admin listening', { port: config.ADMIN_PORT });
  });
  server.ready
    .then(() => logger.info('ready', { msSinceStart: Date.now() - started }))
    .catch((err) => {
      logger.error('model failed to load', { error: String(err) });
      process.exit(1);
    });
  const shutdown = (signal: string) => {
    logger.info('shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    http.close(() => {
      void server.close().finally(() => process.exit(0));
    });
    admin?.close();
    http.closeIdleConnections?.();
    admin?.closeIdleConnections?.();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof ContentErrors || err instanceof ContentError) {
    console.error(err.message);
  } else {
    console.error('startup failed:', err);
  }
  process.exit(1);
});

/** Spawn the real server process (src/index.ts through tsx, or any command) and follow its JSON log lines. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ROOT } from './app';

const LOG_DIR = path.join(ROOT, 'test-artifacts', 'logs');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

export interface ServerProcess {
  child: ChildProcess;
  /** The port of the first `listening` line (0 until then). */
  port: number;
  lines: Array<Record<string, unknown>>;
  stderr(): string;
  exited: Promise<Exit>;
  /** Resolves when a log line with this message has been written (or already was). */
  waitFor(message: string): Promise<void>;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  /** Program and arguments (default: node --import tsx src/index.ts). */
  command?: [string, ...string[]];
  /** Log message to wait for before resolving (default `ready`; null: resolve at once). */
  until?: string | null;
  /** Pass stderr through to the test's stderr (default true). */
  echoStderr?: boolean;
}

/**
 * The server on a free port of 127.0.0.1 with in-memory sessions; every stdout line is kept in test-artifacts/logs
 * for the privacy audit.
 * @example const server = await spawnServer({ env: { MODEL_DIR: tmp } }); await getStatus(server.port, '/readyz')
 */
export async function spawnServer({ env = {}, command, until = 'ready', echoStderr = true }: SpawnOptions = {}): Promise<ServerProcess> {
  const [program, ...args] = command ?? [process.execPath, '--import', 'tsx', 'src/index.ts'];
  const child = spawn(program, args, {
    cwd: ROOT,
    // DATABASE_URL empty: CI exports one for the PostgreSQL suites, and a spawned server must use its own SQLite
    // file (EVENTS_DB) unless a test asks for PostgreSQL itself.
    env: { ...process.env, PORT: '0', ADMIN_PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', CONTENT_DIR: ROOT, SESSION_STORE: 'memory', CONTENT_VERSIONS: 'off', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `spawned-${process.pid}-${child.pid}.jsonl`);
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<{ message: string; resolve: () => void }> = [];
  let buffer = '';
  let errText = '';
  const server: ServerProcess = {
    child,
    port: 0,
    lines,
    stderr: () => errText,
    exited: new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() }))),
    waitFor: (message) =>
      lines.some((l) => l.message === message) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ message, resolve })),
  };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    fs.appendFileSync(logFile, chunk);
    buffer += chunk;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const text = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (!text.startsWith('{')) continue; // npm's own banner lines
      const line = JSON.parse(text) as Record<string, unknown>;
      lines.push(line);
      if (line.message === 'listening' && !server.port) server.port = line.port as number;
      for (const w of waiters.filter((w) => w.message === line.message)) w.resolve();
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    errText += d;
    if (echoStderr) process.stderr.write(d);
  });
  if (until) await Promise.race([server.waitFor(until), server.exited.then((e) => Promise.reject(new Error(`server exited (${e.code ?? e.signal}) before "${until}": ${errText}`)))]);
  return server;
}

/** GET a path on 127.0.0.1: the status and how long the answer took. */
export function getStatus(port: number, route: string, agent?: http.Agent): Promise<{ status: number; ms: number }> {
  const began = Date.now();
  return new Promise((resolve, reject) => {
    http
      .get({ port, host: '127.0.0.1', path: route, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Date.now() - began }));
      })
      .on('error', reject);
  });
}

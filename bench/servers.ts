/** Child processes for the benchmark: start a server, time it to /readyz, read its memory, stop it. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export interface Running {
  name: string;
  child: ChildProcess;
  port: number;
  /** Spawn to the first 200 from /readyz. */
  readyMs: number;
}

export interface StartOptions {
  name: string;
  args: string[];
  env?: Record<string, string>;
  cwd: string;
  /** File receiving the child's stdout and stderr. */
  logFile: string;
}

/**
 * Spawn `node <args>` on a free port and wait until GET /readyz answers 200.
 * @example const s = await startServer({ name: 'ours', args: ['dist/index.js'], cwd, logFile })
 */
export async function startServer({ name, args, env = {}, cwd, logFile }: StartOptions): Promise<Running> {
  const port = await freePort();
  const out = fs.openSync(logFile, 'w');
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, NODE_ENV: 'production', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL')); // never leave a server behind
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${name} exited with ${code}; see ${logFile}`))));
  await Promise.race([untilReady(port), exited]);
  return { name, child, port, readyMs: Math.round(performance.now() - started) };
}

async function untilReady(port: number): Promise<void> {
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Resident and peak resident memory in MB, from /proc (Linux).
 * @example memoryOf(child.pid!) // { rssMb: 180, peakMb: 210 }
 */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

/**
 * CPU time (user + system) the process has used so far, in ms, from /proc (Linux; 100 ticks/s).
 * @example const before = cpuMsOf(pid); await load(); const used = cpuMsOf(pid) - before
 */
export function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * SIGTERM and wait for the exit (our server shuts down gracefully).
 * @example await stopServer(running) // 0
 */
export function stopServer(s: Running): Promise<number | null> {
  return new Promise((resolve) => {
    if (s.child.exitCode !== null) return resolve(s.child.exitCode);
    s.child.once('exit', (code) => resolve(code));
    s.child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** What the benchmarks read about this process: each thread's CPU (Linux /proc) and a V8 CPU profile. */
import fs from 'node:fs';
import inspector from 'node:inspector/promises';

/**
 * Each thread's name (the main thread is `main`) and CPU time in ns, by thread id: the scheduler's own count
 * (`/proc/self/task/T/schedstat`, nanoseconds), else user + system clock ticks of `stat` (10 ms each: at 20,000 turns
 * one tick is 0.5 µs per turn, as coarse as the effects measured).
 */
export function threadTimes(): Map<string, { name: string; ns: number }> {
  const out = new Map<string, { name: string; ns: number }>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const comm = fs.readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
      out.set(tid, { name: tid === String(process.pid) ? 'main' : comm, ns: threadNs(tid) });
    } catch {
      // the thread ended
    }
  }
  return out;
}

/** One thread's CPU time in ns (`threadTimes`' reading of one thread). */
export function threadNs(tid: string): number {
  try {
    return Number(fs.readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000_000;
  }
}

/** CPU µs of each thread between two readings, divided by `per`, keyed by `key(thread id, name)`. */
export function cpuSince(
  before: Map<string, { ns: number }>,
  after: Map<string, { name: string; ns: number }>,
  per: number,
  key: (tid: string, name: string) => string,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [tid, t] of after) out.set(key(tid, t.name), (t.ns - (before.get(tid)?.ns ?? 0)) / 1000 / per);
  return out;
}

/** Starts V8's sampling profiler (`interval` µs); `stop(file)` writes the .cpuprofile and ends the session. */
export async function startProfile(interval: number): Promise<{ stop: (file: string) => Promise<void> }> {
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval });
  await session.post('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** The middle value (the upper one of an even count). */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

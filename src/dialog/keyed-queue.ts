/**
 * KeyedQueue: runs tasks with the same key one after another (per-user turn order in one process), with at most
 * `maxWaiting` tasks waiting per key. A task pushed past that bound sheds the oldest waiting one, and a waiting task
 * can be withdrawn (its deadline passed); either way its `shed` callback settles it instead of its task.
 */
export interface QueuedTask<T> {
  run: () => Promise<T>;
  /** Settles the task without running it: `superseded` (a newer one took its place) or `withdrawn`. */
  shed: (why: 'superseded' | 'withdrawn') => T;
}

interface Waiting {
  start: () => void;
  shed: (why: 'superseded' | 'withdrawn') => void;
}

interface Line {
  running: boolean;
  waiting: Waiting[];
}

export class KeyedQueue {
  private readonly lines = new Map<string, Line>();

  constructor(private readonly maxWaiting = Number.POSITIVE_INFINITY) {}

  /**
   * Run `task` after the tasks already queued under `key`. The returned `withdraw` takes it out of the line while
   * it still waits (true), or does nothing once it runs (false).
   * @example const { result } = queue.push('user-1', { run: () => handleTurn(), shed: () => busyReply })
   */
  push<T>(key: string, task: QueuedTask<T>): { result: Promise<T>; withdraw: () => boolean } {
    let line = this.lines.get(key);
    if (!line) this.lines.set(key, (line = { running: false, waiting: [] }));
    const current = line;
    let entry: Waiting | undefined;
    const result = new Promise<T>((resolve, reject) => {
      const start = () => {
        current.running = true;
        task.run().then(resolve, reject).finally(() => this.next(key, current));
      };
      if (!current.running) return start();
      entry = { start, shed: (why) => resolve(task.shed(why)) };
      current.waiting.push(entry);
      if (current.waiting.length > this.maxWaiting) current.waiting.shift()?.shed('superseded');
    });
    const withdraw = () => {
      const at = entry ? current.waiting.indexOf(entry) : -1;
      if (at === -1) return false;
      current.waiting.splice(at, 1);
      entry?.shed('withdrawn');
      return true;
    };
    return { result, withdraw };
  }

  /** Keys with a task running or waiting. */
  get size(): number {
    return this.lines.size;
  }

  private next(key: string, line: Line): void {
    line.running = false;
    const following = line.waiting.shift();
    if (following) return following.start();
    if (this.lines.get(key) === line) this.lines.delete(key);
  }
}

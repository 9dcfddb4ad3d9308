/** KeyedQueue: runs tasks with the same key one after another (per-user turn order in one process). */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /**
   * @example await queue.run('user-1', () => handleTurn())
   */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const next = prev.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  get size(): number {
    return this.tails.size;
  }
}

/** Runs async work one piece at a time, in arrival order: SQLite's single connection shared by async callers. */

/** A FIFO lock; a failed piece does not stop the ones after it. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` once everything queued before it has settled. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * A restore writes a whole backup in one transaction (all or nothing), which at a heavy user's size holds the
 * meetings and people for as long as the writing takes: tens of seconds. A "Log meeting" click must not wait
 * behind it. While a restore holds the database, the logging command judges the click's event by the usual
 * rules at once, keeps it in local storage (heldLogsItem: not the database the restore holds), and answers;
 * when the restore ends, committed or not, what was kept is logged through the usual path (logging twice
 * changes nothing). A start of the background logs whatever a restart left kept.
 */
let holders = 0;
const released = new Set<() => void>();

export const restoreHold = {
  /** Whether a restore holds the database now. */
  get active(): boolean {
    return holders > 0;
  },
  /** Runs `work` (a restore's transaction) holding the database; when the last hold ends, the listeners run. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    holders++;
    try {
      return await work();
    } finally {
      holders--;
      if (holders === 0) for (const listener of released) listener();
    }
  },
  /** Called whenever no restore holds the database any more. Returns the way to stop listening. */
  onRelease(listener: () => void): () => void {
    released.add(listener);
    return () => released.delete(listener);
  },
};

/** Something with a deadline in a {@link Deadlines} list; the list keeps its links in these fields. */
export interface DeadlineEntry {
  /** When it is due, in `performance.now()` milliseconds; set by {@link Deadlines.add}. */
  dueAt: number;
  earlier: DeadlineEntry | undefined;
  later: DeadlineEntry | undefined;
  /** Whether the entry is in a list now. */
  listed: boolean;
  /** Called once when the entry is still listed at its deadline (it has been removed first). */
  expire(): void;
}

/**
 * The deadlines of running turns. Every turn of a runner has the same time limit, so they fall due in the
 * order they started: a list linked through the entries themselves, with one timer for the earliest, instead of
 * a Node timer object per turn (created, queued and cleared on every message). Adding and removing is O(1).
 */
export class Deadlines {
  readonly #timeoutMs: number;
  #first: DeadlineEntry | undefined;
  #last: DeadlineEntry | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
  }

  add(entry: DeadlineEntry): void {
    entry.dueAt = performance.now() + this.#timeoutMs;
    entry.earlier = this.#last;
    entry.later = undefined;
    entry.listed = true;
    if (this.#last) this.#last.later = entry;
    else this.#first = entry;
    this.#last = entry;
    if (this.#timer === undefined) this.#arm();
  }

  remove(entry: DeadlineEntry): void {
    if (!entry.listed) return;
    entry.listed = false;
    if (entry.earlier) entry.earlier.later = entry.later;
    else this.#first = entry.later;
    if (entry.later) entry.later.earlier = entry.earlier;
    else this.#last = entry.earlier;
    entry.earlier = undefined;
    entry.later = undefined;
    // Nothing left to time: no timer may keep the process alive (a server closing waits for none).
    if (this.#first === undefined && this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }

  // The timer is set for the earliest deadline; when it fires early for a later one (the earliest finished), it
  // is set again for that one.
  #arm(): void {
    const first = this.#first;
    this.#timer = first === undefined ? undefined : setTimeout(fire, Math.max(1, Math.ceil(first.dueAt - performance.now())), this);
  }

  /** Expires every entry whose deadline has passed, then waits for the next one. */
  expireDue(): void {
    this.#timer = undefined;
    const now = performance.now();
    for (let first = this.#first; first !== undefined && first.dueAt <= now; first = this.#first) {
      this.remove(first);
      first.expire();
    }
    if (this.#timer === undefined) this.#arm();
  }
}

function fire(deadlines: Deadlines): void {
  deadlines.expireDue();
}

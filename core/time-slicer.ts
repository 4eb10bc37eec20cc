/** Options of {@link createTimeSlicer}. */
export interface TimeSlicerOptions {
  /** Work done between two yields to the event loop. Default 10 ms. */
  budgetMs?: number;
  /** The clock (tests pass a fake one). Default `performance.now`. */
  now?: () => number;
  /** How the event loop is let in. Default one macrotask (`setImmediate`, else `setTimeout(0)`). */
  yieldToLoop?: () => Promise<void>;
}

/**
 * Cooperative time slicing of long synchronous work (index builds, bulk loads), so timers, I/O and other requests
 * are served in between. Call {@link TimeSlicer.pause} between units of work: it yields a macrotask only once the
 * budget since the last yield is spent, so short work pays one microtask per call and long work is cut into
 * budget-sized slices. Slicing never changes what is computed, only when the loop gets a turn.
 */
export interface TimeSlicer {
  /** Yields to the event loop when the budget since the last yield is spent; resolves at once otherwise. */
  pause(): Promise<void>;
  /** Whether the budget is spent (a synchronous check for the hottest loops: `if (slicer.due()) await slicer.pause()`). */
  due(): boolean;
  /** Runs a generator that yields between small steps (such as `kmeansSteps`), pausing when due; returns its value. */
  drain<T>(steps: Generator<unknown, T>): Promise<T>;
  /** How many times the event loop was let in. */
  readonly yields: number;
}

/** Creates a {@link TimeSlicer}; the first slice starts now. */
export function createTimeSlicer(options: TimeSlicerOptions = {}): TimeSlicer {
  const budget = options.budgetMs ?? 10;
  const now = options.now ?? (() => performance.now());
  const yieldToLoop = options.yieldToLoop ?? macrotask;
  let sliceStart = now();
  let yields = 0;
  const due = (): boolean => now() - sliceStart >= budget;
  const pause = async (): Promise<void> => {
    if (!due()) return;
    yields += 1;
    await yieldToLoop();
    sliceStart = now();
  };
  return {
    pause,
    due,
    async drain<T>(steps: Generator<unknown, T>): Promise<T> {
      for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
        if (due()) await pause();
      }
    },
    get yields() {
      return yields;
    },
  };
}

function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}

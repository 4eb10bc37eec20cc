/** A step of the turn pipeline: do something, then call `next()` to continue (or don't, to stop). */
export type Middleware<C> = (context: C, next: () => Promise<void>) => Promise<void>;

const done: Promise<void> = Promise.resolve();

/** One run through the chain. A class rather than closures: this runs for every message, and each named closure costs. */
class Chain<C> {
  #index = -1;

  constructor(
    readonly middleware: readonly Middleware<C>[],
    readonly context: C,
    readonly last: () => Promise<void>,
  ) {}

  // Not async: each step already returns a promise, so wrapping it in another one per step would only cost
  // an allocation and a microtask on every turn.
  dispatch(i: number): Promise<void> {
    if (i <= this.#index) return Promise.reject(new Error('next() called more than once'));
    this.#index = i;
    const fn = i === this.middleware.length ? this.last : this.middleware[i];
    if (!fn) return done;
    try {
      return fn(this.context, () => this.dispatch(i + 1));
    } catch (error) {
      return Promise.reject(error);
    }
  }
}

/**
 * Composes middleware into one, Koa-style: each runs around the rest.
 * Calling `next()` twice in one middleware is a bug and rejects.
 */
export function compose<C>(middleware: readonly Middleware<C>[]): Middleware<C> {
  return (context, last) => new Chain(middleware, context, last).dispatch(0);
}

/** A step of the turn pipeline: do something, then call `next()` to continue (or don't, to stop). */
export type Middleware<C> = (context: C, next: () => Promise<void>) => Promise<void>;

const done: Promise<void> = Promise.resolve();

/**
 * Composes middleware into one, Koa-style: each runs around the rest.
 * Calling `next()` twice in one middleware is a bug and rejects.
 */
export function compose<C>(middleware: readonly Middleware<C>[]): Middleware<C> {
  const count = middleware.length;
  return (context, last) => {
    let index = -1;
    // Not an async function: each step already returns a promise, so wrapping it in another one per step
    // would only cost an allocation and a microtask on every turn (this runs for every message).
    const dispatch = (i: number): Promise<void> => {
      if (i <= index) return Promise.reject(new Error('next() called more than once'));
      index = i;
      const fn = i === count ? last : middleware[i];
      if (!fn) return done;
      try {
        return fn(context, () => dispatch(i + 1));
      } catch (error) {
        return Promise.reject(error);
      }
    };
    return dispatch(0);
  };
}

/** A step of the turn pipeline: do something, then call `next()` to continue (or don't, to stop). */
export type Middleware<C> = (context: C, next: () => Promise<void>) => Promise<void>;

/**
 * Composes middleware into one, Koa-style: each runs around the rest.
 * Calling `next()` twice in one middleware is a bug and throws.
 */
export function compose<C>(middleware: readonly Middleware<C>[]): Middleware<C> {
  return (context, last) => {
    let index = -1;
    const dispatch = async (i: number): Promise<void> => {
      if (i <= index) throw new Error('next() called more than once');
      index = i;
      const fn = i === middleware.length ? last : middleware[i];
      if (!fn) return;
      await fn(context, () => dispatch(i + 1));
    };
    return dispatch(0);
  };
}

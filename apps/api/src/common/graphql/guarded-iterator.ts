/**
 * Wraps the event stream of a subscription so that it ends as soon as its caller may no longer
 * receive it: `allowed` is asked before every event is delivered, and again whenever `onChange`
 * signals that access may have shrunk (sign-out, deactivation, lost assignment). When it answers
 * false the stream ends (graphql-ws completes the subscription) and the source is closed.
 */
export function guardedIterator<T>(
  source: AsyncIterableIterator<T>,
  allowed: () => Promise<boolean>,
  onChange: (listener: () => void) => () => void,
): AsyncIterableIterator<T> {
  let ended = false;
  const waiting = new Set<(result: IteratorResult<T>) => void>();
  const end = async (): Promise<IteratorResult<T>> => {
    if (!ended) {
      ended = true;
      stopListening();
      for (const resolve of waiting) resolve({ value: undefined, done: true });
      waiting.clear();
      await source.return?.();
    }
    return { value: undefined, done: true };
  };
  const recheck = async (): Promise<boolean> => {
    // deny when the check itself fails
    const ok = await allowed().catch(() => false);
    if (!ok) await end();
    return ok;
  };
  const stopListening = onChange(() => void recheck());
  return {
    async next(): Promise<IteratorResult<T>> {
      if (ended) return { value: undefined, done: true };
      const result = await new Promise<IteratorResult<T>>((resolve) => {
        waiting.add(resolve);
        source.next().then(
          (r) => {
            waiting.delete(resolve);
            resolve(r);
          },
          () => {
            waiting.delete(resolve);
            resolve({ value: undefined, done: true });
          },
        );
      });
      if (result.done || ended) return { value: undefined, done: true };
      return (await recheck()) ? result : { value: undefined, done: true };
    },
    return: end,
    async throw(error?: unknown): Promise<IteratorResult<T>> {
      await end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

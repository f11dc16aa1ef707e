/**
 * aws-local-stepfunctions calls Promise.withResolvers, which Node 20 lacks; without it every Task
 * fails with a TypeError that a States.ALL Catch would silently hide. Import this first.
 */
const promise = Promise as unknown as { withResolvers?: unknown };
promise.withResolvers ??= function withResolvers<T>(this: PromiseConstructor) {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const created = new this<T>((a, b) => {
    resolve = a;
    reject = b;
  });
  return { promise: created, resolve, reject };
};

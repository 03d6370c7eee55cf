import pg from "pg";

/**
 * A pg Client that runs the promise-form queries it is given one after the
 * other. Prisma's query interpreter loads a query's relations concurrently, and
 * inside an interactive transaction every one of them goes to the
 * transaction's single client; pg then queues them itself, a behaviour it
 * deprecates ("Calling client.query() when the client is already executing a
 * query") and pg@9 removes. Callback and Submittable forms (pg.Pool's own
 * calls, cursors) pass through untouched.
 */
export class SerialQueryClient extends pg.Client {
  #tail: Promise<unknown> = Promise.resolve();

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const direct = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    // Assigned per instance: pg's query() has a dozen overloads that a subclass method cannot restate.
    (this as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0] as { submit?: unknown } | undefined;
      if (typeof args[args.length - 1] === "function" || typeof first?.submit === "function") return direct.apply(this, args);
      const run = () => direct.apply(this, args) as Promise<unknown>;
      const result = this.#tail.then(run, run);
      this.#tail = result.catch(() => undefined);
      return result;
    };
  }
}

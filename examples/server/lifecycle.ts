import type { Server, ServerResponse } from 'node:http';

/**
 * Lets a Node HTTP server stop without cutting anyone off. `drain()` stops accepting connections, lets the
 * requests under way run to their end (their connections then close rather than wait for keep-alive),
 * closes idle keep-alive connections at once, and resolves when the last connection has closed; after
 * `graceMs` it cuts off whatever is left. Call `drainable` when the server starts, to see every request.
 */
export function drainable(server: Server): (graceMs: number) => Promise<void> {
  let draining = false;
  const underWay = new Set<ServerResponse>();
  const closeIdle = () => setImmediate(() => server.closeIdleConnections());
  server.on('request', (_request, response: ServerResponse) => {
    underWay.add(response);
    if (draining && !response.headersSent) response.setHeader('connection', 'close');
    response.on('close', () => {
      underWay.delete(response);
      if (draining) closeIdle();
    });
  });
  let drained: Promise<void> | undefined;
  return (graceMs) => {
    drained ??= new Promise<void>((resolve) => {
      draining = true;
      const cutOff = setTimeout(() => server.closeAllConnections(), graceMs);
      server.close(() => {
        clearTimeout(cutOff);
        resolve();
      });
      for (const response of underWay) {
        if (!response.headersSent) response.setHeader('connection', 'close');
      }
      server.closeIdleConnections();
    });
    return drained;
  };
}

export interface ShutdownOptions {
  /** Closed once the last connection has: the database pool. */
  close: () => Promise<void>;
  /** How long requests under way may take before they are cut off. */
  graceMs: number;
  log?: (message: string) => void;
  exit?: (code: number) => void;
}

/**
 * On SIGTERM or SIGINT: stop accepting, let requests under way finish, then close the database and exit 0.
 * A second signal exits at once.
 */
export function shutdownOnSignals(
  server: Server,
  options: ShutdownOptions,
): (signal: string) => Promise<void> {
  const drain = drainable(server);
  const log = options.log ?? console.log;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping: Promise<void> | undefined;
  const stop = (signal: string) => {
    if (stopping) {
      log(`profilekit demo: ${signal} again, exiting now`);
      exit(1);
      return stopping;
    }
    log(`profilekit demo: ${signal}, finishing the requests under way`);
    stopping = drain(options.graceMs)
      .then(options.close)
      .then(
        () => {
          log('profilekit demo: stopped');
          exit(0);
        },
        (error: unknown) => {
          console.error('profilekit demo: shutting down failed', error);
          exit(1);
        },
      );
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));
  return stop;
}

import type { Server, ServerResponse } from 'node:http';

/**
 * On a shutdown signal, stop taking requests at once. Nest closes the HTTP server only after the
 * other shutdown hooks, and Node's `close()` only refuses new connections: a client that keeps its
 * keep-alive connection busy (an agency pushing batch after batch) is served on it for as long as
 * it keeps sending. From the signal on, the listener is closed, idle connections are dropped and
 * every response in progress or to come says `Connection: close`, so each connection ends with the
 * request it is serving. The client retries elsewhere; nothing it was answered is lost.
 */
export function stopTakingRequestsOnShutdown(
  server: Server,
  signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'],
): void {
  let stopping = false;
  const inFlight = new Set<ServerResponse>();
  const closeAfter = (response: ServerResponse): void => {
    if (!response.headersSent) response.setHeader('Connection', 'close');
  };
  server.on('request', (_request, response: ServerResponse) => {
    if (stopping) closeAfter(response);
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
  });
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    for (const response of inFlight) closeAfter(response);
    // Nest's own close later finds the listener closed already; that is fine.
    server.close();
    server.closeIdleConnections();
  };
  for (const signal of signals) process.once(signal, stop);
}

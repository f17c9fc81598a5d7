import { createServer, request, Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stopTakingRequestsOnShutdown } from './stop-taking-requests';

function get(
  port: number,
  agent: Agent,
): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('stopTakingRequestsOnShutdown', () => {
  let server: Server;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });

  afterEach(() => {
    agent.destroy();
    server.closeAllConnections();
    server.close();
  });

  it('finishes the request in flight, closes its connection and refuses the next one', async () => {
    let stop: () => void = () => undefined;
    server = createServer((_req, res) => {
      // The signal arrives while this request is being handled.
      stop();
      setTimeout(() => res.end('ok'), 50);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    stopTakingRequestsOnShutdown(server, ['SIGUSR2']);
    stop = () => void process.emit('SIGUSR2');

    expect(await get(port, agent)).toEqual({ status: 200, connection: 'close' });
    await expect(get(port, agent)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});

/**
 * A raw ApiVersions (key 18, v2) exchange over TCP. kafkajs does the same on connect but keeps the
 * answer private; asking the broker directly shows which protocol versions the running server
 * really speaks, independent of any client library.
 */
import * as net from 'node:net';

export interface ApiVersionRange {
  apiKey: number;
  name: string;
  minVersion: number;
  maxVersion: number;
}

const API_VERSIONS_KEY = 18;
const REQUEST_VERSION = 2; // last non-flexible version: plain int16/int32 encoding, no tagged fields

// Names for the keys worth printing; the rest are shown by number.
const API_NAMES: Record<number, string> = {
  0: 'Produce',
  1: 'Fetch',
  2: 'ListOffsets',
  3: 'Metadata',
  8: 'OffsetCommit',
  9: 'OffsetFetch',
  10: 'FindCoordinator',
  11: 'JoinGroup',
  12: 'Heartbeat',
  14: 'SyncGroup',
  18: 'ApiVersions',
  19: 'CreateTopics',
  20: 'DeleteTopics',
  32: 'DescribeConfigs',
  60: 'DescribeCluster',
  68: 'ConsumerGroupHeartbeat',
  76: 'ShareGroupHeartbeat',
};

export function apiName(key: number): string {
  return API_NAMES[key] ?? `api${key}`;
}

export async function fetchApiVersions(
  host: string,
  port: number,
  timeoutMs = 5000,
): Promise<ApiVersionRange[]> {
  const clientId = Buffer.from('newswire-infra');
  const correlationId = 0x1eaf;
  const request = Buffer.alloc(4 + 2 + 2 + 4 + 2 + clientId.length);
  let o = 0;
  o = request.writeInt32BE(request.length - 4, o);
  o = request.writeInt16BE(API_VERSIONS_KEY, o);
  o = request.writeInt16BE(REQUEST_VERSION, o);
  o = request.writeInt32BE(correlationId, o);
  o = request.writeInt16BE(clientId.length, o);
  clientId.copy(request, o);

  const response = await exchange(host, port, request, timeoutMs);
  let r = 0;
  const gotCorrelation = response.readInt32BE(r);
  r += 4;
  if (gotCorrelation !== correlationId)
    throw new Error(`ApiVersions: correlation id ${gotCorrelation} != ${correlationId}`);
  const errorCode = response.readInt16BE(r);
  r += 2;
  if (errorCode !== 0) throw new Error(`ApiVersions: broker answered error code ${errorCode}`);
  const count = response.readInt32BE(r);
  r += 4;
  const ranges: ApiVersionRange[] = [];
  for (let i = 0; i < count; i++) {
    const apiKey = response.readInt16BE(r);
    const minVersion = response.readInt16BE(r + 2);
    const maxVersion = response.readInt16BE(r + 4);
    r += 6;
    ranges.push({ apiKey, name: apiName(apiKey), minVersion, maxVersion });
  }
  return ranges;
}

/** Sends one size-prefixed request and returns the body of the size-prefixed response. */
function exchange(host: string, port: number, request: Buffer, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const chunks: Buffer[] = [];
    let received = 0;
    const fail = (err: Error) => {
      socket.destroy();
      reject(err);
    };
    socket.setTimeout(timeoutMs, () =>
      fail(new Error(`ApiVersions: no answer from ${host}:${port} within ${timeoutMs} ms`)),
    );
    socket.on('error', fail);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (received < 4) return;
      const all = Buffer.concat(chunks);
      const size = all.readInt32BE(0);
      if (all.length >= 4 + size) {
        socket.end();
        resolve(all.subarray(4, 4 + size));
      }
    });
    socket.on('end', () => fail(new Error(`ApiVersions: ${host}:${port} closed the connection`)));
  });
}

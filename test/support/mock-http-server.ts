import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the mock received. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A stand-in for an external system, listening on 127.0.0.1. */
export interface MockHttpServer {
  url: string;
  requests: RecordedRequest[];
  /** Sets the status and JSON body of the next responses. */
  respondWith(status: number, body?: unknown): void;
  close(): Promise<void>;
}

/** Starts a mock HTTP server on 127.0.0.1 that records requests and responds as configured. */
export async function startMockHttpServer(): Promise<MockHttpServer> {
  const requests: RecordedRequest[] = [];
  let response = { status: 200, body: {} as unknown };

  const server: Server = createServer((request, reply) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      reply.writeHead(response.status, { 'content-type': 'application/json' });
      reply.end(JSON.stringify(response.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/it-accounts`,
    requests,
    respondWith: (status, body = {}) => {
      response = { status, body };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

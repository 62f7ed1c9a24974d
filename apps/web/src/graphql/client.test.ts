import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLClient, GraphQLRequestError, type TypedDocument } from './client';

const Echo: TypedDocument<{ echo: string }, { value: string }> = { operationName: 'Echo', source: 'query Echo($value: String!) { echo(value: $value) }' };

interface Seen {
  headers: IncomingHttpHeaders;
  body: { operationName: string; query: string; variables: unknown };
}

// A real HTTP server whose answer each test chooses.
let server: Server;
let endpoint: string;
let answer: { status: number; body: string } = { status: 200, body: '{}' };
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      seen.push({ headers: req.headers, body: JSON.parse(raw) as Seen['body'] });
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createGraphQLClient', () => {
  it('posts the operation with a bearer token and returns its data', async () => {
    answer = { status: 200, body: JSON.stringify({ data: { echo: 'hello' } }) };
    const client = createGraphQLClient({ endpoint, getToken: () => 'tok-123' });
    await expect(client.request(Echo, { value: 'hello' })).resolves.toEqual({ echo: 'hello' });
    const last = seen.at(-1)!;
    expect(last.headers.authorization).toBe('Bearer tok-123');
    expect(last.body).toEqual({ operationName: 'Echo', query: Echo.source, variables: { value: 'hello' } });
  });

  it('sends no authorization header when signed out', async () => {
    answer = { status: 200, body: JSON.stringify({ data: { echo: 'x' } }) };
    await createGraphQLClient({ endpoint, getToken: () => null }).request(Echo, { value: 'x' });
    expect(seen.at(-1)!.headers.authorization).toBeUndefined();
  });

  it('raises the first error with its extensions.code', async () => {
    answer = { status: 200, body: JSON.stringify({ data: null, errors: [{ message: 'Slow down', extensions: { code: 'RATE_LIMITED', retryAfter: 30 } }] }) };
    const error = await createGraphQLClient({ endpoint, getToken: () => null }).request(Echo, { value: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', message: 'Slow down', extensions: { retryAfter: 30 } });
  });

  it('reports UNAUTHENTICATED to the session handler, also on a non-200 answer', async () => {
    answer = { status: 401, body: JSON.stringify({ errors: [{ message: 'Token expired', extensions: { code: 'UNAUTHENTICATED' } }] }) };
    let calls = 0;
    const client = createGraphQLClient({ endpoint, getToken: () => 'old', onUnauthenticated: () => calls++ });
    await expect(client.request(Echo, { value: 'x' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(calls).toBe(1);
  });

  it('does not call the session handler for other errors', async () => {
    answer = { status: 200, body: JSON.stringify({ errors: [{ message: 'No', extensions: { code: 'FORBIDDEN' } }] }) };
    let calls = 0;
    const client = createGraphQLClient({ endpoint, getToken: () => 'tok', onUnauthenticated: () => calls++ });
    await expect(client.request(Echo, { value: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(calls).toBe(0);
  });

  it('turns a non-GraphQL answer into BAD_RESPONSE', async () => {
    answer = { status: 502, body: '<html>Bad gateway</html>' };
    await expect(createGraphQLClient({ endpoint, getToken: () => null }).request(Echo, { value: 'x' })).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
      status: 502,
    });
  });

  it('turns an unreachable server into NETWORK_ERROR', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = createGraphQLClient({ endpoint: `http://127.0.0.1:${port}/graphql`, getToken: () => null });
    await expect(client.request(Echo, { value: 'x' })).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, getOperationAST, GraphQLInputType, isEnumType, isInputObjectType, isListType, isNonNullType, Kind, parse, typeFromAST } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationCost } from '../src/common/graphql/query-cost.js';
import { databaseAvailable, errorCode, GraphQLResponse, ok, startTestApp, TestApp, TestUser } from './helpers/test-app.js';

/** 24 fragments, each spreading the next twice: 2^24 selections once expanded, under 1 kB as written. */
function fragmentBomb(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  return `query { ...F0 } ${fragments.join(' ')} fragment F${levels} on Query { __typename }`;
}

/** A value of an input type, with page sizes at their maximum (100), to price an operation. */
function sampleValue(type: GraphQLInputType | undefined): unknown {
  if (!type) return null;
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sampleValue(f.type)]));
  }
  const samples: Record<string, unknown> = { Int: 100, Float: 1, Boolean: true, ID: '00000000-0000-4000-8000-000000000000', DateTime: '2024-01-02T00:00:00Z', Date: '2024-01-02' };
  return samples[getNamedType(type).name] ?? 'text';
}

async function post(url: string, query: string, token?: string): Promise<GraphQLResponse> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { ...((await res.json()) as GraphQLResponse), status: res.status };
}

describe.skipIf(!databaseAvailable())('GraphQL query limits that cannot be turned into work', () => {
  let t: TestApp;
  let clerk: TestUser;

  beforeAll(async () => {
    // default limits, except the response cap, low enough to reach with a small document
    t = await startTestApp({ AMICUS_GRAPHQL_MAX_RESPONSE_BYTES: '256kb' });
    clerk = await t.createUser('clerk' as never, 'HC');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a fragment bomb sent without a token is refused in well under a second while /healthz keeps answering', async () => {
    const started = Date.now();
    const [bomb, health] = await Promise.all([post(t.url, fragmentBomb(24)), fetch(`${t.url}/healthz`)]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(['QUERY_TOO_COMPLEX', 'QUERY_TOO_DEEP']).toContain(errorCode(bomb));
    expect(bomb.data ?? null).toBeNull();
    expect(health.status).toBe(200);
  });

  it('the cost of a fragment bomb is computed once per fragment (linear in the document)', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const document = parse(fragmentBomb(40));
    const operation = getOperationAST(document)!;
    const started = Date.now();
    const { cost } = operationCost(schema, document, operation, {});
    expect(Date.now() - started).toBeLessThan(200);
    expect(cost).toBe(2 ** 40);
  });

  it('10,001 aliases are refused before validation, with or without a token', async () => {
    const query = `{ ${Array.from({ length: 10_001 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const anonymous = await post(t.url, query);
    expect(errorCode(anonymous)).toBe('QUERY_TOO_COMPLEX');
    expect(anonymous.status).toBe(400);
    expect(errorCode(await post(t.url, query, clerk.token))).toBe('QUERY_TOO_COMPLEX');
  });

  it('the alias cap (100 by default) and the node cap (2000) hold; queries under them run', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect((await post(t.url, aliases(100), clerk.token)).errors).toBeUndefined();
    const over = await post(t.url, aliases(101), clerk.token);
    expect(errorCode(over)).toBe('QUERY_TOO_COMPLEX');
    expect(over.errors?.[0].extensions).toMatchObject({ aliases: 101, maxAliases: 100 });
    const fields = (n: number) => `{ ${'__typename '.repeat(n)}}`;
    expect((await post(t.url, fields(200), clerk.token)).errors).toBeUndefined();
    const tooMany = await post(t.url, fields(2001), clerk.token);
    expect(errorCode(tooMany)).toBe('QUERY_TOO_COMPLEX');
    expect(tooMany.errors?.[0].extensions).toMatchObject({ maxNodes: 2000 });
  });

  it('auditLog(first: 100) with every field and the documented pagination example fit the default budget', async () => {
    const admin = await t.admin();
    const audit = await t.gql(
      `{ auditLog(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { seq at actorId actorRole action caseId details inputHashes outputHash modelSha256 template prevHash hash } } } }`,
      {},
      admin.token,
    );
    expect(audit.errors).toBeUndefined();
    const docs = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');
    const example = /## Pagination[\s\S]*?```graphql\n([\s\S]*?)```/.exec(docs)![1];
    expect(errorCode(await t.gql(example, { after: null }, clerk.token))).toBeUndefined();
  });

  it('every operation of the web app fits the default depth and cost limits', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const dir = new URL('../../web/src/graphql/', import.meta.url).pathname;
    const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(0);
    const fragments = files.flatMap((f) => parse(readFileSync(join(dir, f), 'utf8')).definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION));
    for (const file of files) {
      for (const def of parse(readFileSync(join(dir, file), 'utf8')).definitions) {
        if (def.kind !== Kind.OPERATION_DEFINITION) continue;
        const document = { kind: Kind.DOCUMENT, definitions: [def, ...fragments] } as const;
        const variables = Object.fromEntries((def.variableDefinitions ?? []).map((v) => [v.variable.name.value, sampleValue(typeFromAST(schema, v.type as never) as GraphQLInputType | undefined)]));
        const measured = operationCost(schema, document, def, variables);
        expect({ operation: def.name?.value, ok: measured.cost <= t.config.graphql.maxComplexity && measured.depth <= t.config.graphql.maxDepth }).toEqual({
          operation: def.name?.value,
          ok: true,
        });
      }
    }
  });

  it('large texts cost what they weigh: many aliases of a document text are refused, and a response over the byte cap stops', async () => {
    const admin = await t.admin();
    const { createCase } = ok(
      await t.gql<{ createCase: { id: string } }>(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
        { input: { docketNumber: 'QL-1', title: 'Limits v Texts', court: 'HC', caseType: 'civil', filedDate: '2024-01-02' } },
        admin.token,
      ),
    );
    const form = new FormData();
    for (const [k, v] of Object.entries({ title: 'Long notice', kind: 'other', filedDate: '2024-01-02' })) form.append(k, v);
    form.append('file', new Blob(['The hearing is adjourned to a later date. '.repeat(2500)]), 'notice.txt');
    const up = await fetch(`${t.url}/api/cases/${createCase.id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}` }, body: form });
    const { document } = (await up.json()) as { document: { id: string } };
    const deadline = Date.now() + 60_000;
    for (;;) {
      const d = ok(await t.gql<{ document: { extractionStatus: string } }>(`query($id: ID!) { document(id: $id) { extractionStatus } }`, { id: document.id }, admin.token));
      if (d.document.extractionStatus === 'DONE') break;
      if (d.document.extractionStatus === 'FAILED' || Date.now() > deadline) throw new Error(`extraction ended ${d.document.extractionStatus}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const texts = (n: number) => `query($id: ID!) { ${Array.from({ length: n }, (_, i) => `t${i}: document(id: $id) { text }`).join(' ')} }`;
    expect(errorCode(await t.gql(texts(60), { id: document.id }, admin.token))).toBe('QUERY_TOO_COMPLEX');
    const one = ok(await t.gql<{ t0: { text: string } }>(texts(1), { id: document.id }, admin.token));
    expect(one.t0.text.length).toBeGreaterThan(100_000);
    const three = await t.gql(texts(3), { id: document.id }, admin.token);
    expect(errorCode(three)).toBe('RESPONSE_TOO_LARGE');
    expect(JSON.stringify(three).length).toBeLessThan(300_000);
  });
});

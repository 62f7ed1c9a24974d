import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, lexicographicSortSchema, printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseAvailable, startTestApp, TestApp } from './helpers/test-app.js';

describe.skipIf(!databaseAvailable())('GraphQL schema and database schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the committed apps/api/schema.gql is up to date (AMICUS_UPDATE_SCHEMA=1 npx vitest run test/schema.test.ts rewrites it)', () => {
    const file = fileURLToPath(new URL('../schema.gql', import.meta.url));
    const committed = readFileSync(file, 'utf8');
    const current = `${printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema))}\n`;
    if (inject('updateSchema') && committed !== current) writeFileSync(file, current);
    else expect(committed).toBe(current);
  });

  it('every type, field and argument of the schema has a description', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || type === schema.getQueryType() || type === schema.getMutationType() || type === schema.getSubscriptionType()) {
        if (!type.name.startsWith('__')) {
          for (const field of Object.values((type as unknown as { getFields(): Record<string, { name: string; description?: string | null; args: Array<{ name: string; description?: string | null }> }> }).getFields())) {
            if (!field.description) missing.push(`${type.name}.${field.name}`);
            for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
        continue;
      }
      if ( (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });

  it('the migrations produce exactly the schema the entities describe (no drift)', async () => {
    const log = await t.dataSource.driver.createSchemaBuilder().log();
    expect(log.upQueries.map((q) => q.query)).toEqual([]);
  });
});

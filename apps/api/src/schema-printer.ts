import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createApp } from './app.factory.js';
import { AppConfig } from './config/app-config.js';
import { loadConfig } from './config/config.loader.js';

/** The API's GraphQL schema as sorted SDL (what apps/api/schema.gql holds). */
export async function printApiSchema(): Promise<string> {
  const base = loadConfig({ NODE_ENV: 'test' });
  const config: AppConfig = { ...base, database: { type: 'sqlite', path: ':memory:' }, serveWeb: false };
  const app = await createApp(config, { logLevels: ['error'] });
  try {
    return `${printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))}\n`;
  } finally {
    await app.close();
  }
}

// `npm run schema -w @amicus/api`: writes the GraphQL schema (sorted SDL) to apps/api/schema.gql.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printApiSchema } from '../schema-printer.js';

const target = fileURLToPath(new URL('../../schema.gql', import.meta.url));
writeFileSync(target, await printApiSchema());
console.log(`Schema written to ${target}`);

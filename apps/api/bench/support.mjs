// Helpers shared by the API benches.
import { createReadStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { JobTypeRegistry } from '../dist/modules/jobs/job-types.js';

/** The UK judgments (with abstracts) the benches read their long documents from: ../shared beside the repository. */
export const judgmentsFile = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/legal-sum/uk-abs.train.jsonl.gz');

/** The text of one judgment of the UK set, by id. */
export async function judgment(id) {
  const lines = createInterface({ input: createReadStream(judgmentsFile).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.includes(`"${id}"`)) continue;
    const row = JSON.parse(line);
    if (row.id === id) return row.text;
  }
  throw new Error(`${id} not found in ${judgmentsFile}`);
}

/** A GraphQL client for the API at `url`: gql(query, variables, token) resolves with `data`, throws on errors. */
export function graphqlClient(url) {
  return async function gql(query, variables, token) {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}

/** The `bench` job type of the queue benches: `{ ms }` of busy work. */
export function benchJobTypes() {
  return new JobTypeRegistry({ bench: { description: 'busy work for the queue benches', payload: z.object({ ms: z.number().nonnegative() }), result: z.unknown() } });
}

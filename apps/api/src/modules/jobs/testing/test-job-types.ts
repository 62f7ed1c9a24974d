import { z } from 'zod';
import { JobTypeRegistry } from '../job-types.js';

/** Job types of the tests of the queue machinery: any object payload, any result. */
export function testJobTypes(...names: string[]): JobTypeRegistry {
  const registry = new JobTypeRegistry({});
  for (const name of names) registry.define(name, { description: `test job ${name}`, payload: z.record(z.string(), z.unknown()), result: z.unknown() });
  return registry;
}

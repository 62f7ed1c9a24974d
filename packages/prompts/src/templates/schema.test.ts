import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { templateJsonSchema } from './schema.js';

const published = fileURLToPath(new URL('../../../../docs/template.schema.json', import.meta.url));

describe('the published template JSON Schema', () => {
  it('docs/template.schema.json is what the zod schema generates (AMICUS_UPDATE_SCHEMA=1 npx vitest run src/templates/schema.test.ts rewrites it)', () => {
    const current = `${JSON.stringify(templateJsonSchema(), null, 2)}\n`;
    if (process.env.AMICUS_UPDATE_SCHEMA === '1') writeFileSync(published, current);
    expect(readFileSync(published, 'utf8')).toBe(current);
  });

  it('describes the fields a template author writes, and refuses unknown ones', () => {
    const schema = templateJsonSchema() as { required: string[]; properties: Record<string, unknown>; additionalProperties: boolean };
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'version', 'title', 'heading', 'slots', 'sections']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['slots', 'sections', 'titleAfter']));
    expect(schema.additionalProperties).toBe(false);
  });
});

import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinTemplatesDir } from '../builtin.js';
import { TemplateError } from '../errors.js';
import { loadTemplates, parseTemplate } from './registry.js';

const minimal = (over: Record<string, unknown> = {}) => ({
  id: 'short-order',
  version: '1.0.0',
  title: 'Short order',
  heading: 'ORDER',
  slots: [
    { name: 'caseNumber', type: 'string', required: true, source: 'case', label: 'Case number' },
    { name: 'outcome', type: 'enum', required: true, source: 'user', values: ['granted', 'denied'] },
  ],
  sections: [{ id: 'body', paragraphs: [{ sentences: ['In case {{caseNumber}} the motion is {{outcome}}.'] }] }],
  ...over,
});

async function problemsOf(promise: Promise<unknown>): Promise<TemplateError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TemplateError);
  return err as TemplateError;
}

describe('loadTemplates', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'amicus-templates-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const put = (name: string, body: unknown) => writeFile(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body, null, 2));

  it('loads the shipped templates, one version each, and finds them by id and version', async () => {
    const reg = await loadTemplates(builtinTemplatesDir);
    expect(reg.ids()).toEqual(['adjournment-order', 'judgment', 'notice-of-hearing', 'order-on-motion', 'scheduling-order']);
    for (const id of reg.ids()) {
      expect(reg.latest(id).version).toBe('1.0.0');
      expect(reg.get(id, '1.0.0').file).toBe(join(builtinTemplatesDir, `${id}@1.0.0.json`));
    }
    expect(reg.has('judgment', '1.0.0')).toBe(true);
    expect(reg.has('judgment', '9.9.9')).toBe(false);
  });

  it('adds a template dropped into an extra directory and picks the highest released version as latest', async () => {
    const original = JSON.parse(await readFile(join(builtinTemplatesDir, 'order-on-motion@1.0.0.json'), 'utf8'));
    await put('order-on-motion@1.10.0.json', { ...original, version: '1.10.0' });
    await put('order-on-motion@1.9.0.json', { ...original, version: '1.9.0' });
    await put('order-on-motion@2.0.0-rc.1.json', { ...original, version: '2.0.0-rc.1' });
    await put('short-order@0.1.0.json', minimal({ version: '0.1.0' }));
    await writeFile(join(dir, 'README.txt'), 'not a template');
    const reg = await loadTemplates([builtinTemplatesDir, dir]);
    expect(reg.versions('order-on-motion')).toEqual(['1.0.0', '1.9.0', '1.10.0', '2.0.0-rc.1']);
    expect(reg.latest('order-on-motion').version).toBe('1.10.0');
    expect(reg.latest('short-order').version).toBe('0.1.0');
    expect(() => reg.get('order-on-motion', '3.0.0')).toThrow(expect.objectContaining({ code: 'TEMPLATE_NOT_FOUND' }));
    expect(() => reg.latest('no-such-template')).toThrow(expect.objectContaining({ code: 'TEMPLATE_NOT_FOUND' }));
  });

  it('takes a pre-release as latest only when no release exists', async () => {
    await put('short-order@1.0.0-beta.2.json', minimal({ version: '1.0.0-beta.2' }));
    await put('short-order@1.0.0-beta.10.json', minimal({ version: '1.0.0-beta.10' }));
    await put('short-order@1.0.0-alpha.json', minimal({ version: '1.0.0-alpha' }));
    const reg = await loadTemplates(dir);
    expect(reg.versions('short-order')).toEqual(['1.0.0-alpha', '1.0.0-beta.2', '1.0.0-beta.10']);
    expect(reg.latest('short-order').version).toBe('1.0.0-beta.10');
  });

  it('rejects the same id@version in two directories, naming both files', async () => {
    await copyFile(join(builtinTemplatesDir, 'judgment@1.0.0.json'), join(dir, 'judgment@1.0.0.json'));
    const err = await problemsOf(loadTemplates([builtinTemplatesDir, dir]));
    expect(err.code).toBe('TEMPLATE_DUPLICATE');
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0].file).toBe(join(dir, 'judgment@1.0.0.json'));
    expect(err.problems[0].message).toContain(join(builtinTemplatesDir, 'judgment@1.0.0.json'));
  });

  it('lists every problem of every bad file, each with its file name', async () => {
    await put('broken@1.0.0.json', '{ "id": "broken", ');
    await put('short-order@1.0.json', minimal({ version: '1.0' }));
    await put('wrong-name@1.0.0.json', minimal());
    await put('typos@1.0.0.json', {
      ...minimal({ id: 'typos' }),
      sections: [
        { id: 'body', paragraphs: [{ sentences: ['Ordered on {{orderDate}}.', 'Missing close {{caseNumber}.'] }] },
        { id: 'body', paragraphs: [{ each: 'outcome' }] },
        { id: 'costs', when: { slot: 'outcome', equals: 'allowed' }, paragraphs: [{ sentences: ['Costs follow the event.'] }] },
      ],
      titleAfter: 'heading',
      extra: true,
    });
    await put('slots@1.0.0.json', {
      ...minimal({ id: 'slots' }),
      slots: [
        { name: 'caseNumber', type: 'string', source: 'case' },
        { name: 'caseNumber', type: 'string', source: 'user' },
        { name: 'outcome', type: 'enum', source: 'user' },
        { name: 'when', type: 'datetime', source: 'user' },
        { name: 'background', type: 'text', source: 'summary' },
        { name: 'docket', type: 'string', source: 'brief', from: 'caseNumber' },
      ],
    });
    await put('good@1.0.0.json', minimal({ id: 'good' }));
    const err = await problemsOf(loadTemplates(dir));
    expect(err.code).toBe('TEMPLATE_INVALID');
    const byFile = (name: string) => err.problems.filter((p) => p.file === join(dir, name)).map((p) => `${p.path} ${p.message}`);

    expect(byFile('broken@1.0.0.json')).toEqual([expect.stringContaining('not valid JSON')]);
    expect(byFile('short-order@1.0.json')).toEqual([expect.stringMatching(/^\/version version "1.0" is not a semantic version/)]);
    expect(byFile('wrong-name@1.0.0.json')).toEqual([expect.stringContaining('file name must be short-order@1.0.0.json')]);

    const typos = byFile('typos@1.0.0.json');
    expect(typos).toEqual(
      expect.arrayContaining([
        expect.stringContaining('/extra unknown field "extra"'),
        expect.stringContaining('placeholder {{orderDate}} names no slot'),
        expect.stringContaining('unbalanced "{{"'),
        expect.stringContaining('duplicate section id "body"'),
        expect.stringContaining('"each" needs a parties, list, sentences or text slot'),
        expect.stringContaining('"allowed" is not a value of enum slot "outcome"'),
        expect.stringContaining('/titleAfter no section "heading"'),
      ]),
    );
    expect(typos).toHaveLength(7);

    const slots = byFile('slots@1.0.0.json');
    expect(slots).toEqual(
      expect.arrayContaining([
        expect.stringContaining('duplicate slot "caseNumber"'),
        expect.stringContaining('an enum slot needs "values"'),
        expect.stringContaining('/slots/3/type type must be one of'),
        expect.stringContaining('"background" is of type sentences, not text'),
        expect.stringContaining('"caseNumber" comes from case, not brief'),
      ]),
    );
    expect(err.problems.some((p) => p.file.endsWith('good@1.0.0.json'))).toBe(false);
    expect(err.message).toContain(join(dir, 'typos@1.0.0.json'));
  });

  it('reports a templates directory that does not exist', async () => {
    const missing = join(dir, 'nope');
    const err = await problemsOf(loadTemplates([missing]));
    expect(err.problems).toEqual([expect.objectContaining({ file: missing, message: expect.stringContaining('ENOENT') })]);
  });
});

describe('parseTemplate', () => {
  it('validates one template from its text, for an upload that has no file name yet', () => {
    const t = parseTemplate(JSON.stringify(minimal()), 'upload', false);
    expect(t).toMatchObject({ id: 'short-order', version: '1.0.0', sections: [{ id: 'body', numbered: false }] });
    expect(t.slots[1]).toEqual({ name: 'outcome', type: 'enum', required: true, source: 'user', label: 'outcome', values: ['granted', 'denied'] });
    expect(() => parseTemplate(JSON.stringify(minimal({ id: 'Bad Id' })), 'upload', false)).toThrow(/id "Bad Id" must be lower-case/);
  });
});

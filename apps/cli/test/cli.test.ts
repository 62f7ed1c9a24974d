import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/amicus.js', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/judgment.txt', import.meta.url));
const text = readFileSync(fixture, 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'amicus-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function amicus(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
/** Display text is the source span with line breaks joined (the fixture has no hyphenation or page numbers). */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('amicus summarize', () => {
  it('prints the court’s result, then summary sentences taken from the file, as plain text', async () => {
    const r = await amicus(['summarize', fixture, '--words', '120']);
    expect(r.code).toBe(0);
    const [result, blank, ...lines] = r.stdout.trim().split('\n');
    // The fixture is a petition under article 32 of the Constitution that ends "Petition dismissed."
    expect(result).toMatch(/^Result: petition dismissed — .+ \(sentence \d+\)$/);
    expect(blank).toBe('');
    expect(lines.length).toBeGreaterThan(1);
    const flat = squash(text);
    for (const line of lines) expect(flat).toContain(line);
    expect(words(lines.join(' '))).toBeLessThanOrEqual(120);
  });

  it('emits one JSON object per file with offsets into the source, hash and model identity', async () => {
    const other = join(tmp, 'second.txt');
    writeFileSync(other, text.slice(0, Math.floor(text.length / 2)));
    const r = await amicus(['summarize', fixture, other, '--length', 'short', '--json', '--threads', '1']);
    expect(r.code).toBe(0);
    const objects = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(objects.map((o) => o.file)).toEqual([fixture, other]);
    const first = objects[0];
    expect(first.sha256).toBe(createHash('sha256').update(readFileSync(fixture)).digest('hex'));
    expect(first.words).toBeLessThanOrEqual(150);
    expect(Object.keys(first.model).sort()).toEqual(['name', 'sha256', 'version']);
    expect(first.model.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof first.ms).toBe('number');
    expect(first.outcome).toMatchObject({ disposition: 'dismissed', label: 'petition dismissed' });
    expect(first.summary[first.outcome.sentence].result).toBe(true);
    expect(first.language).toMatchObject({ code: 'en', supported: true });
    expect(first.warnings).toEqual([]);
    for (const s of first.summary) {
      expect(Object.keys(s).sort()).toEqual(['end', 'paragraph', 'paragraphIndex', 'result', 'role', 'start', 'text']);
      expect(squash(text.slice(s.start, s.end))).toBe(s.text);
    }
  });

  it('adds a case brief whose fields point back into the source text', async () => {
    const r = await amicus(['summarize', fixture, '--json', '--words', '100']);
    expect(r.code).toBe(0);
    const { brief } = JSON.parse(r.stdout.trim());
    expect(Object.keys(brief).sort()).toEqual(['authorities', 'caseNumbers', 'court', 'issues', 'judges', 'missing', 'outcome', 'parties', 'statutes', 'timeline']);
    // The fixture is a petition under article 32 of the Constitution that ends "Petition dismissed."
    const constitution = brief.statutes.find((s: { instrument: string }) => s.instrument === 'Constitution');
    expect(constitution.provisions).toContain('article 32');
    expect(brief.outcome.disposition).toBe('dismissed');
    const spans: Array<{ start: number; end: number; text: string }> = [];
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string') spans.push(o as never);
        Object.values(o).forEach(collect);
      }
    };
    collect(brief);
    expect(spans.length).toBeGreaterThan(5);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('summarizes a JSON Lines batch with per-line word budgets and reports bad lines', async () => {
    const input = join(tmp, 'batch.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'a', text, budget: 60 }),
        JSON.stringify({ id: 'b', text }),
        'not json',
        JSON.stringify({ id: 'c', text: '' }),
      ].join('\n') + '\n',
    );
    const r = await amicus(['summarize', '--jsonl', input, '--words-field', 'budget', '--words', '200']);
    expect(r.code).toBe(1);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    const [a, b, bad, empty] = out;
    expect(a.id).toBe('a');
    expect(a.summary.reduce((n: number, s: { text: string }) => n + words(s.text), 0)).toBeLessThanOrEqual(60);
    expect(b.summary.reduce((n: number, s: { text: string }) => n + words(s.text), 0)).toBeGreaterThan(60);
    for (const s of [...a.summary, ...b.summary]) expect(squash(text.slice(s.start, s.end))).toBe(s.text);
    expect(a.outcome.label).toBe('petition dismissed');
    expect(a.warnings).toEqual([]);
    expect(bad.error.code).toBe('BAD_LINE');
    expect(empty).toEqual({ id: 'c', error: { code: 'EMPTY_INPUT', message: expect.any(String) } });
  });

  it('reads an HTML judgment through text extraction', async () => {
    const paragraphs = text.split(/\n+/).filter((p) => p.trim());
    const html = join(tmp, 'judgment.html');
    writeFileSync(html, `<!doctype html><html><body>${paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('')}</body></html>`);
    const r = await amicus(['summarize', html, '--words', '100', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.summary.length).toBeGreaterThan(0);
    const flat = text.replace(/\s+/g, ' ');
    for (const s of out.summary) expect(flat).toContain(s.text.replace(/\s+/g, ' '));
  });

  it('warns, in the output and on stderr, when the text is in a language the model was not trained on', async () => {
    const zh = join(tmp, 'judgment-zh.txt');
    writeFileSync(zh, '本院认为，双方签订的租赁合同合法有效。上诉人主张被上诉人违约，但未提交证据予以证明。综上所述，上诉人的上诉请求不能成立，应予驳回。判决如下：驳回上诉，维持原判。');
    const plain = await amicus(['summarize', zh, '--words', '30']);
    expect(plain.code).toBe(0);
    expect(plain.stdout.split('\n')[0]).toMatch(/^Warning: The text appears to be in Chinese/);
    const json = await amicus(['summarize', zh, '--words', '30', '--json']);
    const out = JSON.parse(json.stdout);
    expect(out.language).toMatchObject({ code: 'zh', supported: false });
    expect(out.warnings).toHaveLength(1);
    expect(json.stderr).toMatch(/warning: The text appears to be in Chinese/);
  });

  it('fails clearly on an empty file and on a binary file', async () => {
    const empty = join(tmp, 'empty.txt');
    const binary = join(tmp, 'image.bin');
    writeFileSync(empty, '');
    writeFileSync(binary, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)));
    const r1 = await amicus(['summarize', empty]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain('EMPTY_INPUT');
    const r2 = await amicus(['summarize', binary, '--json']);
    expect(r2.code).toBe(1);
    expect(JSON.parse(r2.stdout).error.code).toBe('NOT_TEXT');
  });

  it('rejects contradictory options with a usage error', async () => {
    const r = await amicus(['summarize', fixture, '--words', '100', '--ratio', '0.2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/at most one of --words, --ratio and --length/);
  });

  it('refuses a model directory that fails verification', async () => {
    const r = await amicus(['summarize', fixture], { AMICUS_MODEL_DIR: tmp });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('MODEL_INTEGRITY');
    expect(r.stderr).toContain('manifest.json');
  });
});

/**
 * Benchmark: `npm run bench -w @amicus/legal-nlp` (after a build).
 *  1. A generated 100-page born-digital PDF (text of real judgments): text extraction, segmentation and
 *     entities, median of several runs. Target: at most 3 s on 2 cores.
 *  2. OCR of scanned pages rendered at 300 dpi (full pages of judgment text), seconds per page, median of
 *     several runs. Target: at most 5 s a page on 2 cores.
 *  3. The judgment structure (analyzeJudgment) and the case brief (buildBrief) on a 15,000-word judgment text
 *     (real judgments from fixtures/judgments, joined): median of several runs after a warm-up run. Target: the
 *     structure and the brief add at most 100 ms to segmentation and entities on 2 cores.
 * Options: --runs N (default 5), --ocr-runs N (default 3), --ocr-pages N (default 4), --skip-ocr, --skip-text.
 * Wall-clock figures depend on what else the machine runs; CPU time is printed beside them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBrief } from '../brief/index.js';
import { extractEntities } from '../entities/index.js';
import { extractText } from '../extract/index.js';
import { makeScannedPdf, makeTextPdf } from '../extract/testing/documents.js';
import { countWords, segment } from '../segment/index.js';
import { analyzeJudgment } from '../structure/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const judgmentsDir = path.resolve(here, '../../fixtures/judgments');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** CPU seconds used by this process (all threads, OCR workers included) since `from`. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Paragraphs of real judgment text, repeated as needed. */
function judgmentParagraphs(): string[] {
  const paragraphs: string[] = [];
  for (const file of readdirSync(judgmentsDir).filter((f) => f.endsWith('.txt')).sort()) {
    for (const p of readFileSync(path.join(judgmentsDir, file), 'utf8').split('\n')) {
      const t = p.replace(/\s+/g, ' ').trim();
      if (t.length > 40) paragraphs.push(t);
    }
  }
  return paragraphs;
}

/** Pages of about `chars` characters each. */
function pagesOf(paragraphs: string[], count: number, chars: number): string[][] {
  const pages: string[][] = [];
  let i = 0;
  for (let p = 0; p < count; p++) {
    const page: string[] = [];
    let size = 0;
    while (size < chars) {
      const para = paragraphs[i++ % paragraphs.length];
      page.push(para);
      size += para.length;
    }
    pages.push(page);
  }
  return pages;
}

/** Lines of at most `width` characters, as typed on a page. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

async function benchText(runs: number): Promise<void> {
  const paragraphs = judgmentParagraphs();
  const pdf = await makeTextPdf(pagesOf(paragraphs, 100, 2600));
  const times = { extract: [] as number[], segment: [] as number[], entities: [] as number[], total: [] as number[], cpu: [] as number[] };
  let summary = '';
  for (let r = 0; r < runs; r++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const doc = await extractText(pdf);
    const t1 = performance.now();
    const seg = segment(doc.text);
    const t2 = performance.now();
    const entities = extractEntities(doc.text);
    const t3 = performance.now();
    times.extract.push(t1 - t0);
    times.segment.push(t2 - t1);
    times.entities.push(t3 - t2);
    times.total.push(t3 - t0);
    times.cpu.push(cpuSince(c0) * 1000);
    summary = `${doc.pages.length} pages, ${doc.text.length} characters, ${seg.sentences.length} sentences, ${entities.length} entities`;
  }
  const s = (xs: number[]): string => (median(xs) / 1000).toFixed(3);
  process.stdout.write(`\n100-page born-digital PDF (${(pdf.length / 1024).toFixed(0)} KiB; ${summary})\n`);
  process.stdout.write(`  median of ${runs} runs: text ${s(times.extract)} s + segmentation ${s(times.segment)} s + entities ${s(times.entities)} s = ${s(times.total)} s (target <= 3 s)\n`);
  process.stdout.write(`  CPU time, median: ${s(times.cpu)} s\n`);
  process.stdout.write(`  all runs (s): ${times.total.map((t) => (t / 1000).toFixed(3)).join(', ')}\n`);
}

async function benchOcr(runs: number, pageCount: number): Promise<void> {
  const text = judgmentParagraphs().slice(0, 60).join(' ');
  const lines = wrap(text, 78);
  const pages: string[][] = [];
  for (let p = 0; p < pageCount; p++) pages.push(lines.slice(p * 44, p * 44 + 44));
  const pdf = await makeScannedPdf(pages);
  const perPage: number[] = [];
  const cpuPerPage: number[] = [];
  let words = 0;
  for (let r = 0; r < runs; r++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const doc = await extractText(pdf);
    const ms = performance.now() - t0;
    perPage.push(ms / doc.pages.length);
    cpuPerPage.push(cpuSince(c0) / doc.pages.length);
    words = doc.text.split(/\s+/).length;
    if (doc.ocrPages !== pageCount) throw new Error(`expected ${pageCount} OCR pages, got ${doc.ocrPages}`);
  }
  // Word accuracy against the typed text: share of typed words found in the OCR output (bag of words).
  const doc = await extractText(pdf);
  const truth = pages.flat().join(' ').split(/\s+/);
  const seen = new Map<string, number>();
  for (const w of doc.text.split(/\s+/)) seen.set(w, (seen.get(w) ?? 0) + 1);
  let hit = 0;
  for (const w of truth) {
    const n = seen.get(w) ?? 0;
    if (n > 0) {
      hit++;
      seen.set(w, n - 1);
    }
  }
  process.stdout.write(`\nOCR, scanned A4 pages rendered at 300 dpi (${pageCount} pages of ${pages[0].length} lines, ${words} words read)\n`);
  process.stdout.write(`  median of ${runs} runs: ${(median(perPage) / 1000).toFixed(2)} s per page, worker start included (target <= 5 s)\n`);
  process.stdout.write(`  CPU time per page, median: ${median(cpuPerPage).toFixed(2)} s (rendering + OCR; ${Math.min(2, availableParallelism())} OCR workers)\n`);
  process.stdout.write(`  all runs (s/page): ${perPage.map((t) => (t / 1000).toFixed(2)).join(', ')}\n`);
  process.stdout.write(`  words of the typed text found in the OCR text: ${((hit / truth.length) * 100).toFixed(1)}%\n`);
}

/** The first `words` words of the fixture judgments, the longest first (one judgment of that length). */
function judgmentOfWords(words: number): string {
  const texts = readdirSync(judgmentsDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(path.join(judgmentsDir, f), 'utf8'))
    .sort((a, b) => b.length - a.length);
  let text = '';
  for (const t of texts) {
    text += (text ? '\n' : '') + t;
    if (countWords(text) >= words) break;
  }
  const cut = [...text.matchAll(/\S+/g)][words - 1];
  return cut ? text.slice(0, cut.index + cut[0].length) : text;
}

function benchStructure(runs: number): void {
  const text = judgmentOfWords(15_000);
  const times = { base: [] as number[], structure: [] as number[], brief: [] as number[], cpu: [] as number[], cpuBrief: [] as number[] };
  for (let r = 0; r <= runs; r++) {
    gc();
    const t0 = performance.now();
    const sentences = segment(text).sentences;
    const entities = extractEntities(text);
    const t1 = performance.now();
    const cpuStart = process.cpuUsage();
    analyzeJudgment(text, { sentences, entities });
    const t2 = performance.now();
    const cpuStructure = cpuSince(cpuStart);
    const cpuBrief = process.cpuUsage();
    const t3 = performance.now();
    buildBrief([{ text }]);
    const t4 = performance.now();
    times.cpuBrief.push(cpuSince(cpuBrief));
    if (r === 0) continue; // warm-up: the court table is read and the code compiled
    times.base.push(t1 - t0);
    times.structure.push(t2 - t1);
    times.brief.push(t4 - t3);
    times.cpu.push(cpuStructure);
  }
  const ms = (v: number[]) => median(v).toFixed(0);
  process.stdout.write(`\nJudgment structure and case brief, ${countWords(text).toLocaleString('en')}-word judgment text (${text.length.toLocaleString('en')} characters)\n`);
  process.stdout.write(`  median of ${runs} runs: segmentation + entities ${ms(times.base)} ms; structure (analyzeJudgment, given them) ${ms(times.structure)} ms (target <= 100 ms)\n`);
  process.stdout.write(`  whole brief (buildBrief: segmentation, entities, structure, authorities, statutes, timeline) ${ms(times.brief)} ms; brief over segmentation + entities ${(median(times.brief) - median(times.base)).toFixed(0)} ms\n`);
  process.stdout.write(`  CPU time, median: structure ${(median(times.cpu) * 1000).toFixed(0)} ms; whole brief ${(median(times.cpuBrief) * 1000).toFixed(0)} ms\n`);
}

async function main(): Promise<void> {
  process.stdout.write(`@amicus/legal-nlp bench: Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'})\n`);
  if (!process.argv.includes('--skip-text')) await benchText(arg('--runs', 5));
  benchStructure(arg('--runs', 5));
  if (!process.argv.includes('--skip-ocr')) await benchOcr(arg('--ocr-runs', 3), arg('--ocr-pages', 4));
}

await main();

// Real judgments from the shared legal-sum data, the shipped model's availability, and a small
// reader of ZIP entries (DOCX files) for tests of summaries and drafting.
import { createReadStream, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip, inflateRawSync } from 'node:zlib';
import { modelDir } from '@amicus/legal-model';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The shared data set directory (`<repo>/../shared/data/legal-sum`). */
export const LEGAL_SUM_DIR = resolve(repoRoot, '../shared/data/legal-sum');

/** The shipped model directory, when it holds a model (its manifest). */
export const TEST_MODEL_DIR = modelDir;

export function modelAvailable(): boolean {
  return existsSync(join(TEST_MODEL_DIR, 'manifest.json'));
}

export function judgmentsAvailable(): boolean {
  return existsSync(join(LEGAL_SUM_DIR, 'uk-abs.train.jsonl.gz'));
}

/** The text of one judgment of a data set, by id (reads the gzip file as a stream until found). */
export async function loadJudgment(id: string, dataset = 'uk-abs'): Promise<string> {
  const lines = createInterface({ input: createReadStream(join(LEGAL_SUM_DIR, `${dataset}.train.jsonl.gz`)).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.includes(`"${id}"`)) continue;
    const row = JSON.parse(line) as { id: string; text: string };
    if (row.id === id) {
      lines.close();
      return row.text;
    }
  }
  throw new Error(`judgment ${id} not found in ${dataset}`);
}

/** One entry of a ZIP archive (stored or deflated), found through the central directory. */
export function unzipEntry(zip: Buffer, name: string): Buffer {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a ZIP archive');
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt central directory');
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const entryName = zip.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    if (entryName === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? Buffer.from(data) : inflateRawSync(data);
    }
    p += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} not in the archive`);
}

/** The text of a DOCX body: the runs of each paragraph joined, paragraphs separated by newlines. */
export function docxText(docx: Buffer): string {
  const xml = unzipEntry(docx, 'word/document.xml').toString('utf8');
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join(''))
    .join('\n');
}

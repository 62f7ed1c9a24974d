// Real judgments from the shared legal-summarization data (JSON Lines, gzip), read with zlib.
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { legalSumDir } from './config.js';

export function judgmentsAvailable(dataset = 'uk-abs'): boolean {
  return existsSync(join(legalSumDir, `${dataset}.train.jsonl.gz`));
}

/** The text of the judgment with this `id`; reading stops at its line. */
export async function readJudgment(id: string, dataset = 'uk-abs'): Promise<string> {
  const input = createReadStream(join(legalSumDir, `${dataset}.train.jsonl.gz`)).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (!line.includes(`"${id}"`)) continue;
      const record = JSON.parse(line) as { id: string; text: string };
      if (record.id === id) return record.text;
    }
  } finally {
    lines.close();
    input.destroy();
  }
  throw new Error(`No judgment with id ${id} in ${dataset}`);
}

import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalBlobStore } from './blob-store.js';

function chunks(...parts: Buffer[]): Readable {
  return Readable.from(parts);
}

describe('BlobStore', () => {
  let dir: string;
  let store: LocalBlobStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'amicus-blobs-'));
    store = new LocalBlobStore(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const tempFiles = () => readdirSync(store.tempDir);

  it('stores bytes under their sha256, read-only, and the same bytes only once even when committed concurrently', async () => {
    const bytes = Buffer.from('IN THE HIGH COURT\n\nSmith v Jones\n'.repeat(500));
    const sha = createHash('sha256').update(bytes).digest('hex');
    const received = await Promise.all([0, 1, 2].map(() => store.receive(chunks(bytes.subarray(0, 7000), bytes.subarray(7000)), 1 << 20)));
    expect(received.map((r) => [r.sha256, r.bytes, r.sniffed.kind])).toEqual(Array(3).fill([sha, bytes.length, 'text']));
    const stored = await Promise.all(received.map((r) => store.commit(r)));
    expect(stored.filter(Boolean)).toHaveLength(1);
    expect(store.pathOf(sha)).toBe(join(dir, 'blobs', sha.slice(0, 2), sha));
    expect(readFileSync(store.pathOf(sha)).equals(bytes)).toBe(true);
    expect(statSync(store.pathOf(sha)).mode & 0o222).toBe(0);
    expect(tempFiles()).toEqual([]);
  });

  it('stops at the first byte over the limit and leaves no temporary file', async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(16 * 1024, 'a'));
      },
    });
    await expect(store.receive(endless, 100 * 1024)).rejects.toMatchObject({ reason: 'FILE_TOO_LARGE', code: 'PAYLOAD_TOO_LARGE' });
    expect(pulled).toBeLessThan(20);
    expect(tempFiles()).toEqual([]);
  });

  it('refuses binary content and empty files by their bytes, whatever they are called', async () => {
    await expect(store.receive(chunks(Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), Buffer.alloc(9000, 0)), 1 << 20)).rejects.toMatchObject({
      reason: 'UNSUPPORTED_TYPE',
    });
    await expect(store.receive(chunks(), 1 << 20)).rejects.toMatchObject({ reason: 'EMPTY_FILE' });
    expect(tempFiles()).toEqual([]);
  });

  it('recognises a PDF from its first bytes even when they arrive one at a time', async () => {
    const pdf = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1');
    const received = await store.receive(Readable.from([...pdf].map((b) => Buffer.from([b]))), 1 << 20);
    expect(received.sniffed.mediaType).toBe('application/pdf');
    await store.abandon(received);
    expect(tempFiles()).toEqual([]);
  });
});

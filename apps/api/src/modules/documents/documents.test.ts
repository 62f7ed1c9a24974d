// Documents through the real app: HTTP upload and download, extraction jobs on the embedded queue,
// GraphQL reads, bad input and the case-access policy, on SQLite and PostgreSQL.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { makeDocx, makeScannedPdf, makeTextPdf, makeZipBomb } from '@amicus/legal-nlp/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseAvailable, ok, startTestApp, TestApp, TestUser } from '../../../test/helpers/test-app.js';
import { AuditService } from '../audit/audit.service.js';
import { UserRole } from '../users/user.entity.js';
import { DocumentExtractionProcessor } from './document-extraction.processor.js';
import { DocumentsService } from './documents.service.js';
import type { JobContext, JobQueue } from '../jobs/job-queue.js';
import { JOB_QUEUE } from '../jobs/job-queue.token.js';

const LIMIT = 2 * 1024 * 1024;

const JUDGMENT_PAGE_1 = [
  'IN THE HIGH COURT OF JUSTICE',
  'Smith v Jones',
  'Case No. HC-2020-000123',
  'The claim was issued on 12 March 2020 for damages of £5,000.',
];
const JUDGMENT_PAGE_2 = [
  'The claimant relies on Donoghue v Stevenson [1932] AC 562 and on section 2 of the Limitation Act 1980.',
  'For these reasons the appeal is dismissed.',
];

interface UploadAnswer {
  status: number;
  body: { document?: Record<string, unknown> & { id: string; sha256: string }; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
  text: string;
}

interface DocView {
  id: string;
  extractionStatus: string;
  extractionError: string | null;
  mediaType: string;
  pages: number | null;
  ocr: boolean;
  sha256: string;
  job: { id: string; state: string; progress: number } | null;
}

const DOC_FIELDS = 'id extractionStatus extractionError mediaType pages ocr sha256 job { id state progress }';

describe.skipIf(!databaseAvailable())('documents', () => {
  let t: TestApp;
  let clerk: TestUser;
  let outsider: TestUser;
  let caseId: string;
  let otherCaseId: string;
  let sealedCaseId: string;
  let judgmentPdf: Buffer;
  let scannedPdf: Buffer;
  let zipBomb: Buffer;

  const blobFiles = (): string[] => {
    const root = join(t.config.dataDir, 'blobs');
    if (!existsSync(root)) return [];
    return readdirSync(root).flatMap((dir) => readdirSync(join(root, dir)));
  };
  const tempFiles = (): string[] => {
    const dir = join(t.config.dataDir, 'tmp');
    return existsSync(dir) ? readdirSync(dir) : [];
  };
  const documentCount = async (): Promise<number> => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM documents'))[0].n);

  async function upload(token: string, targetCase: string, file: Uint8Array, name: string, fields: Record<string, string> = {}): Promise<UploadAnswer> {
    const form = new FormData();
    const all = { title: `Document ${name}`, kind: 'judgment', filedDate: '2020-03-12', ...fields };
    for (const [k, v] of Object.entries(all)) form.append(k, v);
    form.append('file', new Blob([file]), name);
    const res = await fetch(`${t.url}/api/cases/${targetCase}/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text) as UploadAnswer['body'], text };
  }

  async function settled(id: string, token = clerk.token): Promise<DocView> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const data = ok(await t.gql<{ document: DocView }>(`query($id: ID!) { document(id: $id) { ${DOC_FIELDS} } }`, { id }, token));
      if (data.document.extractionStatus === 'DONE' || data.document.extractionStatus === 'FAILED') return data.document;
      if (Date.now() > deadline) throw new Error(`extraction of ${id} did not finish: ${JSON.stringify(data.document)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function createCase(token: string, docketNumber: string, sealed = false): Promise<string> {
    const data = ok(
      await t.gql<{ createCase: { id: string } }>(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
        {
          input: {
            docketNumber,
            title: 'Smith v Jones',
            court: 'HC',
            caseType: 'civil',
            filedDate: '2020-03-12',
            ...(sealed ? { sealed: true } : {}),
            parties: [
              { name: 'Smith', role: 'PLAINTIFF' },
              { name: 'Jones', role: 'DEFENDANT' },
            ],
          },
        },
        token,
      ),
    );
    return data.createCase.id;
  }

  beforeAll(async () => {
    // fixtures that take seconds of synchronous work are made before the server takes connections
    judgmentPdf = await makeTextPdf([JUDGMENT_PAGE_1, JUDGMENT_PAGE_2]);
    scannedPdf = await makeScannedPdf([['ORDER OF THE COURT', 'The application is granted.']]);
    zipBomb = makeZipBomb(50 * 1024 * 1024);
    t = await startTestApp({ AMICUS_MAX_UPLOAD_BYTES: String(LIMIT), AMICUS_JOB_POLL_INTERVAL: '50ms', AMICUS_JOB_MAX_ATTEMPTS: '1' });
    const admin = await t.admin();
    clerk = await t.createUser(UserRole.CLERK, 'HC');
    outsider = await t.createUser(UserRole.CLERK, 'HC');
    caseId = await createCase(clerk.token, 'HC-1');
    otherCaseId = await createCase(clerk.token, 'HC-2');
    sealedCaseId = await createCase(admin.token, 'HC-SEALED', true);
    ok(await t.gql(`mutation($c: ID!, $u: ID!) { assignUser(caseId: $c, userId: $u) { id } }`, { c: sealedCaseId, u: clerk.user.id }, admin.token));
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('has no schema drift between the document entities and their migration', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query).filter((q) => /document/.test(q))).toEqual([]);
  });

  it('stores a born-digital PDF, extracts its pages and entities, and serves them through GraphQL', async () => {
    const up = await upload(clerk.token, caseId, judgmentPdf, 'judgment.pdf', { title: 'Judgment of 12 March 2020' });
    expect(up.status).toBe(201);
    const id = up.body.document!.id;
    expect(up.body.document).toMatchObject({ caseId, title: 'Judgment of 12 March 2020', kind: 'judgment', filedDate: '2020-03-12', mediaType: 'application/pdf', originalName: 'judgment.pdf', bytes: judgmentPdf.length });

    const done = await settled(id);
    expect(done).toMatchObject({ extractionStatus: 'DONE', extractionError: null, pages: 2, ocr: false, job: { state: 'SUCCEEDED', progress: 100 } });

    const data = ok(
      await t.gql<{
        document: {
          text: string;
          page2: string;
          pageTexts: { totalCount: number; edges: Array<{ node: { number: number; text: string; ocr: boolean; start: number; end: number } }> };
          citations: Array<{ type: string; text: string; start: number; end: number; normalized: string | null; page: number }>;
          dates: Array<{ text: string; normalized: string | null; page: number }>;
        };
      }>(
        `query($id: ID!) { document(id: $id) {
          text page2: text(page: 2)
          pageTexts(first: 10) { totalCount edges { node { number text ocr start end } } }
          citations: entities(type: CASE_CITATION) { type text start end normalized page }
          dates: entities(type: DATE) { text normalized page }
        } }`,
        { id },
        clerk.token,
      ),
    );
    const doc = data.document;
    expect(doc.page2).toContain('the appeal is dismissed');
    expect(doc.pageTexts.totalCount).toBe(2);
    for (const { node } of doc.pageTexts.edges) {
      expect(node.ocr).toBe(false);
      expect(doc.text.slice(node.start, node.end)).toBe(node.text);
    }
    const citation = doc.citations.find((c) => c.text.includes('[1932] AC 562'));
    expect(citation).toBeDefined();
    expect(citation!.page).toBe(2);
    expect(doc.text.slice(citation!.start, citation!.end)).toBe(citation!.text);
    expect(doc.dates).toContainEqual(expect.objectContaining({ normalized: '2020-03-12', page: 1 }));
  });

  it('builds the case brief from the extracted documents, with sources naming document and page', async () => {
    const briefCase = await createCase(clerk.token, 'HC-BRIEF');
    const pdf = await upload(clerk.token, briefCase, judgmentPdf, 'judgment.pdf');
    const notice = await upload(clerk.token, briefCase, Buffer.from('NOTICE\n\nSmith v Jones is listed for hearing on 4 May 2021.\n'), 'notice.txt', { kind: 'other' });
    const pdfId = (await settled(pdf.body.document!.id)).id;
    const noticeId = (await settled(notice.body.document!.id)).id;
    const data = ok(
      await t.gql<{
        caseBrief: {
          documentIds: string[];
          parties: Array<{ name: string; sources: Array<{ documentId: string; page: number; start: number; end: number; text: string }> }>;
          authorities: Array<{ citations: string[]; count: number; citedAt: Array<{ documentId: string; page: number }> }>;
          timeline: Array<{ date: string; sources: Array<{ documentId: string }> }>;
          outcome: { disposition: string; sources: Array<{ documentId: string; page: number }> } | null;
        };
      }>(
        `query($id: ID!) { caseBrief(caseId: $id) {
          documentIds
          parties { name sources { documentId page start end text } }
          authorities { citations count citedAt { documentId page } }
          timeline { date sources { documentId } }
          outcome { disposition sources { documentId page } }
        } }`,
        { id: briefCase },
        clerk.token,
      ),
    );
    const brief = data.caseBrief;
    expect(brief.documentIds).toEqual([pdfId, noticeId]);
    const texts = ok(await t.gql<{ a: { text: string }; b: { text: string } }>(`query($a: ID!, $b: ID!) { a: document(id: $a) { text } b: document(id: $b) { text } }`, { a: pdfId, b: noticeId }, clerk.token));
    const textOf = (id: string) => (id === pdfId ? texts.a.text : texts.b.text);
    expect(brief.parties.map((p) => p.name)).toEqual(expect.arrayContaining(['Smith', 'Jones']));
    for (const party of brief.parties) {
      for (const s of party.sources) expect(textOf(s.documentId).slice(s.start, s.end)).toBe(s.text);
    }
    const donoghue = brief.authorities.find((a) => a.citations.some((c) => c.includes('[1932] AC 562')));
    expect(donoghue?.citedAt[0]).toMatchObject({ documentId: pdfId, page: 2 });
    expect(brief.timeline.map((e) => e.date)).toEqual(expect.arrayContaining(['2020-03-12', '2021-05-04']));
    expect(brief.outcome).toMatchObject({ disposition: 'dismissed', sources: [{ documentId: pdfId, page: 2 }] });

    const outsiderView = await t.gql(`query($id: ID!) { caseBrief(caseId: $id) { documentIds } }`, { id: sealedCaseId }, outsider.token);
    expect(outsiderView.data).toEqual({ caseBrief: null });
  });

  it('reads a scanned PDF by OCR and flags the page', async () => {
    const scan = scannedPdf;
    const stages: string[] = [];
    const unsubscribe = t.app.get<JobQueue>(JOB_QUEUE).onProgress((e) => {
      if (e.stage) stages.push(e.stage);
    });
    const up = await upload(clerk.token, caseId, scan, 'scan.pdf', { kind: 'order' });
    expect(up.status).toBe(201);
    const done = await settled(up.body.document!.id);
    unsubscribe();
    expect(done).toMatchObject({ extractionStatus: 'DONE', pages: 1, ocr: true, job: { state: 'SUCCEEDED' } });
    expect(stages).toEqual(expect.arrayContaining(['reading', 'page 1/1', 'ocr page 1/1', 'entities', 'storing']));
    expect(stages.indexOf('ocr page 1/1')).toBeLessThan(stages.indexOf('entities'));
    const data = ok(
      await t.gql<{ document: { text: string; pageTexts: { edges: Array<{ node: { ocr: boolean } }> } } }>(
        `query($id: ID!) { document(id: $id) { text pageTexts { edges { node { ocr } } } } }`,
        { id: done.id },
        clerk.token,
      ),
    );
    expect(data.document.text.toLowerCase()).toContain('application is granted');
    expect(data.document.pageTexts.edges[0].node.ocr).toBe(true);
  }, 120_000);

  it('reads a Word document and a text file', async () => {
    const docx = await makeDocx('Motion to adjourn', ['The defendant applies for an adjournment to 4 May 2021.']);
    const text = Buffer.from('NOTICE OF HEARING\n\nSmith v Jones is listed for hearing on 4 May 2021.\n', 'utf8');
    const [a, b] = [await upload(clerk.token, caseId, docx, 'motion.docx', { kind: 'motion' }), await upload(clerk.token, caseId, text, 'notice.txt', { kind: 'other' })];
    expect([a.status, b.status]).toEqual([201, 201]);
    const [docDone, textDone] = [await settled(a.body.document!.id), await settled(b.body.document!.id)];
    expect(docDone).toMatchObject({ extractionStatus: 'DONE', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(textDone).toMatchObject({ extractionStatus: 'DONE', mediaType: 'text/plain', pages: 1 });
    const data = ok(
      await t.gql<{ a: { text: string; dates: Array<{ normalized: string }> }; b: { text: string } }>(
        `query($a: ID!, $b: ID!) { a: document(id: $a) { text dates: entities(type: DATE) { normalized } } b: document(id: $b) { text } }`,
        { a: docDone.id, b: textDone.id },
        clerk.token,
      ),
    );
    expect(data.a.text).toContain('applies for an adjournment');
    expect(data.a.dates.map((d) => d.normalized)).toContain('2021-05-04');
    expect(data.b.text).toContain('listed for hearing');
  });

  it('stores the same bytes once, refuses them twice in one case, and serves the original unaltered', async () => {
    const bytes = Buffer.concat([Buffer.from('Exhibit A\n\nA letter dated 1 June 2019.\n'), Buffer.from(randomUUID())]);
    const first = await upload(clerk.token, caseId, bytes, 'exhibit-a.txt', { kind: 'exhibit' });
    const blobsAfterFirst = blobFiles();
    const again = await upload(clerk.token, caseId, bytes, 'exhibit-a-copy.txt', { kind: 'exhibit' });
    const elsewhere = await upload(clerk.token, otherCaseId, bytes, 'Exhibit Ä.txt', { kind: 'exhibit' });
    expect([first.status, again.status, elsewhere.status]).toEqual([201, 409, 201]);
    expect(again.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE_DOCUMENT' });
    expect(elsewhere.body.document!.sha256).toBe(first.body.document!.sha256);
    expect(blobFiles()).toEqual(blobsAfterFirst);
    expect(blobFiles().filter((f) => f === first.body.document!.sha256)).toHaveLength(1);
    expect(tempFiles()).toEqual([]);

    const res = await fetch(`${t.url}/api/documents/${elsewhere.body.document!.id}/content`, { headers: { authorization: `Bearer ${clerk.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Exhibit _.txt"; filename*=UTF-8''Exhibit%20%C3%84.txt`);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);

    const audit = t.app.get(AuditService);
    const uploads = (await audit.list({ action: 'upload' }, 100)).records.filter((r) => r.inputHashes.includes(first.body.document!.sha256));
    const downloads = (await audit.list({ action: 'download' }, 100)).records.filter((r) => r.inputHashes.includes(first.body.document!.sha256));
    expect(uploads.map((r) => r.caseId).sort()).toEqual([caseId, otherCaseId].sort());
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatchObject({ actorId: clerk.user.id, caseId: otherCaseId });
  });

  it('rejects an upload over the limit while it streams, before the body ends, storing nothing', async () => {
    const before = { blobs: blobFiles(), documents: await documentCount() };
    // chunked (no Content-Length): the limit can only be found while streaming; the body is never finished
    const boundary = `----amicus${randomBytes(8).toString('hex')}`;
    const answer = await new Promise<{ status: number; body: string; sentBytes: number }>((resolve, reject) => {
      let sentBytes = 0;
      const req = request(`${t.url}/api/cases/${caseId}/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${clerk.token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
      });
      const timer = setTimeout(() => reject(new Error('no answer before the body ended')), 15_000);
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          clearTimeout(timer);
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body, sentBytes });
        });
      });
      req.on('error', () => undefined);
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nToo big\r\n`);
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nexhibit\r\n`);
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n`);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      for (let i = 0; i < (LIMIT + 512 * 1024) / chunk.length; i++) {
        req.write(chunk);
        sentBytes += chunk.length;
      }
      // ... and the request is left open: only an answer given while streaming can arrive
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', reason: 'FILE_TOO_LARGE' });
    expect(blobFiles()).toEqual(before.blobs);
    await vi.waitFor(() => expect(tempFiles()).toEqual([]));
    expect(await documentCount()).toBe(before.documents);

    // a declared Content-Length over the limit is refused before the body is read
    const big = await upload(clerk.token, caseId, Buffer.alloc(LIMIT + 100 * 1024, 'b'), 'big.txt');
    expect(big.status).toBe(413);
    expect(big.body.errors?.[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', reason: 'FILE_TOO_LARGE' });
    expect(blobFiles()).toEqual(before.blobs);
    expect(await documentCount()).toBe(before.documents);
  });

  it('leaves nothing behind when the client goes away mid-upload', async () => {
    const before = { blobs: blobFiles(), documents: await documentCount() };
    const boundary = `----amicus${randomBytes(8).toString('hex')}`;
    const req = request(`${t.url}/api/cases/${caseId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${clerk.token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
    });
    req.on('error', () => undefined);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nInterrupted\r\n`);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nexhibit\r\n`);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.txt"\r\n\r\n`);
    req.write(Buffer.alloc(256 * 1024, 'h'));
    await vi.waitFor(() => expect(tempFiles()).toHaveLength(1));
    req.destroy();
    await vi.waitFor(() => expect(tempFiles()).toEqual([]));
    expect(blobFiles()).toEqual(before.blobs);
    expect(await documentCount()).toBe(before.documents);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('decides the type by content, not by name', async () => {
    const renamed = await upload(clerk.token, caseId, await makeTextPdf([['A PDF sent as notes.txt']]), 'notes.txt', { kind: 'other' });
    expect(renamed.status).toBe(201);
    expect(renamed.body.document!.mediaType).toBe('application/pdf');
    expect(await settled(renamed.body.document!.id)).toMatchObject({ extractionStatus: 'DONE', mediaType: 'application/pdf' });

    const before = { blobs: blobFiles(), documents: await documentCount() };
    const binary = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]), randomBytes(20_000)]);
    const rejected = await upload(clerk.token, caseId, binary, 'brief.pdf');
    expect(rejected.status).toBe(415);
    expect(rejected.body.errors?.[0].extensions).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', reason: 'UNSUPPORTED_TYPE' });
    expect(blobFiles()).toEqual(before.blobs);
    expect(tempFiles()).toEqual([]);
    expect(await documentCount()).toBe(before.documents);
  });

  it('marks corrupt and encrypted PDFs and a DOCX zip bomb failed with their codes, and keeps serving', async () => {
    const corrupt = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), randomBytes(4000)]);
    const encrypted = await makeTextPdf([['Sealed order']], { userPassword: 'secret' });
    const bomb = zipBomb;
    expect(bomb.length).toBeLessThan(LIMIT);
    const ids: Record<string, string> = {};
    for (const [name, bytes] of [['corrupt.pdf', corrupt], ['encrypted.pdf', encrypted], ['bomb.docx', bomb]] as const) {
      const up = await upload(clerk.token, caseId, bytes, name, { kind: 'exhibit' });
      expect(up.status).toBe(201);
      ids[name] = up.body.document!.id;
    }
    expect(await settled(ids['corrupt.pdf'])).toMatchObject({ extractionStatus: 'FAILED', extractionError: 'CORRUPT_FILE', job: { state: 'FAILED' } });
    expect(await settled(ids['encrypted.pdf'])).toMatchObject({ extractionStatus: 'FAILED', extractionError: 'ENCRYPTED_PDF' });
    expect(await settled(ids['bomb.docx'])).toMatchObject({ extractionStatus: 'FAILED', extractionError: 'ZIP_BOMB' });

    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const after = await upload(clerk.token, caseId, Buffer.from(`Still working ${randomUUID()}`), 'after.txt', { kind: 'other' });
    expect(await settled(after.body.document!.id)).toMatchObject({ extractionStatus: 'DONE' });
  });

  it('re-running an extraction replaces its pages and entities instead of adding to them', async () => {
    const up = await upload(clerk.token, otherCaseId, judgmentPdf, 'judgment.pdf');
    const id = (await settled(up.body.document!.id)).id;
    const counts = async () => ({
      pages: Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM document_pages WHERE document_id = '${id}'`))[0].n),
      entities: Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM document_entities WHERE document_id = '${id}'`))[0].n),
    });
    const first = await counts();
    expect(first.pages).toBe(2);
    expect(first.entities).toBeGreaterThan(3);
    const context = {
      id: randomUUID(),
      type: 'extract',
      payload: { documentId: id },
      caseId: otherCaseId,
      attempt: 2,
      createdBy: null,
      signal: new AbortController().signal,
      progress: async () => undefined,
      throwIfCancelled: () => undefined,
    } satisfies JobContext<{ documentId: string }>;
    await t.app.get(DocumentExtractionProcessor).run(context);
    expect(await counts()).toEqual(first);
  });

  it('lists a case’s documents with one batched load for all cases of a query', async () => {
    const service = t.app.get(DocumentsService);
    const spy = vi.spyOn(service, 'pageOfCases');
    const data = ok(
      await t.gql<{ cases: { edges: Array<{ node: { id: string; documents: { totalCount: number; edges: Array<{ node: { id: string; title: string } }> } } }> } }>(
        `{ cases(first: 10) { edges { node { id documents(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title job { state } } } } } } } }`,
        {},
        clerk.token,
      ),
    );
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    const byId = new Map(data.cases.edges.map((e) => [e.node.id, e.node.documents]));
    expect(byId.get(caseId)!.totalCount).toBeGreaterThan(5);
    expect(byId.get(caseId)!.edges).toHaveLength(2);
    expect(byId.get(otherCaseId)!.totalCount).toBe(2);

    // the next page follows the cursor
    const page1 = ok(await t.gql<{ case: { documents: { pageInfo: { endCursor: string }; edges: Array<{ node: { id: string } }> } } }>(
      `query($id: ID!) { case(id: $id) { documents(first: 2) { pageInfo { endCursor } edges { node { id } } } } }`, { id: caseId }, clerk.token));
    const page2 = ok(await t.gql<{ case: { documents: { edges: Array<{ node: { id: string } }> } } }>(
      `query($id: ID!, $after: String) { case(id: $id) { documents(first: 2, after: $after) { edges { node { id } } } } }`,
      { id: caseId, after: page1.case.documents.pageInfo.endCursor }, clerk.token));
    const ids = [...page1.case.documents.edges, ...page2.case.documents.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('hides a sealed case’s documents from an unassigned clerk exactly as missing ones', async () => {
    const text = Buffer.from(`Sealed statement ${randomUUID()}`);
    const up = await upload(clerk.token, sealedCaseId, text, 'sealed.txt', { kind: 'exhibit' });
    expect(up.status).toBe(201);
    const sealedDocId = up.body.document!.id;
    const missingId = randomUUID();

    const toSealed = await upload(outsider.token, sealedCaseId, Buffer.from('x'), 'x.txt');
    const toMissing = await upload(outsider.token, missingId, Buffer.from('x'), 'x.txt');
    expect(toSealed.status).toBe(404);
    expect(toSealed.text).toBe(toMissing.text);

    const view = `query($id: ID!) { document(id: $id) { id title } }`;
    const sealedView = await t.gql(view, { id: sealedDocId }, outsider.token);
    const missingView = await t.gql(view, { id: missingId }, outsider.token);
    expect(sealedView.data).toEqual({ document: null });
    expect(JSON.stringify(sealedView)).toBe(JSON.stringify(missingView));

    const getSealed = await fetch(`${t.url}/api/documents/${sealedDocId}/content`, { headers: { authorization: `Bearer ${outsider.token}` } });
    const getMissing = await fetch(`${t.url}/api/documents/${missingId}/content`, { headers: { authorization: `Bearer ${outsider.token}` } });
    expect([getSealed.status, getMissing.status]).toEqual([404, 404]);
    expect(await getSealed.text()).toBe(await getMissing.text());

    const anonymous = await fetch(`${t.url}/api/documents/${sealedDocId}/content`);
    expect(anonymous.status).toBe(401);
    // the assigned clerk still reads it
    const own = await fetch(`${t.url}/api/documents/${sealedDocId}/content`, { headers: { authorization: `Bearer ${clerk.token}` } });
    expect(Buffer.from(await own.arrayBuffer()).equals(text)).toBe(true);
  });
});

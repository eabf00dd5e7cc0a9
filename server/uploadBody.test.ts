import { describe, expect, it } from 'vitest';
import { readUpload, UPLOAD_LIMITS } from './uploadBody';

const MiB = 1024 * 1024;
const BOUNDARY = 'perimeter-test-boundary';

/** A multipart body streamed part by part (never one buffer), counting the bytes the reader pulled. */
function multipart(files: readonly { name: string; size: number }[], pulled = { bytes: 0 }): Request {
  const enc = new TextEncoder();
  const chunk = new Uint8Array(MiB).fill(0x23); // '#': a YAML comment
  async function* parts() {
    for (const f of files) {
      yield enc.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/yaml\r\n\r\n`);
      for (let left = f.size; left > 0; left -= MiB) yield left >= MiB ? chunk : chunk.subarray(0, left);
      yield enc.encode('\r\n');
    }
    yield enc.encode(`--${BOUNDARY}--\r\n`);
  }
  const it = parts();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await it.next();
      if (done) return controller.close();
      pulled.bytes += value.byteLength;
      controller.enqueue(value);
    },
  });
  return new Request('http://127.0.0.1/api/upload', { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, body, duplex: 'half' } as RequestInit);
}

describe('reading an upload with the documented limits (20 MiB a file, 200 MiB an upload)', () => {
  it('keeps a file of exactly 20 MiB and drops one byte more with a warning, without buffering it', async () => {
    const r = await readUpload(multipart([{ name: 'exact.yaml', size: 20 * MiB }, { name: 'over.yaml', size: 20 * MiB + 1 }, { name: 'small.yaml', size: 10 }]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.files.map((f) => [f.name, f.text.length])).toEqual([['exact.yaml', 20 * MiB], ['small.yaml', 10]]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'file-too-large', message: 'over.yaml: over the limit of 20971520 bytes (20 MiB) per file; file skipped' })]);
  });

  it('keeps 200 MiB of files and drops the file that would pass it, saying so', async () => {
    const files = [...Array.from({ length: 10 }, (_, i) => ({ name: `f${i}.yaml`, size: 20 * MiB })), { name: 'one-more.yaml', size: 1 }];
    const r = await readUpload(multipart(files));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.files).toHaveLength(10);
    expect(r.files.reduce((n, f) => n + f.text.length, 0)).toBe(200 * MiB);
    expect(r.warnings.map((w) => w.message)).toEqual(['one-more.yaml: not read, the files of this upload exceed the total limit of 209715200 bytes (200 MiB)']);
  }, 30_000);

  it('stops reading a request past 201 MiB (chunked: no Content-Length to refuse it by) with 413', async () => {
    const pulled = { bytes: 0 };
    const r = await readUpload(multipart(Array.from({ length: 15 }, (_, i) => ({ name: `f${i}.yaml`, size: 20 * MiB })), pulled));
    expect(r).toMatchObject({ ok: false, status: 413 });
    expect(pulled.bytes).toBeLessThan(UPLOAD_LIMITS.maxRequestBytes + 2 * MiB);
  }, 30_000);

  it('refuses a Content-Length over the limit before reading anything', async () => {
    const r = await readUpload(new Request('http://127.0.0.1/api/upload', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(UPLOAD_LIMITS.maxRequestBytes + 1) }, body: '{}' }));
    expect(r).toMatchObject({ ok: false, status: 413 });
  });

  it('reads JSON uploads with the same per-file limit', async () => {
    const text = 'x'.repeat(20 * MiB + 1);
    const r = await readUpload(new Request('http://127.0.0.1/api/upload', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ files: [{ name: 'a.yaml', text: 'kind: Namespace' }, { name: 'b.yaml', text }] }) }));
    expect(r.ok && r.files.map((f) => f.name)).toEqual(['a.yaml']);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['file-too-large']);
  });
});

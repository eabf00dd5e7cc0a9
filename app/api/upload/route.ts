import { cookies } from 'next/headers';
import { countSnapshot, type Warning } from '@/lib/model';
import { snapshotFromTexts } from '@/lib/sources';
import { MAX_UPLOAD_REQUEST_BYTES, pickManifestFiles } from '@/viewmodels/upload/uploadFiles';
import { isSessionId, newSessionId, UPLOAD_COOKIE, UPLOAD_IDLE_MS, uploadStore } from '@/server/uploads';

interface UploadedText {
  name: string;
  text: string;
}

/** A cross-site form must not be able to plant manifests in someone's session: the Origin, when sent, must be ours. */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The body, read up to `max` bytes: a chunked request has no Content-Length to check first, so the cap is applied
 * while reading (undefined when it is passed; nothing beyond the cap is buffered).
 */
async function readCapped(request: Request, max: number): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function readFiles(request: Request): Promise<UploadedText[] | string> {
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await request.formData();
    const out: UploadedText[] = [];
    for (const value of form.getAll('files')) {
      if (typeof value === 'string') continue;
      out.push({ name: value.name, text: await value.text() });
    }
    return out;
  }
  if (type.startsWith('application/json')) {
    const body: unknown = await request.json();
    const files = (body as { files?: unknown } | null)?.files;
    if (!Array.isArray(files)) return 'expected {"files": [{"name": "...", "text": "..."}]}';
    const out: UploadedText[] = [];
    for (const f of files as unknown[]) {
      const { name, text } = (f ?? {}) as { name?: unknown; text?: unknown };
      if (typeof name !== 'string' || typeof text !== 'string') return 'every file needs a string name and text';
      out.push({ name, text });
    }
    return out;
  }
  return 'send multipart/form-data with "files" fields, or JSON {"files": [{"name", "text"}]}';
}

/**
 * POST /api/upload: analyse uploaded manifests instead of the configured source, for this browser only. Parsed with
 * the manifest source's limits and warnings (snapshotFromTexts); kept in server memory, never written to disk.
 */
export async function POST(request: Request): Promise<Response> {
  if (!sameOrigin(request)) return Response.json({ error: 'cross-origin upload refused' }, { status: 403 });
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > MAX_UPLOAD_REQUEST_BYTES) {
    return Response.json({ error: `upload too large: ${length} bytes, the limit is ${MAX_UPLOAD_REQUEST_BYTES}` }, { status: 413 });
  }
  let files: UploadedText[] | string;
  try {
    const body = await readCapped(request, MAX_UPLOAD_REQUEST_BYTES);
    if (body === undefined) return Response.json({ error: `upload too large: the limit is ${MAX_UPLOAD_REQUEST_BYTES} bytes` }, { status: 413 });
    files = await readFiles(new Request(request.url, { method: 'POST', headers: { 'content-type': request.headers.get('content-type') ?? '' }, body: body as BodyInit }));
  } catch (e) {
    return Response.json({ error: `could not read the upload: ${e instanceof Error ? e.message : String(e)}` }, { status: 400 });
  }
  if (typeof files === 'string') return Response.json({ error: files }, { status: 400 });
  const { read, skipped } = pickManifestFiles(files);
  if (read.length === 0) return Response.json({ error: 'no .yaml, .yml or .json file in the upload', skipped }, { status: 400 });

  const fileNames = read.map((f) => f.name);
  const snapshot = snapshotFromTexts(read, { kind: 'upload', fileNames });
  const skippedWarnings: Warning[] =
    skipped.length > 0 ? [{ code: 'skipped-files', severity: 'info', message: `skipped ${skipped.length} file(s) without .yaml/.yml/.json: ${skipped.slice(0, 10).join(', ')}${skipped.length > 10 ? ', …' : ''}` }] : [];
  const withSkipped = skippedWarnings.length > 0 ? { ...snapshot, warnings: [...snapshot.warnings, ...skippedWarnings] } : snapshot;

  const jar = await cookies();
  const existing = jar.get(UPLOAD_COOKIE)?.value;
  const id = isSessionId(existing) ? existing : newSessionId();
  const bytes = read.reduce((sum, f) => sum + Buffer.byteLength(f.text, 'utf8'), 0);
  uploadStore().put(id, { snapshot: withSkipped, fileNames, bytes });
  jar.set(UPLOAD_COOKIE, id, { httpOnly: true, sameSite: 'strict', path: '/', secure: new URL(request.url).protocol === 'https:', maxAge: UPLOAD_IDLE_MS / 1000 });

  const s = withSkipped;
  return Response.json({
    files: fileNames,
    bytes,
    counts: countSnapshot(s),
    warnings: s.warnings,
  });
}

/** DELETE /api/upload: forget this browser's upload and go back to the configured source. */
export async function DELETE(request: Request): Promise<Response> {
  if (!sameOrigin(request)) return Response.json({ error: 'cross-origin request refused' }, { status: 403 });
  const jar = await cookies();
  const id = jar.get(UPLOAD_COOKIE)?.value;
  if (isSessionId(id)) uploadStore().delete(id);
  jar.delete(UPLOAD_COOKIE);
  return new Response(null, { status: 204 });
}

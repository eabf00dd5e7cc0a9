import { cookies } from 'next/headers';
import { countSnapshot, type Warning } from '@/lib/model';
import { snapshotFromTexts } from '@/lib/sources';
import { pickManifestFiles } from '@/viewmodels/upload/uploadFiles';
import { refuseApiRequest } from '@/server/authGate';
import { clientKey } from '@/server/signInLimiter';
import { readUpload } from '@/server/uploadBody';
import { newSessionId, UPLOAD_COOKIE, UPLOAD_IDLE_MS, uploadStore } from '@/server/uploads';

/**
 * POST /api/upload: analyse uploaded manifests instead of the configured source, for this browser only. Read from the
 * stream with the manifest source's limits (server/uploadBody), parsed with its warnings (snapshotFromTexts); kept in
 * server memory, never written to disk. proxy.ts does not run here (it would buffer the body): the same checks do.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseApiRequest(request);
  if (refused) return refused;
  const body = await readUpload(request);
  if (!body.ok) return Response.json({ error: body.error }, { status: body.status });
  const { read, skipped } = pickManifestFiles(body.files);
  if (read.length === 0) return Response.json({ error: 'no .yaml, .yml or .json file in the upload', skipped, warnings: body.warnings }, { status: 400 });

  const fileNames = read.map((f) => f.name);
  const snapshot = snapshotFromTexts(read, { kind: 'upload', fileNames });
  const extra: Warning[] = [...body.warnings];
  if (skipped.length > 0) extra.push({ code: 'skipped-files', severity: 'info', message: `skipped ${skipped.length} file(s) without .yaml/.yml/.json: ${skipped.slice(0, 10).join(', ')}${skipped.length > 10 ? ', …' : ''}` });
  const s = extra.length > 0 ? { ...snapshot, warnings: [...snapshot.warnings, ...extra] } : snapshot;

  const jar = await cookies();
  // Always a new id, never the one the browser brought (session fixation); its old upload is forgotten.
  uploadStore().delete(jar.get(UPLOAD_COOKIE)?.value);
  const id = newSessionId();
  const bytes = read.reduce((sum, f) => sum + Buffer.byteLength(f.text, 'utf8'), 0);
  const put = uploadStore().put(id, { snapshot: s, fileNames, bytes, client: clientKey(request.headers) });
  if (!put.ok) return Response.json({ error: `upload refused: ${put.reason}` }, { status: put.status, headers: put.retryAfterSeconds ? { 'retry-after': String(put.retryAfterSeconds) } : {} });
  jar.set(UPLOAD_COOKIE, id, { httpOnly: true, sameSite: 'strict', path: '/', secure: request.headers.get('x-forwarded-proto') === 'https' || new URL(request.url).protocol === 'https:', maxAge: UPLOAD_IDLE_MS / 1000 });

  return Response.json({
    files: fileNames,
    bytes,
    counts: countSnapshot(s),
    warnings: s.warnings,
  });
}

/** DELETE /api/upload: forget this browser's upload and go back to the configured source. */
export async function DELETE(request: Request): Promise<Response> {
  const refused = refuseApiRequest(request);
  if (refused) return refused;
  const jar = await cookies();
  uploadStore().delete(jar.get(UPLOAD_COOKIE)?.value);
  jar.delete(UPLOAD_COOKIE);
  return new Response(null, { status: 204 });
}

// Server-only: reads an upload's files from the request stream with the manifest source's limits applied while
// reading (20 MiB a file, 200 MiB a load): nothing past a limit is buffered, and what is dropped is said.
import 'server-only';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import type { Warning } from '@/lib/model';
import { DEFAULT_LIMITS, type ManifestLimits } from '@/lib/sources/types';
import { MAX_UPLOAD_REQUEST_BYTES } from '@/viewmodels/upload/uploadFiles';

/** One uploaded file as text. */
export interface UploadedText {
  readonly name: string;
  readonly text: string;
}

/** The files read (with warnings for those dropped at a limit), or why the request was refused. */
export type UploadRead =
  | { readonly ok: true; readonly files: readonly UploadedText[]; readonly warnings: readonly Warning[] }
  | { readonly ok: false; readonly status: 400 | 413; readonly error: string };

export type BodyLimits = Pick<ManifestLimits, 'maxFileBytes' | 'maxTotalBytes'> & {
  /** Bytes of the whole request: the files plus multipart framing or JSON syntax. */
  readonly maxRequestBytes: number;
};

/** The manifest source's limits, and 1 MiB over the total for framing. */
export const UPLOAD_LIMITS: BodyLimits = Object.freeze({ maxFileBytes: DEFAULT_LIMITS.maxFileBytes, maxTotalBytes: DEFAULT_LIMITS.maxTotalBytes, maxRequestBytes: MAX_UPLOAD_REQUEST_BYTES });

const MiB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;
const tooLarge = (limits: BodyLimits) => ({ ok: false as const, status: 413 as const, error: `request too large: the limit is ${limits.maxRequestBytes} bytes (${MiB(limits.maxTotalBytes)} of files and room for framing)` });
const fileTooLarge = (name: string, limits: BodyLimits): Warning => ({
  code: 'file-too-large',
  severity: 'error',
  message: `${name}: over the limit of ${limits.maxFileBytes} bytes (${MiB(limits.maxFileBytes)}) per file; file skipped`,
  origin: { file: name },
});
const overTotal = (name: string, limits: BodyLimits): Warning => ({
  code: 'total-size-limit',
  severity: 'error',
  message: `${name}: not read, the files of this upload exceed the total limit of ${limits.maxTotalBytes} bytes (${MiB(limits.maxTotalBytes)})`,
  origin: { file: name },
});

/**
 * The request body up to `max` bytes, or undefined past it: a chunked request has no Content-Length to check first,
 * so the cap is applied while reading and nothing beyond it is buffered.
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<Buffer | undefined> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      // A client that went away makes cancel() reject; the answer (too large) stays the same.
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** Multipart `files` fields, streamed: each file is cut off at its limit, files past the total are drained unread. */
function readMultipart(request: Request, limits: BodyLimits): Promise<UploadRead> {
  return new Promise((resolve) => {
    const files: UploadedText[] = [];
    const warnings: Warning[] = [];
    let total = 0;
    let requestBytes = 0;
    let settled = false;
    const finish = (r: UploadRead) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    let parser: busboy.Busboy;
    try {
      // fileSize + 1: a file of exactly the limit is read whole; one byte more trips 'limit'.
      parser = busboy({ headers: { 'content-type': request.headers.get('content-type') ?? '' }, limits: { fileSize: limits.maxFileBytes + 1, fields: 20, fieldSize: 64 * 1024 } });
    } catch (e) {
      return finish({ ok: false, status: 400, error: `could not read the upload: ${e instanceof Error ? e.message : String(e)}` });
    }
    parser.on('file', (field, stream, info) => {
      if (field !== 'files') return void stream.resume();
      const name = info.filename || 'upload';
      const chunks: Buffer[] = [];
      let size = 0;
      let dropped = false;
      stream.on('data', (chunk: Buffer) => {
        if (dropped) return;
        size += chunk.length;
        if (total + size > limits.maxTotalBytes && size <= limits.maxFileBytes) {
          dropped = true;
          chunks.length = 0;
          warnings.push(overTotal(name, limits));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('limit', () => {
        if (dropped) return;
        dropped = true;
        chunks.length = 0;
        warnings.push(fileTooLarge(name, limits));
      });
      stream.on('end', () => {
        if (dropped) return;
        total += size;
        files.push({ name, text: Buffer.concat(chunks, size).toString('utf8') });
      });
    });
    parser.on('error', (e: unknown) => finish({ ok: false, status: 400, error: `could not read the upload: ${e instanceof Error ? e.message : String(e)}` }));
    parser.on('close', () => finish({ ok: true, files, warnings }));
    if (!request.body) return void parser.end();
    const source = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);
    source.on('data', (chunk: Buffer) => {
      requestBytes += chunk.length;
      if (requestBytes > limits.maxRequestBytes) {
        source.destroy();
        parser.destroy();
        finish(tooLarge(limits));
      }
    });
    source.on('error', (e) => finish({ ok: false, status: 400, error: `could not read the upload: ${e.message}` }));
    source.pipe(parser);
  });
}

/** A JSON body read up to the request limit (Content-Length first, then while reading), parsed. */
export async function readJsonBody(request: Request, limits: BodyLimits = UPLOAD_LIMITS): Promise<{ readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly status: 400 | 413; readonly error: string }> {
  const length = Number(request.headers.get('content-length') ?? '0');
  const body = length > limits.maxRequestBytes ? undefined : await readCapped(request.body, limits.maxRequestBytes);
  if (body === undefined) return tooLarge(limits);
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch (e) {
    return { ok: false, status: 400, error: `could not read the request: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** JSON `{"files": [{"name", "text"}]}`; each file's text is held to the file limit and the total. */
async function readJson(request: Request, limits: BodyLimits): Promise<UploadRead> {
  const read = await readJsonBody(request, limits);
  if (!read.ok) return read;
  const list = (read.value as { files?: unknown } | null)?.files;
  if (!Array.isArray(list)) return { ok: false, status: 400, error: 'expected {"files": [{"name": "...", "text": "..."}]}' };
  const files: UploadedText[] = [];
  const warnings: Warning[] = [];
  let total = 0;
  for (const f of list as unknown[]) {
    const { name, text } = (f ?? {}) as { name?: unknown; text?: unknown };
    if (typeof name !== 'string' || typeof text !== 'string') return { ok: false, status: 400, error: 'every file needs a string name and text' };
    const size = Buffer.byteLength(text, 'utf8');
    if (size > limits.maxFileBytes) warnings.push(fileTooLarge(name, limits));
    else if (total + size > limits.maxTotalBytes) warnings.push(overTotal(name, limits));
    else {
      total += size;
      files.push({ name, text });
    }
  }
  return { ok: true, files, warnings };
}

/** The upload's files: multipart/form-data `files` fields, or JSON. Over the request limit: 413 (Content-Length first). */
export function readUpload(request: Request, limits: BodyLimits = UPLOAD_LIMITS): Promise<UploadRead> {
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > limits.maxRequestBytes) return Promise.resolve(tooLarge(limits));
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) return readMultipart(request, limits);
  if (type.startsWith('application/json')) return readJson(request, limits);
  return Promise.resolve({ ok: false, status: 400, error: 'send multipart/form-data with "files" fields, or JSON {"files": [{"name", "text"}]}' });
}

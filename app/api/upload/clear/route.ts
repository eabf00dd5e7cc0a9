import { cookies } from 'next/headers';
import { isSessionId, UPLOAD_COOKIE, uploadStore } from '@/server/uploads';

/**
 * POST /api/upload/clear: the banner's "back to the configured source" form (works without JavaScript). Forgets this
 * browser's upload and returns to the page it came from. The cookie is SameSite=Strict, so a cross-site form cannot
 * name a session here.
 */
export async function POST(request: Request): Promise<Response> {
  const jar = await cookies();
  const id = jar.get(UPLOAD_COOKIE)?.value;
  if (isSessionId(id)) uploadStore().delete(id);
  jar.delete(UPLOAD_COOKIE);
  return new Response(null, { status: 303, headers: { location: backTo(request) } });
}

/** The page the form was sent from (its path only, so never another site), else the Overview. */
function backTo(request: Request): string {
  const referer = request.headers.get('referer');
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    return url.host === new URL(request.url).host || url.host === request.headers.get('host') ? `${url.pathname}${url.search}` : '/';
  } catch {
    return '/';
  }
}

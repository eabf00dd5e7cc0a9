/** GET /api/health: the process answers (no data, no source read; public even with PERIMETER_AUTH_TOKEN). */
export function GET(): Response {
  return Response.json({ status: 'ok' });
}

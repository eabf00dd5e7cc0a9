/** Rows a page shows before "Show more", and the most any page shows however `limit` is set (pages stay bounded). */
export const PAGE_ROWS = 200;
export const MAX_PAGE_ROWS = 5_000;

/**
 * The `limit` query parameter of a paginated page: a positive whole number up to MAX_PAGE_ROWS, else `page`. Bounds
 * every page's HTML whatever the URL asks (the full list is in the page's export).
 */
export function pageLimit(raw: string | readonly string[] | undefined, page = PAGE_ROWS): number {
  const n = Number((Array.isArray(raw) ? raw[0] : raw) ?? page);
  return Number.isFinite(n) && n > 0 ? Math.min(Math.floor(n), MAX_PAGE_ROWS) : page;
}

/** The next "Show more" limit: five pages more, at most MAX_PAGE_ROWS. */
export function nextLimit(limit: number, page = PAGE_ROWS): number {
  return Math.min(limit + page * 5, MAX_PAGE_ROWS);
}

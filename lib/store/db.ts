// The store adapters' common face: the same SQL runs on PGlite (embedded, the default) and on PostgreSQL (`pg`).

/** Something SQL can be sent to: the database, or one transaction of it. */
export interface Queryable {
  /** One statement with `$1…` parameters; rows as plain objects. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** An open store database. */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: the folder, or the URL without its password. */
  readonly where: string;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A database URL as it may be shown: the password replaced by `***`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unparsable DATABASE_URL)';
  }
}

/** Bytes from a `bytea` column: pg gives a Buffer, PGlite a Uint8Array. */
export function bytesOf(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  throw new Error(`expected bytea, got ${typeof v}`);
}

/** An ISO 8601 string from a `timestamptz` column (both drivers give a Date). */
export function isoOf(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string') return new Date(v).toISOString();
  throw new Error(`expected a timestamp, got ${typeof v}`);
}

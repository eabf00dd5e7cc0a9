/** Where an object or warning came from, so a user can find it: a manifest file and document, or a cluster list call. */
export interface SourceLocation {
  /** Path as the user gave it (relative paths stay relative), or `cluster:<kind>` for live objects. */
  readonly file: string;
  /** 0-based index of the YAML document (or JSON value) within the file. */
  readonly documentIndex?: number;
  /** 0-based index within a `kind: List` / `*List` document's items. */
  readonly itemIndex?: number;
  /** 1-based line of the object's start in the file, when known. */
  readonly line?: number;
}

/** A reference to one object of the snapshot. */
export interface ObjectRef {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/** Where an object came from, as `file:line` (or `file#doc[item]` when the line is unknown): one form in every view. */
export function formatLocation(origin: SourceLocation | undefined): string {
  if (!origin) return '';
  if (origin.line !== undefined) return `${origin.file}:${origin.line}`;
  const doc = origin.documentIndex !== undefined ? `#${origin.documentIndex + 1}` : '';
  const item = origin.itemIndex !== undefined ? `[${origin.itemIndex}]` : '';
  return `${origin.file}${doc}${item}`;
}

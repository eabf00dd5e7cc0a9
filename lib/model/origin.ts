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

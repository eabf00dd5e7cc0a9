import type { ObjectRef, SourceLocation } from './origin';

export type WarningSeverity = 'info' | 'warning' | 'error';

/**
 * Something the user should know about the input or an analysis. Pure code never throws on bad user data;
 * it returns warnings beside its result.
 */
export interface Warning {
  /** Stable machine-readable code, e.g. `yaml-parse-error`, `unknown-kind`, `invalid-selector`, `dangling-roleref`. */
  readonly code: string;
  readonly severity: WarningSeverity;
  /** One specific sentence: what is wrong, where, and what was done about it. */
  readonly message: string;
  readonly origin?: SourceLocation;
  readonly object?: ObjectRef;
}

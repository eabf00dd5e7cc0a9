import type { Labels } from './labels';
import type { SourceLocation } from './origin';

/**
 * A namespace. `labels` always holds `kubernetes.io/metadata.name` (the API server sets it on every namespace),
 * so namespaceSelectors by name work on manifests too.
 */
/** The label the API server sets on every namespace to its name (NamespaceDefaultLabelName). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface Namespace {
  readonly name: string;
  readonly labels: Labels;
  /** False when the namespace is only implied by objects in it and has no manifest of its own. */
  readonly declared: boolean;
  readonly origin?: SourceLocation;
}

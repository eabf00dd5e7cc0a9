import type { PolicyRule } from '../model';

/** What a request asks for on a resource, as the authorizer sees it (`authorizer.Attributes`). */
export interface ResourceRequest {
  readonly kind: 'resource';
  readonly verb: string;
  /** API group; `''` is the core group. */
  readonly group: string;
  /** Plural resource name, e.g. `pods`. */
  readonly resource: string;
  readonly subresource?: string;
  /** Object name; absent for create and collection requests (list, watch, deletecollection). */
  readonly name?: string;
}

/** A request on a non-resource URL such as `/healthz` or `/apis`. */
export interface NonResourceRequest {
  readonly kind: 'nonResource';
  readonly verb: string;
  readonly path: string;
}

export type AccessRequest = ResourceRequest | NonResourceRequest;

// The helpers below follow kubernetes pkg/apis/rbac/v1/evaluation_helpers.go one to one.

/** `*` matches every verb; otherwise exact. */
export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => v === '*' || v === verb);
}

/** `*` matches every group; `''` is the core group and matches only it. */
export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return rule.apiGroups.some((g) => g === '*' || g === group);
}

/** The request's resource joined with its subresource (`pods/exec`), as upstream RuleAllows builds it. */
export function combinedResource(resource: string, subresource?: string): string {
  return subresource ? `${resource}/${subresource}` : resource;
}

/**
 * `*` matches all; otherwise `resource[/sub]` must match exactly (so `pods` does not cover `pods/exec`),
 * or the rule is `*\/sub` and the request has that subresource.
 */
export function resourceMatches(rule: PolicyRule, combined: string, subresource?: string): boolean {
  return rule.resources.some(
    (r) => r === '*' || r === combined || (!!subresource && r.length === subresource.length + 2 && r.startsWith('*/') && r.endsWith(subresource)),
  );
}

/** Empty resourceNames match any name; otherwise the request must name one of them (a nameless request never does). */
export function resourceNameMatches(rule: PolicyRule, name: string | undefined): boolean {
  if (rule.resourceNames.length === 0) return true;
  const requested = name ?? '';
  return rule.resourceNames.some((n) => n === requested);
}

/** Exact, `*`, or a trailing-`*` prefix (`/healthz/*` matches `/healthz/ready`; upstream trims every trailing `*`). */
export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  return rule.nonResourceURLs.some((u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.replace(/\*+$/, ''))));
}

/** Whether one rule allows the request (upstream `RuleAllows`). */
export function ruleAllows(request: AccessRequest, rule: PolicyRule): boolean {
  switch (request.kind) {
    case 'resource':
      return (
        verbMatches(rule, request.verb) &&
        apiGroupMatches(rule, request.group) &&
        resourceMatches(rule, combinedResource(request.resource, request.subresource), request.subresource) &&
        resourceNameMatches(rule, request.name)
      );
    case 'nonResource':
      return verbMatches(rule, request.verb) && nonResourceURLMatches(rule, request.path);
    default: {
      const never: never = request;
      return never;
    }
  }
}

/** A stable key for a rule's content: two rules with the same key are the same rule (upstream compares them semantically). */
export function ruleKey(rule: PolicyRule): string {
  return JSON.stringify([rule.verbs, rule.apiGroups, rule.resources, rule.resourceNames, rule.nonResourceURLs]);
}

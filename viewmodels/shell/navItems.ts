/** The dashboard's sections, in sidebar order. */
export interface NavItem {
  readonly href: string;
  readonly label: string;
  /** One line under the label, for screen readers and tooltips. */
  readonly description: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Overview', description: 'What the snapshot holds' },
  { href: '/graph', label: 'Graph', description: 'Namespaces, workloads and their pods' },
  { href: '/exposure', label: 'Exposure', description: 'What the internet and pods not there yet can reach, and what comes next' },
  { href: '/explain', label: 'Explain', description: 'Can this pod reach that one, and why' },
  { href: '/policies', label: 'Policies', description: 'NetworkPolicies and their selectors' },
  { href: '/access', label: 'Access', description: 'RBAC bindings and their subjects' },
  { href: '/findings', label: 'Findings', description: 'Problems and warnings' },
  { href: '/history', label: 'History', description: 'Every change to connectivity and access: who, when, what it did' },
  { href: '/what-if', label: 'What-if', description: 'What a policy or RBAC change would do, before it is applied' },
  { href: '/open', label: 'Open files', description: 'Analyse uploaded manifests, in this browser only' },
];

/** Whether `pathname` is inside the section at `href` (`/` only matches itself). */
export function isActive(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}

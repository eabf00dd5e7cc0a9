// Differences between two snapshots: connectivity (lib/netpol) and NetworkPolicy/workload access (lib/rbac).
export { connectivityDiff } from './connectivityDiff';
export type { ConnectionChange } from './connectivityDiff';
export { accessDiff, summarizeRights, DIFF_CAPABILITIES } from './accessDiff';
export type { AccessChange } from './accessDiff';
export { snapshotDiff, newExposures } from './snapshotDiff';
export type { SnapshotDiff } from './snapshotDiff';
export { subtractPorts } from './portDiff';
export { whatIf, parseDeletions } from './whatIf';
export type { WhatIfInput, WhatIfResult } from './whatIf';
export { findingsDiff } from './findingsDiff';
export type { FindingsDiff } from './findingsDiff';

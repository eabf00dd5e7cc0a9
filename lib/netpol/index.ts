// The NetworkPolicy connectivity engine: compile a snapshot, compute connectivity in compact form, expand it to
// endpoints on demand, and explain single connections.
export { compileSnapshot, isActivePod, rulePortSet } from './compile';
export type { AnalyzeOptions, CompiledPeer, CompiledPolicy, CompiledRule, CompiledSnapshot, ExternalRange, PodClass, PodEndpoint } from './compile';
export { adminPortSet, describeSubject } from './compileAdmin';
export type { AdminTier, CompiledAdmin, CompiledAdminPeer, CompiledAdminPolicy, CompiledAdminRule } from './compileAdmin';
export { analyzeConnectivity } from './connectivity';
export type { BehaviourGroup, Connectivity, ExternalGroup } from './connectivity';
export { connectionBetween, enumerateConnections, listEndpoints, matchesReference, workloadName } from './endpoints';
export type { Connection, Endpoint, EndpointLevel, EnumerateOptions } from './endpoints';
export { analyzeExposure } from './exposure';
export type { DirectionExposure, EndpointExposure, Exposure, ExposureEntry, ExposureOptions, ExposurePeer } from './exposure';
export { formatExposure } from './exposurePorts';
export type { ExposurePorts, NamedPort } from './exposurePorts';
export { representativePeerName, representativePeers } from './representativePeers';
export type { RepresentativeOrigin, RepresentativePeer } from './representativePeers';
export { adminRuleLabel, explain } from './explain';
export type { AdminHit, DecidingTier, ExplainQuery, ExplainResult, Explanation, RuleHit, SideExplanation } from './explain';
export { resolveEndpoint } from './resolveEndpoint';
export type { Resolution, ResolvedEndpoint } from './resolveEndpoint';
export { summarizeAdminPolicies, summarizeEndpoint, summarizePolicies } from './summaries';
export type { AdminPolicyRef, AdminPolicySummary, AdminRuleSummary, EndpointSummary, PeerSummary, PolicySummary, RuleSummary } from './summaries';
export { ALL_PORTS, NO_PORTS, PROTOCOLS, formatPorts, intersectPorts, isAllPorts, subtractPorts, isEmptyPorts, portRangeSet, portsContain, PortSetTable, unionPorts } from './portSet';
export type { PortRange, PortSet } from './portSet';
export { formatIpRange, parseCidr, parseIp } from './ipRange';
export type { IpFamily, IpRange } from './ipRange';
export { formatSelector, selectorMatches } from './selector';

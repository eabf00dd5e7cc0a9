// The NetworkPolicy connectivity engine: compile a snapshot, compute connectivity in compact form, expand it to
// endpoints on demand, and explain single connections.
export { compileSnapshot, isActivePod, rulePortSet } from './compile';
export type { AnalyzeOptions, CompiledPeer, CompiledPolicy, CompiledRule, CompiledSnapshot, ExternalRange, PodClass, PodEndpoint } from './compile';
export { analyzeConnectivity } from './connectivity';
export type { BehaviourGroup, Connectivity, ExternalGroup } from './connectivity';
export { connectionBetween, enumerateConnections, listEndpoints, matchesReference, workloadName } from './endpoints';
export type { Connection, Endpoint, EndpointLevel, EnumerateOptions } from './endpoints';
export { explain } from './explain';
export type { ExplainQuery, ExplainResult, Explanation, RuleHit, SideExplanation } from './explain';
export { resolveEndpoint } from './resolveEndpoint';
export type { Resolution, ResolvedEndpoint } from './resolveEndpoint';
export { summarizeEndpoint, summarizePolicies } from './summaries';
export type { EndpointSummary, PeerSummary, PolicySummary, RuleSummary } from './summaries';
export { ALL_PORTS, NO_PORTS, PROTOCOLS, formatPorts, intersectPorts, isAllPorts, isEmptyPorts, portRangeSet, portsContain, PortSetTable, unionPorts } from './portSet';
export type { PortRange, PortSet } from './portSet';
export { formatIpRange, parseCidr, parseIp } from './ipRange';
export type { IpFamily, IpRange } from './ipRange';
export { formatSelector, selectorMatches } from './selector';

// Parsing of what users ask, once for the CLI, the API routes and the pages: ports and port ranges, protocols,
// named ports (the IANA_SVC_NAME rule policies are validated by), endpoints, hostNetwork readings, verbs.
export { isValidPortName, MAX_PORT, MIN_PORT, parsePortSpec, parseProtocol } from './ports';
export type { Parsed, PortSpec } from './ports';
export { HOST_NETWORK_MODES, parseHostNetwork } from './hostNetwork';
export { ENDPOINT_SYNTAX, parseEndpointRef } from './endpoint';
export type { EndpointRef } from './endpoint';
export { parseRepresentativeRef, REPRESENTATIVE_SYNTAX } from './representativeRef';
export type { RepresentativeRef } from './representativeRef';
export { explainFieldsOf, explainSearchParams, parseExplainRequest } from './explainRequest';
export type { ExplainFields, ExplainRequest, RequestProblem } from './explainRequest';
export { parseSubjectRequest, SUBJECT_SYNTAX } from './subject';
export { API_VERBS, closest, grantedVerbs, SPECIAL_VERBS, verbWarning } from './verbs';

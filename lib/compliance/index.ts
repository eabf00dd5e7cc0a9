// Mapping of Perimeter's checks to the compliance controls they evidence (PCI DSS v4.0, ISO/IEC 27001:2022 Annex A).
export { CONTROLS } from './controls';
export type { Control, EvidenceSection } from './controls';

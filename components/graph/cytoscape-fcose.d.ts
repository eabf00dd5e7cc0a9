// cytoscape-fcose ships no types; it is a Cytoscape extension registered with `cytoscape.use(fcose)`.
declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';
  const fcose: Ext;
  export default fcose;
  /** The fcose options Perimeter sets (see the extension's README for their meaning and defaults). */
  export interface FcoseLayoutOptions {
    readonly name: 'fcose';
    readonly quality: 'draft' | 'default' | 'proof';
    readonly randomize: boolean;
    readonly animate: boolean;
    readonly fit: boolean;
    readonly padding: number;
    readonly nodeDimensionsIncludeLabels: boolean;
    readonly nodeSeparation: number;
    readonly idealEdgeLength: number;
    readonly nodeRepulsion?: number;
    readonly gravity?: number;
    readonly numIter: number;
    readonly tile: boolean;
    readonly packComponents: boolean;
  }
}

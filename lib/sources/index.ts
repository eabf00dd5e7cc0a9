// The only module that reads manifests: pure parsing/conversion/assembly plus two small fs adapters.
export { parseManifestText } from './parseManifestText';
export { listItemsAsRaw } from './raw';
export { convertObjects, NAMESPACE_NAME_LABEL } from './convertObjects';
export { assembleSnapshot } from './assembleSnapshot';
export { snapshotFromTexts } from './snapshotFromTexts';
export { loadManifestFiles } from './loadManifestFiles';
export { loadDemoSnapshot } from './loadDemoSnapshot';
export { DEFAULT_LIMITS, FILE_LIMITS } from './types';
export type { RawObject, RawMap, ParsedManifest, ConvertedObjects, ConvertedPod, ConvertedController, ManifestLimits, PodTemplate, ControllerKind } from './types';

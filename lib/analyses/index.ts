// One object per snapshot and config holding every analysis, computed once and shared by every reader.
export { analyze, DEFAULT_READING } from './analyses';
export type { Analyses, KnownResults, NetworkAnalyses, NetworkReading } from './analyses';

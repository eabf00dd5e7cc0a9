// From verdict to fix: the smallest policy changes that flip an explained verdict, each checked by a what-if.
export { proposeFixes } from './proposeFixes';
export type { FixProposal, FixResult } from './proposeFixes';
export type { Candidate, FixKind, PolicyEdit } from './candidates';
export { lineDiff, patchHunks, patchText } from './lineDiff';
export type { PatchLine } from './lineDiff';

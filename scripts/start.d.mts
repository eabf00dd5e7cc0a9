/** Types for the plain-JS start script, so its unit test type-checks. */
export declare const BUILD_INPUTS: readonly string[];
export declare function newestMtime(p: string): number;
export declare function buildReason(root: string): string | undefined;

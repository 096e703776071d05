export declare const ROOT: string;
export declare const BUNDLE: string;
export declare function bundleInputs(): string[];
export declare function buildIdentity(): string;
export declare function newerInputThanBundle(): string | null;
export declare function checkPatchesApplied(): void;

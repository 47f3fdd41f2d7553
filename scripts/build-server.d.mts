// Types of build-server.mjs for the TypeScript that imports it (bench/, test/).
export const SERVER_BUILD_DIR: string;
export const SERVER_ENTRY: string;
export function serverBuildIsStale(): boolean;
export function buildServer(): Promise<void>;
export function ensureServerBuild(options?: { log?: (message: string) => void }): Promise<boolean>;
export const START_UP_PACKAGES: readonly string[];
export function isBundled(specifier: string, importer: string, projectRoot?: string): boolean;
export function packageOf(specifier: string): string;
export const BUILDS_KEPT: number;
export function recordBuildAndPrune(
  dir: string,
  files: readonly string[],
  options?: { now?: number; keep?: number },
): void;

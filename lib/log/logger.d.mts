import type { Logger } from "pino";

export const REDACTED_PATHS: string[];
export function createLogger(options?: { destination?: NodeJS.WritableStream & { isTTY?: boolean }; pretty?: boolean; level?: string }): Logger;
export function logger(): Logger;

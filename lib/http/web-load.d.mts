export function requestStarted(): void;
export function requestEnded(): void;
export function readWebLoad(minMs?: number): number | null;

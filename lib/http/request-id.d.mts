export const REQUEST_ID_HEADER: "x-request-id";
export function requestIdFrom(incoming: string | string[] | undefined | null): string;

import type { IncomingMessage, ServerResponse } from "node:http";

export const PEER_ADDRESS_HEADER: "x-ratchet-peer-address";
export function stampPeerAddress(req: IncomingMessage): void;
export function observeRequests(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  options: { matchRoute: (pathname: string) => string; log?: import("pino").Logger },
): (req: IncomingMessage, res: ServerResponse) => void;

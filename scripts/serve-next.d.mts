import type { IncomingMessage } from "node:http";

export const PEER_ADDRESS_HEADER: "x-ratchet-peer-address";
export function stampPeerAddress(req: IncomingMessage): void;

import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";

export function observeRequests(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  options: { matchRoute: (pathname: string) => string; log?: Logger; beforeHandle?: (req: IncomingMessage) => void },
): (req: IncomingMessage, res: ServerResponse) => void;

export type RequestContext = {
  requestId: string;
  /** Set by the API wrapper once it knows who is asking. */
  actorId?: string;
};

export function runWithRequestContext<T>(context: RequestContext, run: () => T): T;
export function currentRequestContext(): RequestContext | undefined;

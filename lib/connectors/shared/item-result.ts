/** What a response parser says about one item; the connector adds latency and turns it into a ConnectorOutcome. */
export type ItemResult = { ok: true; output: unknown } | { ok: false; reason: string };

/** A parser's verdict on a whole response: one result per item, or one reason that fails them all. */
export type ParsedResponse = { items: ItemResult[] } | { error: string };

import { z } from "zod";
import { idSchema } from "@/lib/http/id-params";
import { problemStatusSchema, severitySchema } from "./problem.schema";

// The problem list's search, filters, sort and page: strict for the API (an
// unknown value is a 400 naming the parameter), lenient for the page's URL
// (unknown values are dropped, so an old bookmark still opens).

export const PROBLEM_SORTS = ["key", "severity", "status", "updatedAt", "patternCount"] as const;
export type ProblemSort = (typeof PROBLEM_SORTS)[number];

export type ProblemListQuery = {
  q: string;
  severities: z.infer<typeof severitySchema>[];
  statuses: z.infer<typeof problemStatusSchema>[];
  ownerIds: string[];
  sort: ProblemSort;
  order: "asc" | "desc";
  cursor: string | null;
  limit: number;
};

export const DEFAULT_PROBLEM_LIST_LIMIT = 50;

/** "high,low" or ["high", "low,medium"] → ["high", "low", "medium"] (trimmed, deduplicated, empty parts dropped). */
export function splitList(raw: string | string[] | undefined): string[] {
  const parts = (Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((s) => s.split(","));
  return [...new Set(parts.map((s) => s.trim()).filter(Boolean))];
}

const commaList = <T extends string>(item: z.ZodType<T, string>) =>
  z
    .string()
    .optional()
    .transform(splitList)
    .pipe(z.array(item));

/** `GET /projects/{projectId}/problems` query: `?q=&severity=high,low&status=&ownerId=&sort=&order=&cursor=&limit=`. */
export const problemListQuerySchema = z
  .object({
    q: z.string().trim().max(200).default("").describe("Searches key and title"),
    severity: commaList(severitySchema).describe("Comma-separated severities"),
    status: commaList(problemStatusSchema).describe("Comma-separated statuses"),
    ownerId: commaList(idSchema).describe("Comma-separated user ids"),
    sort: z.enum(PROBLEM_SORTS).default("key"),
    order: z.enum(["asc", "desc"]).default("asc"),
    cursor: z.string().min(1).max(500).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(DEFAULT_PROBLEM_LIST_LIMIT),
  })
  .transform(
    (v): ProblemListQuery => ({
      q: v.q,
      severities: v.severity,
      statuses: v.status,
      ownerIds: v.ownerId,
      sort: v.sort,
      order: v.order,
      cursor: v.cursor ?? null,
      limit: v.limit,
    }),
  );

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The problems page's URL → a query; anything unrecognised falls back to the default. */
export function parseProblemListParams(params: SearchParams): ProblemListQuery {
  const keep = <T>(schema: z.ZodType<T>, values: string[]) => values.filter((v) => schema.safeParse(v).success) as T[];
  const sort = z.enum(PROBLEM_SORTS).safeParse(first(params.sort));
  const order = z.enum(["asc", "desc"]).safeParse(first(params.order));
  const limit = z.coerce.number().int().min(1).max(200).safeParse(first(params.limit));
  const cursor = first(params.cursor);
  return {
    q: (first(params.q) ?? "").trim().slice(0, 200),
    severities: keep(severitySchema, splitList(params.severity)),
    statuses: keep(problemStatusSchema, splitList(params.status)),
    ownerIds: keep(idSchema, splitList(params.ownerId)),
    sort: sort.success ? sort.data : "key",
    order: order.success ? order.data : "asc",
    cursor: cursor && cursor.length <= 500 ? cursor : null,
    limit: limit.success ? limit.data : DEFAULT_PROBLEM_LIST_LIMIT,
  };
}

/** A query → the page's URL search string (defaults left out), e.g. for sort links and "next page". */
export function problemListSearch(query: ProblemListQuery, overrides: Partial<ProblemListQuery> = {}): string {
  const q = { ...query, ...overrides };
  const params = new URLSearchParams();
  if (q.q) params.set("q", q.q);
  if (q.severities.length) params.set("severity", q.severities.join(","));
  if (q.statuses.length) params.set("status", q.statuses.join(","));
  if (q.ownerIds.length) params.set("ownerId", q.ownerIds.join(","));
  if (q.sort !== "key") params.set("sort", q.sort);
  if (q.order !== "asc") params.set("order", q.order);
  if (q.limit !== DEFAULT_PROBLEM_LIST_LIMIT) params.set("limit", String(q.limit));
  if (q.cursor) params.set("cursor", q.cursor);
  const text = params.toString();
  return text ? `?${text}` : "";
}

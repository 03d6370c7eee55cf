import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { ValidationError } from "@/lib/errors/domain-errors";
import { coverageHints } from "./coverage-hints";
import type { ProblemListItemResource } from "./problem.schema";
import type { ProblemListQuery, ProblemSort } from "./problem-list-query";

// One SQL statement for the problems page and GET /projects/{id}/problems:
// filters, search, pattern counts (for coverage hints and the patternCount sort)
// and keyset pagination on (sort value, id), so page 20 costs what page 1 costs.

const SORT_EXPRESSIONS: Record<ProblemSort, { expr: Prisma.Sql; cast: Prisma.Sql }> = {
  key: { expr: Prisma.sql`p.number`, cast: Prisma.sql`::int` },
  severity: { expr: Prisma.sql`p.severity`, cast: Prisma.sql`::"Severity"` },
  status: { expr: Prisma.sql`p.status`, cast: Prisma.sql`::"ProblemStatus"` },
  updatedAt: { expr: Prisma.sql`p.updated_at`, cast: Prisma.sql`::timestamp(3)` },
  patternCount: { expr: Prisma.sql`COALESCE(c.total, 0)`, cast: Prisma.sql`::int` },
};

type Row = {
  id: string;
  project_id: string;
  key: string;
  number: number;
  title: string;
  description: string;
  severity: ProblemListItemResource["severity"];
  status: ProblemListItemResource["status"];
  target: number;
  origin: string;
  owner_id: string | null;
  owner_name: string | null;
  ratchet: boolean;
  lock_version: number;
  created_at: Date;
  updated_at: Date;
  total: number;
  control: number;
  production: number;
};

type Cursor = { value: string | number; id: string };

function encodeCursor(sort: ProblemSort, row: Row): string {
  const value: Record<ProblemSort, string | number> = {
    key: row.number,
    severity: row.severity,
    status: row.status,
    updatedAt: row.updated_at.toISOString(),
    patternCount: row.total,
  };
  return Buffer.from(JSON.stringify([sort, value[sort], row.id])).toString("base64url");
}

function decodeCursor(cursor: string, sort: ProblemSort): Cursor {
  try {
    const [cursorSort, value, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (cursorSort === sort && (typeof value === "string" || typeof value === "number") && typeof id === "string") return { value, id };
  } catch {
    // fall through: not one of ours
  }
  throw new ValidationError("Invalid cursor.", [{ path: "query.cursor", message: "not a cursor from this list and sort" }], 400);
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function searchProblems(projectId: string, query: ProblemListQuery): Promise<{ items: ProblemListItemResource[]; nextCursor: string | null }> {
  const sort = SORT_EXPRESSIONS[query.sort];
  const desc = query.order === "desc";
  const conditions: Prisma.Sql[] = [Prisma.sql`p.project_id = ${projectId}`];
  if (query.q) conditions.push(Prisma.sql`(p.key ILIKE ${likePattern(query.q)} OR p.title ILIKE ${likePattern(query.q)})`);
  if (query.severities.length) conditions.push(Prisma.sql`p.severity = ANY(${query.severities}::"Severity"[])`);
  if (query.statuses.length) conditions.push(Prisma.sql`p.status = ANY(${query.statuses}::"ProblemStatus"[])`);
  if (query.ownerIds.length) conditions.push(Prisma.sql`p.owner_id = ANY(${query.ownerIds}::text[])`);
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, query.sort);
    const value = Prisma.sql`${cursor.value}${sort.cast}`;
    conditions.push(desc ? Prisma.sql`(${sort.expr}, p.id) < (${value}, ${cursor.id})` : Prisma.sql`(${sort.expr}, p.id) > (${value}, ${cursor.id})`);
  }
  const direction = desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;

  const rows = await prisma().$queryRaw<Row[]>`
    SELECT p.id, p.project_id, p.key, p.number, p.title, p.description, p.severity::text AS severity, p.status::text AS status,
           p.target, p.origin, p.owner_id, u.name AS owner_name, p.ratchet, p.lock_version, p.created_at, p.updated_at,
           COALESCE(c.total, 0)::int AS total, COALESCE(c.control, 0)::int AS control, COALESCE(c.production, 0)::int AS production
    FROM problems p
    LEFT JOIN users u ON u.id = p.owner_id
    -- Per problem (index on patterns(problem_id, archived_at)): sorted by key, severity, status or date the
    -- planner stops after the page's rows, so a page counts its own problems' patterns, not the project's.
    LEFT JOIN LATERAL (
      SELECT count(*) AS total,
             count(*) FILTER (WHERE purpose = 'control') AS control,
             count(*) FILTER (WHERE origin = 'production') AS production
      FROM patterns
      WHERE problem_id = p.id AND archived_at IS NULL
    ) c ON true
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${sort.expr} ${direction}, p.id ${direction}
    LIMIT ${query.limit + 1}`;

  const page = rows.slice(0, query.limit);
  const items = page.map((row): ProblemListItemResource => {
    const patternCounts = { total: row.total, control: row.control, production: row.production };
    return {
      id: row.id,
      projectId: row.project_id,
      key: row.key,
      number: row.number,
      title: row.title,
      description: row.description,
      severity: row.severity,
      status: row.status,
      target: row.target,
      origin: row.origin,
      ownerId: row.owner_id,
      owner: row.owner_id && row.owner_name !== null ? { id: row.owner_id, name: row.owner_name } : null,
      ratchet: row.ratchet,
      lockVersion: row.lock_version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      patternCount: row.total,
      patternCounts,
      coverageHints: coverageHints(patternCounts),
    };
  });
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(query.sort, last) : null };
}

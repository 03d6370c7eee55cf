import { Prisma } from "@/lib/db/generated/client";

// How a stored output (a jsonb column) reads in an output distribution, in SQL,
// for results and captures alike, so a capture's output and a result's output
// land in the same bucket. The SQL twin of topLabel (normalise-output.ts).

/** Label projects: the label an output stands for (a ranking's best entry), as text; other answers as their JSON text. */
export function labelKeySql(output: Prisma.Sql): Prisma.Sql {
  const top = Prisma.sql`(CASE WHEN jsonb_typeof(${output}) = 'array'
      THEN (CASE WHEN jsonb_typeof(${output} -> 0) = 'object' THEN ${output} -> 0 -> 'label' ELSE ${output} -> 0 END)
      ELSE ${output} END)`;
  return Prisma.sql`(CASE WHEN jsonb_typeof(${top}) = 'string' THEN ${top} #>> '{}' ELSE COALESCE(${top}::text, 'null') END)`;
}

/** Text and JSON projects: a string output as itself, anything else as its canonical JSON text (PostgreSQL's jsonb rendering). */
export function textKeySql(output: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE WHEN jsonb_typeof(${output}) = 'string' THEN ${output} #>> '{}' ELSE ${output}::text END)`;
}

/** Number projects: a JSON number as float8; anything else is null (left out of a histogram). */
export function numberValueSql(output: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE WHEN jsonb_typeof(${output}) = 'number' THEN (${output} #>> '{}')::float8 END)`;
}

export type DistributionKind = "label" | "number" | "text";

/** The distribution kind of a project's outputs: json projects read as text. */
export function distributionKindOf(outputKind: "label" | "number" | "text" | "json"): DistributionKind {
  return outputKind === "json" ? "text" : outputKind;
}

import type { OutputKind } from "@/lib/db/generated/enums";
import type { FieldError } from "@/lib/errors/domain-errors";
import type { Expectation, ExpectationKind } from "@/lib/scoring/expectation.schema";

export type ProjectOutput = { outputKind: OutputKind; labels: readonly string[] };

// Which expectation kinds can judge which output kinds. `human` judges anything;
// contains/matches read labels and JSON as text, as judgeOutput does.
export const KINDS_BY_OUTPUT: Record<OutputKind, readonly ExpectationKind[]> = {
  label: ["equals", "not_equals", "one_of", "in_top_k", "contains", "matches", "human"],
  number: ["equals", "not_equals", "one_of", "within", "human"],
  text: ["equals", "not_equals", "one_of", "contains", "matches", "human"],
  json: ["equals", "not_equals", "one_of", "within", "contains", "matches", "json_subset", "human"],
};

const OUTPUT_WORDS: Record<OutputKind, string> = { label: "labels", number: "numbers", text: "text", json: "JSON values" };

/**
 * Whether an expectation can judge this project's outputs: the kind suits the
 * output kind, values are known labels on label projects, numbers on number
 * projects, strings on text projects. Paths start at `root` ("body.expectation").
 */
export function checkExpectationFitsProject(project: ProjectOutput, expectation: Expectation, root = "body.expectation"): FieldError[] {
  const allowed = KINDS_BY_OUTPUT[project.outputKind];
  if (!allowed.includes(expectation.kind)) {
    return [{ path: `${root}.kind`, message: `${expectation.kind} cannot judge this project's outputs (${OUTPUT_WORDS[project.outputKind]}); use one of: ${allowed.join(", ")}` }];
  }
  switch (expectation.kind) {
    case "equals":
    case "not_equals":
    case "in_top_k":
      return valueErrors(project, expectation.value, `${root}.value`);
    case "one_of":
      return expectation.values.flatMap((value, i) => valueErrors(project, value, `${root}.values.${i}`));
    default:
      return [];
  }
}

function valueErrors(project: ProjectOutput, value: unknown, path: string): FieldError[] {
  switch (project.outputKind) {
    case "label":
      if (typeof value !== "string") return [{ path, message: "must be a label (a string)" }];
      if (project.labels.length > 0 && !project.labels.includes(value)) {
        return [{ path, message: `not a label of this project: ${JSON.stringify(value)} (labels: ${project.labels.join(", ")})` }];
      }
      return [];
    case "number":
      return typeof value === "number" ? [] : [{ path, message: "must be a number: this project's outputs are numbers" }];
    case "text":
      return typeof value === "string" ? [] : [{ path, message: "must be a string: this project's outputs are text" }];
    case "json":
      return [];
  }
}

import type { OutputKind } from "@/lib/db/generated/enums";

// The one output normaliser of every connector kind. In a label project the
// expectation compares labels as text ("8"), while models often answer class
// ids (8, from an INT64 tensor) or numbers and booleans: without this, `equals
// "8"` never matches 8 and every error rate is silently wrong. What cannot be
// mapped onto a project label is kept as it came (judged, and failing) and
// counted as "not a label of this project" (isProjectLabel) so the model
// version page and registration can say so.

export type OutputProject = { outputKind: OutputKind; labels: readonly string[] };

/**
 * One answer → a project label when it maps onto one: an integer class id
 * (a number, or integer text that is not itself a label) becomes
 * `classLabels[id]` when the connector configures `labels`; a number or
 * boolean whose text is a project label becomes that label. Anything else
 * comes back unchanged. Outputs of other projects are never touched.
 */
export function normaliseOutput(output: unknown, project: OutputProject, classLabels?: readonly string[]): unknown {
  if (project.outputKind !== "label") return output;
  // A ranking (in_top_k): each entry, bare or { label, score }.
  if (Array.isArray(output)) return output.map((entry) => (isRankedEntry(entry) ? { ...entry, label: normaliseAnswer(entry.label, project.labels, classLabels) } : normaliseAnswer(entry, project.labels, classLabels)));
  return normaliseAnswer(output, project.labels, classLabels);
}

function normaliseAnswer(answer: unknown, labels: readonly string[], classLabels: readonly string[] | undefined): unknown {
  if (typeof answer === "string" && labels.includes(answer)) return answer;
  const classId = typeof answer === "number" ? answer : typeof answer === "string" && /^\d+$/.test(answer) ? Number(answer) : undefined;
  if (classLabels && classId !== undefined && Number.isInteger(classId) && classId >= 0 && classId < classLabels.length) return classLabels[classId];
  if (typeof answer === "number" || typeof answer === "boolean") {
    const text = String(answer);
    if (labels.includes(text)) return text;
  }
  return answer;
}

function isRankedEntry(entry: unknown): entry is { label: unknown } {
  return entry !== null && typeof entry === "object" && !Array.isArray(entry) && "label" in entry;
}

/** The label an output stands for: itself, or the best entry of a ranking. */
function topLabel(output: unknown): unknown {
  const top = Array.isArray(output) ? output[0] : output;
  return isRankedEntry(top) ? top.label : top;
}

/** Whether a (normalised) output is one of the project's labels; always true outside label projects. SQL twin: notProjectLabelSql. */
export function isProjectLabel(output: unknown, project: OutputProject): boolean {
  if (project.outputKind !== "label") return true;
  const label = topLabel(output);
  return typeof label === "string" && project.labels.includes(label);
}

import { ValidationError } from "@/lib/errors/domain-errors";
import type { ConnectorOutcome } from "./connector";
import { connectorKind, type ConnectorKindName } from "./connector-kinds";
import { isProjectLabel, type OutputProject } from "./normalise-output";

const SHOWN = 10;

function list(values: readonly unknown[]): string {
  const shown = values.slice(0, SHOWN).map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
  return `${shown.join(", ")}${values.length > SHOWN ? ", …" : ""}`;
}

/**
 * A label project's model must answer labels: 422 when it answered (some
 * outputs came back) and none of them is, or maps onto, a project label. The
 * field is the connector's `labels` when the answers are class ids, else the
 * field that picks the output. Failed calls prove nothing and pass.
 */
export function assertOutputsAreLabels(outcomes: readonly ConnectorOutcome[], project: OutputProject, kind: ConnectorKindName, pathPrefix: string): void {
  if (project.outputKind !== "label") return;
  const outputs = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.output] : []));
  if (outputs.length === 0 || outputs.some((output) => isProjectLabel(output, project))) return;
  const spec = connectorKind(kind);
  const classIds = outputs.every((output) => typeof output === "number" && Number.isInteger(output)) && spec.fields.some((field) => field.name === "labels");
  const seen = list([...new Set(outputs.map((output) => (typeof output === "string" ? output : JSON.stringify(output))))]);
  const expected = list(project.labels);
  throw new ValidationError(
    `The model answered ${seen} for the project's first ${outputs.length === 1 ? "pattern" : `${outputs.length} patterns`}: not labels of this project (expected one of ${expected}).${
      classIds ? " These look like class ids: set labels to the class names in id order." : ""
    }`,
    [
      {
        path: `${pathPrefix}.${classIds ? "labels" : spec.outputField}`,
        message: classIds ? `the model answers class ids (${seen}); list the class names in id order` : `the model answers ${seen}, not one of the project's labels (${expected})`,
      },
    ],
  );
}

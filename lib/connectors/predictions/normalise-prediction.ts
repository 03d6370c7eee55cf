import { isProjectLabel, normaliseOutput, type OutputProject } from "../normalise-output";

// A predictions file is typed by people and exported by spreadsheets, so a
// label answer arrives as " positive", "POSITIVE" or "Negative.". Before the
// shared output normaliser (class ids, numbers, booleans → labels), a text
// answer is trimmed and matched onto the project's labels: exactly, else
// ignoring case, else ignoring trailing punctuation too — only when exactly
// one label matches, so an ambiguous answer stays as it came and is flagged.

const TRAILING_PUNCTUATION = /[\s.!?,;:]+$/;

function matchLabelText(answer: unknown, labels: readonly string[]): unknown {
  if (typeof answer !== "string") return answer;
  const text = answer.trim();
  if (labels.includes(text)) return text;
  const unique = (key: (s: string) => string) => {
    const wanted = key(text);
    const matches = labels.filter((label) => key(label) === wanted);
    return matches.length === 1 ? matches[0] : undefined;
  };
  return unique((s) => s.toLowerCase()) ?? unique((s) => s.replace(TRAILING_PUNCTUATION, "").toLowerCase()) ?? text;
}

/** One prediction as the replay judges it: label text matched (trimmed, case, trailing punctuation), then the shared normaliser. */
export function normalisePrediction(output: unknown, project: OutputProject): unknown {
  if (project.outputKind !== "label") return output;
  const matched = Array.isArray(output)
    ? output.map((entry) =>
        entry !== null && typeof entry === "object" && !Array.isArray(entry) && "label" in entry
          ? { ...entry, label: matchLabelText((entry as { label: unknown }).label, project.labels) }
          : matchLabelText(entry, project.labels),
      )
    : matchLabelText(output, project.labels);
  return normaliseOutput(matched, project);
}

/** Whether a prediction, once normalised, is one of the project's labels (always true outside label projects). */
export function predictionIsProjectLabel(output: unknown, project: OutputProject): boolean {
  return isProjectLabel(normalisePrediction(output, project), project);
}

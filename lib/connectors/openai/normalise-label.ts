// LLM answers for label projects: "Positive." / " NEGATIVE" / "'neutral'" all
// mean a project label. Anything else is returned as the raw answer, which the
// expectation then judges (and fails) — never guessed into a label.

function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The project label the answer names, or the answer as it came. */
export function normaliseLabel(answer: string, labels: readonly string[]): string {
  const wanted = normalise(answer);
  if (!wanted) return answer;
  return labels.find((label) => normalise(label) === wanted) ?? answer;
}

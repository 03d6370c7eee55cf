/**
 * A problem key prefix from a project name: the initials of several words
 * ("Review sentiment classifier" → "RSC"), or the start of a single word
 * ("Sentiment" → "SENT"). Always 2–8 letters A–Z; "PRJ" when the name has too few letters.
 */
export function defaultKeyPrefix(name: string): string {
  const words = name
    .normalize("NFKD")
    .split(/[\s\-_./]+/)
    .map((w) => w.replace(/[^A-Za-z]/g, "").toUpperCase())
    .filter(Boolean);
  const prefix = words.length >= 2 ? words.map((w) => w[0]).join("").slice(0, 8) : (words[0] ?? "").slice(0, 4);
  return prefix.length >= 2 ? prefix : "PRJ";
}
